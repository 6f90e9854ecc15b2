/**
 * The quick-start demo: wires an EventBus, subscribes with typed handlers, loads a few JSON rules into
 * a RuleEngine, plays a TikTok gift streak (its rule fires once, on `repeatEnd == true`), then feeds
 * sample events of every platform, printing each one and every rule run. Run with `pnpm demo`.
 */
import { createEvent, EventBus, isEvent, RuleEngine, type RuleInput, type StreamEvent } from '@vmsc/core';
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
bus.onNotice((notice) =>
  console.log(colour(90, `  notice: ${notice.kind}${notice.kind === 'error' ? ` ${notice.error.code}: ${notice.error.message}` : ''}`)),
);

// Rules are plain JSON (they could come from a file: see validateRules and docs/rules.md).
const rules: RuleInput[] = [
  {
    id: '5d0c1c55-2b1e-4d8a-9a3e-6f1f0f6c1a01',
    name: 'Thank gift streaks',
    trigger: { types: ['gift'], sources: ['tiktok'] },
    // Spec 002: one action per completed streak, not one per streak event.
    conditions: { path: 'data.repeatEnd', op: '==', value: true },
    actions: [
      { type: 'counter', name: 'streaks' },
      { type: 'log', message: 'thank you {{user.nickname}} for {{data.repeatCount}}x {{data.giftName}}!' },
    ],
  },
  {
    id: '5d0c1c55-2b1e-4d8a-9a3e-6f1f0f6c1a02',
    name: 'Big cheers',
    trigger: { types: ['cheer'] },
    conditions: { path: 'data.bits', op: '>=', value: 500 },
    actions: [{ type: 'call', action: 'alert', params: { text: '{{user.nickname}} cheered {{data.bits}} bits', bits: '{{data.bits}}' } }],
  },
  {
    id: '5d0c1c55-2b1e-4d8a-9a3e-6f1f0f6c1a03',
    name: 'Count follows',
    trigger: { types: ['follow'] },
    cooldown: { perUserMs: 60_000 },
    actions: [{ type: 'counter', name: 'follows' }],
  },
];
const engine = new RuleEngine({
  bus,
  rules,
  logger: (_level, message, context) => console.log(colour(33, `  ↳ [${context.rule.name}] ${message}`)),
});
engine.registerAction('alert', (params) => console.log(colour(33, `  ↳ ALERT: ${String(params.text)}`)));
const fired = new Map<string, number>();
engine.onRun((run) => {
  fired.set(run.rule.name, (fired.get(run.rule.name) ?? 0) + (run.outcome === 'completed' ? 1 : 0));
  console.log(colour(90, `  ↳ rule "${run.rule.name}": ${run.outcome} in ${run.durationMs} ms`));
});

// A TikTok gift streak: five events, growing repeatCount; only the last has repeatEnd: true.
const streakUser = { id: '6974028183', username: 'lionheart', nickname: 'Lion Heart' };
let streakEvent: StreamEvent | undefined;
for (let count = 1; count <= 5; count++) {
  streakEvent = createEvent({
    source: 'tiktok',
    type: 'gift',
    user: streakUser,
    data: { giftName: 'Lion', giftId: 6369, diamondCount: 29999, repeatCount: count, repeatEnd: count === 5 },
  });
  bus.publish(streakEvent);
}
await engine.idle();
console.log(colour(33, `\ngift streak of 5 events → "Thank gift streaks" fired ${fired.get('Thank gift streaks') ?? 0} time(s)\n`));

for (const event of sampleEvents()) {
  bus.publish(event);
  await new Promise((resolve) => setTimeout(resolve, 15));
}
await engine.idle();
const midStreak = {
  ...streakEvent!,
  data: { ...(streakEvent!.data as Record<string, unknown>), repeatCount: 2, repeatEnd: false },
} as StreamEvent;
const why = engine.explain('Thank gift streaks', midStreak);
console.log(colour(90, `\nexplain a mid-streak gift: wouldRun=${why.wouldRun}; ${why.reasons.join('; ')}`));
console.log(
  `rules fired: ${[...fired.entries()].map(([name, count]) => `${name} ${count}`).join(', ')}; counters: streaks=${String(engine.getVariable('streaks'))}, follows=${String(engine.getVariable('follows'))}`,
);
console.log(
  `${[...counts.values()].reduce((a, b) => a + b, 0)} events from ${counts.size} platforms: ${[...counts.entries()].map(([source, count]) => `${source} ${count}`).join(', ')}`,
);
