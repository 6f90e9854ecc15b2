/**
 * The quick-start demo: wires an EventBus, subscribes with typed handlers, and feeds it sample events
 * of every platform, printing each one. Run with `pnpm demo`.
 */
import { EventBus, isEvent, type StreamEvent } from '@vmsc/core';
import { sampleEvents } from '@vmsc/testing';

const colour = process.stdout.isTTY ? (code: number, text: string) => `\u001b[${code}m${text}\u001b[0m` : (_: number, text: string) => text;
const platformColours: Record<string, number> = {
  tiktok: 35,
  twitch: 95,
  youtube: 31,
  kick: 32,
  streamlabs: 36,
  streamelements: 34,
  heartrate: 91,
};

function describe(event: StreamEvent): string {
  // Narrowing on `type` (and `isEvent` for one platform's payload) types `data` without casts.
  switch (event.type) {
    case 'chat':
      return `${event.user.nickname}: ${event.data.message}`;
    case 'gift':
      return `${event.user.nickname} sent ${event.data.repeatCount}× ${event.data.giftName} (${event.data.diamondCount * event.data.repeatCount} diamonds)`;
    case 'bpm_update':
      return `heart rate ${event.data.bpm} bpm`;
    case 'cheer':
      return isEvent(event, 'twitch', 'cheer')
        ? `${event.user.nickname} cheered ${event.data.bits} bits`
        : `${event.user.nickname} cheered`;
    case 'tip':
    case 'donation':
    case 'super_chat':
      return `${event.user.nickname} gave ${event.data.amount} ${event.data.currency}`;
    case 'raid':
      return `raid with ${event.data.viewerCount} viewers`;
    case 'viewer_count':
      return `${event.data.viewerCount} watching`;
    default:
      return `${event.user.nickname} ${JSON.stringify(event.data)}`;
  }
}

const bus = new EventBus();
const counts = new Map<string, number>();
bus.onAny((event) => {
  counts.set(event.source, (counts.get(event.source) ?? 0) + 1);
  const tag = colour(platformColours[event.source] ?? 37, event.source.padEnd(14));
  console.log(`${tag} ${event.type.padEnd(20)} ${describe(event)}`);
});
bus.on('gift', (event) => {
  if (event.data.repeatEnd) console.log(colour(33, `  ↳ gift streak finished: ${event.data.repeatCount}× ${event.data.giftName}`));
});
bus.onNotice((notice) => console.log(colour(90, `  notice: ${notice.kind}`)));

for (const event of sampleEvents()) {
  bus.publish(event);
  await new Promise((resolve) => setTimeout(resolve, 15));
}
console.log(
  `\n${[...counts.values()].reduce((a, b) => a + b, 0)} events from ${counts.size} platforms: ${[...counts.entries()].map(([source, count]) => `${source} ${count}`).join(', ')}`,
);
