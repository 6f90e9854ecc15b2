import { EventBus, createEvent, parseEvent, isEvent } from '@vmsc/core';

const bus = new EventBus();
const off = bus.on('gift', (e) => console.log(e.user.nickname, e.data.giftName, e.data.diamondCount));
bus.onAny((e) => {
  if (isEvent(e, 'twitch', 'cheer')) console.log('bits:', e.data.bits);
});
bus.onNotice('deduped', (n) => console.log('dropped a duplicate:', n.detail));

bus.publish(
  createEvent({
    source: 'tiktok',
    type: 'gift',
    user: { id: '6812', username: 'rosefan', nickname: 'Rose Fan' },
    data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 1, repeatEnd: true },
  }),
);

const untrustedText = '{"source":"tiktok","type":"gift"}'; // e.g. a WebSocket message
const result = parseEvent(JSON.parse(untrustedText));
if (result.ok) bus.publish(result.event);
else console.error(result.error.issues); // every problem, each with its path: [{ path: 'data.giftId', ... }]
off();
