# The Python example client of the VMSC spec ("Python Example"), copied unchanged except for the
# token line: the token (and the URL) come from the environment, defaulting to the spec's values.
# Needs `pip install websockets`. Run: VMSC_TOKEN=... python3 examples/custom-ws/python_client.py
import asyncio
import json
import os
import websockets
AUTH_TOKEN = os.environ.get("VMSC_TOKEN", "your-vmsc-auth-token")
VMSC_URL = os.environ.get("VMSC_URL", "ws://localhost:7895")
async def main():
    uri = f"{VMSC_URL}?token={AUTH_TOKEN}"
    async with websockets.connect(uri) as ws:
        # Subscribe to gift events only
        await ws.send(json.dumps({
            "action": "subscribe",
            "eventTypes": ["gift"]
        }))
        # Listen for events
        async for raw in ws:
            msg = json.loads(raw)
            if msg["action"] == "event":
                event = msg["event"]
                print(f"Gift from {event['user']['username']}: "
                      f"{event['data']['giftName']}")
asyncio.run(main())
