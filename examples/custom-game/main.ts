/**
 * Boss fight against a hub:
 *
 *   VMSC_URL=ws://127.0.0.1:7895 VMSC_TOKEN=... npx tsx examples/custom-game/main.ts
 *
 * connects to a running hub (its rules need a manual rule named "Boss defeated", see local-hub.ts).
 * Without VMSC_URL/VMSC_TOKEN it starts a hub in-process on a free port and plays a short scripted
 * stream into it, so you can watch the whole loop: chat and gifts → damage → goal_progress → rule.
 */
import { createEvent } from '@vmsc/core';
import { start } from './game.js';
import { startLocalHub, type LocalHub } from './local-hub.js';

let hub: LocalHub | undefined;
let url = process.env.VMSC_URL;
let token = process.env.VMSC_TOKEN;
if (!url || !token) {
  hub = await startLocalHub({ port: 0 });
  ({ url, token } = hub);
  console.log(`No VMSC_URL/VMSC_TOKEN: started a hub in-process at ${url}`);
}

const game = await start({
  url,
  token,
  bossHp: 60,
  onHit: ({ attacker, via, dealt, hp, maxHp, level }) =>
    console.log(`${attacker.nickname} hits boss ${level} for ${dealt} (${via}): ${hp}/${maxHp} HP`),
  onDefeat: ({ level, finisher, rule }) =>
    console.log(`Boss ${level} defeated by ${finisher.nickname}! rule "${rule.ruleName}": ${rule.outcome}`),
});

if (hub) {
  // What platform connectors would publish on the hub's bus during a stream.
  const viewer = (name: string) => ({ id: name, username: name.toLowerCase(), nickname: name });
  const stream = [
    createEvent({ source: 'kick', type: 'chat', user: viewer('Alice'), data: { message: '!attack' } }),
    createEvent({ source: 'youtube', type: 'chat', user: viewer('Bob'), data: { message: '!attack the boss' } }),
    createEvent({
      source: 'tiktok',
      type: 'gift',
      user: viewer('Carol'),
      data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 3, repeatEnd: false },
    }),
    createEvent({
      source: 'tiktok',
      type: 'gift',
      user: viewer('Carol'),
      data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 5, repeatEnd: true },
    }),
    createEvent({ source: 'twitch', type: 'cheer', user: viewer('Dave'), data: { bits: 500, message: 'Cheer500' } }),
    createEvent({ source: 'kick', type: 'chat', user: viewer('Alice'), data: { message: '!attack' } }),
  ];
  for (const event of stream) {
    hub.bus.publish(event);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await game.idle();
  await game.stop();
  await hub.close();
} else {
  console.log('Playing. Ctrl-C to stop.');
  process.once('SIGINT', () => void game.stop().then(() => process.exit(0)));
}
