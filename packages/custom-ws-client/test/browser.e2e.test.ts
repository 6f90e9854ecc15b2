/**
 * The browser build on the browser's own WebSocket (real headless Chromium, Debian's `chromium`,
 * driven by playwright-core): bundled from the sources with the package's browser build options,
 * it connects over loopback to a real `ws` server. Pins that core's WebSocketConnector works on a
 * WHATWG WebSocket, including binary frames, which a browser delivers as a Blob unless asked for
 * an ArrayBuffer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, startWsServer, type LoopbackHttpServer, type LoopbackWsServer } from '@vmsc/testing';
import { bundleBrowserClient, launchChromium } from './support/chromium.js';

const PAGE = `<!doctype html><script type="module">
  import { CustomWsClient, EventBus } from './browser.js';
  const bus = new EventBus();
  window.messages = [];
  window.problems = [];
  bus.on('chat', (event) => window.messages.push(event.data.message));
  const client = new CustomWsClient({
    bus,
    url: new URLSearchParams(location.search).get('ws'),
    source: 'my-bot',
    mapping: { type: { const: 'chat' }, 'user.id': '$.from', 'data.message': '$.text' },
  });
  client.on('error', (error) => window.problems.push(error.message));
  client.connect().then(() => (window.connected = true));
</script>`;

let tmp: string;
let page: LoopbackHttpServer;
let ws: LoopbackWsServer;
let context: BrowserContext;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vmsc-ws-browser-'));
  const bundle = readFileSync(await bundleBrowserClient(join(tmp, 'bundle')));
  page = await startHttpServer((request, response) => {
    if (request.url?.startsWith('/browser.js')) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  ws = await startWsServer();
  context = await launchChromium(join(tmp, 'profile'));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await ws?.close();
  await page?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the browser build on the browser WebSocket', () => {
  it('connects and maps text and binary JSON frames', async () => {
    const tab = await context.newPage();
    await tab.goto(new URL(`/?ws=${encodeURIComponent(ws.url)}`, page.url).toString());
    await tab.waitForFunction(() => (window as unknown as { connected?: boolean }).connected === true);
    ws.broadcast(JSON.stringify({ from: 'ann', text: 'as text' }));
    ws.broadcast(Buffer.from(JSON.stringify({ from: 'bob', text: 'as bytes' })));
    ws.broadcast(JSON.stringify({ from: 'cy', text: 'the end' }));
    await tab.waitForFunction(() => (window as unknown as { messages: string[] }).messages.includes('the end'), undefined, {
      timeout: 10_000,
    });
    const { messages, problems } = await tab.evaluate(() => {
      const state = window as unknown as { messages: string[]; problems: string[] };
      return { messages: state.messages, problems: state.problems };
    });
    expect(problems).toEqual([]);
    expect(messages).toEqual(['as text', 'as bytes', 'the end']);
  }, 60_000);
});
