// The Node.js example client of the VMSC spec ("Example: Connecting a Custom Application"), copied
// unchanged except for the token line: the token (and, for tests, the URL) come from the environment,
// defaulting to the spec's values. Run: VMSC_TOKEN=... node examples/custom-ws/node-client.cjs
const WebSocket = require('ws');
const AUTH_TOKEN = process.env.VMSC_TOKEN || 'your-vmsc-auth-token';
const VMSC_URL = process.env.VMSC_URL || 'ws://localhost:7895';
const ws = new WebSocket(`${VMSC_URL}?token=${AUTH_TOKEN}`);
ws.on('open', () => {
  console.log('Connected to VMSC');
  // Subscribe to all events from all platforms
  ws.send(
    JSON.stringify({
      action: 'subscribe',
    }),
  );
  // Inject a custom event
  ws.send(
    JSON.stringify({
      action: 'injectEvent',
      event: {
        type: 'chat',
        source: 'my-app',
        user: {
          id: 'bot-001',
          username: 'MyApp',
          nickname: 'My Application',
        },
        data: {
          message: 'Automated message from my app',
        },
      },
    }),
  );
});
ws.on('message', (raw) => {
  const msg = JSON.parse(raw);
  if (msg.action === 'event') {
    console.log(`[${msg.event.source}] ${msg.event.type}:`, msg.event.data);
  }
  if (msg.action === 'error') {
    console.error(`Error ${msg.code}: ${msg.message}`);
  }
});
ws.on('close', (code, reason) => {
  console.log(`Disconnected: ${code} ${reason}`);
});
