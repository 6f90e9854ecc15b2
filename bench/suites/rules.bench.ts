import { EventEmitter } from 'eventemitter3';
import { catalogue, EventBus, parseEvent, RuleEngine, type RuleInput } from '@vmsc/core';
import { sampleEvents } from '@vmsc/testing';
import { compare, type Suite } from '../lib.js';

/** Every (platform, event type) pair of the catalogue. */
const pairs = Object.entries(catalogue).flatMap(([source, events]) => Object.keys(events).map((type) => ({ source, type })));

/** The same three firing rules in every configuration (sync actions only: counters). */
const liveRules: RuleInput[] = [
  {
    id: crypto.randomUUID(),
    name: 'gift streak total',
    trigger: { types: ['gift'] },
    conditions: { path: 'data.repeatEnd', op: '==', value: true },
    actions: [{ type: 'counter', name: 'gifts' }],
  },
  {
    id: crypto.randomUUID(),
    name: 'chat commands',
    trigger: { types: ['chat'] },
    conditions: { path: 'data.message', op: 'startsWith', value: '!' },
    actions: [{ type: 'counter', name: 'commands' }],
  },
  { id: crypto.randomUUID(), name: 'follows', trigger: { types: ['follow'] }, actions: [{ type: 'counter', name: 'follows' }] },
];

/**
 * `count - 3` rules that cannot match the sample events, spread round-robin over every (platform,
 * type) pair: per-viewer rules (`user.id == "viewer-N"`) and per-item rules (`user.username == "..."`),
 * the shape of large real rule sets (one rule per VIP, per gift, per command).
 */
function fillerRules(count: number): RuleInput[] {
  return Array.from({ length: count - liveRules.length }, (_, i) => {
    const pair = pairs[i % pairs.length]!;
    return {
      id: crypto.randomUUID(),
      name: `filler ${i}`,
      trigger: { types: [pair.type as 'chat'], sources: [pair.source] },
      conditions: {
        all: [
          i % 2 === 0 ? { path: 'user.id', op: '==', value: `viewer-${i}` } : { path: 'user.username', op: '==', value: `vip_${i}` },
          { path: 'data', op: 'exists' },
        ],
      },
      cooldown: { perUserMs: 10_000 },
      actions: [{ type: 'log', message: '{{user.nickname}} triggered filler {{rule.name}}' }],
    } satisfies RuleInput;
  });
}

/**
 * `count` command rules that the sample chat messages never invoke (`!filler-N`, an alias, a usage
 * pattern and a permission each): indexed by command word, they cost one map lookup per chat message.
 */
function commandRules(count: number): RuleInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `command ${i}`,
    trigger: { command: `!filler-${i}`, aliases: [`!f${i}`], args: { pattern: '<sides:int> [label...]' }, permission: 'subscriber' },
    cooldown: { perUserMs: 10_000 },
    actions: [{ type: 'log', message: '{{user.nickname}} rolled {{args.sides}}' }],
  }));
}

/**
 * `count` timer rules (hourly, after 5 chat messages, while Twitch is live, with jitter): they never
 * come due in a bench round; what they cost per event is the chat count they watch.
 */
function timerRules(count: number): RuleInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `timer ${i}`,
    trigger: {
      timer: { everySeconds: 3_600, jitterSeconds: 60, minChatMessages: 5, whileLive: 'twitch' },
      ...(i % 2 ? { sources: ['twitch'] } : {}),
    },
    actions: [{ type: 'log', message: 'timer {{rule.name}} after {{data.payload.chatMessages}} messages' }],
  }));
}

/** `count` rules: the live ones, a quarter command rules, a tenth timer rules, the rest event-trigger fillers. */
function rulesOf(count: number): RuleInput[] {
  const commands = Math.floor(count / 4);
  const timers = Math.floor(count / 10);
  return [...liveRules, ...fillerRules(count - commands - timers), ...commandRules(commands), ...timerRules(timers)];
}

const suite: Suite = async () => {
  // Fresh ids for every event of the ring so that the bus's same-id suppression does not drop them.
  const ring: unknown[] = [];
  while (ring.length < 4096) for (const event of sampleEvents()) ring.push(JSON.parse(JSON.stringify(event)));
  const size = ring.length;

  const emitter = new EventEmitter();
  let sink = 0;
  emitter.on('event', () => {
    sink++;
  });

  const configurations = [10, 1_000, 10_000].map((count) => {
    const bus = new EventBus({ idMemory: 1_000 });
    const engine = new RuleEngine({ bus, rules: rulesOf(count), logger: () => undefined });
    return { count, bus, engine };
  });

  let i = 0;
  const comparison = await compare({
    title: 'Rules: validate + bus + rule engine, by number of rules',
    description:
      `parseEvent on a JSON sample event (all ${pairs.length} platform/type pairs, round-robin), then publish on an EventBus ` +
      'with a RuleEngine attached. Three rules fire (gift streak end, chat command, follow: counter actions); the others ' +
      'are spread over every platform/type pair and cannot match (per-viewer `user.id ==` / `user.username ==` rules with a ' +
      'per-user cooldown), a quarter of them command rules (`!filler-N` with an alias, a usage pattern and a permission), a tenth ' +
      'timer rules (hourly, after 5 chat messages, while live). Baseline: the same parseEvent, then an eventemitter3 emit.',
    targets: [
      {
        label: '10,000 rules within 2x of 10 rules',
        task: 'parseEvent + bus + engine, 10,000 rules',
        against: 'parseEvent + bus + engine, 10 rules',
        max: 2,
      },
      {
        label: '1,000 rules within 2x of 10 rules',
        task: 'parseEvent + bus + engine, 1,000 rules',
        against: 'parseEvent + bus + engine, 10 rules',
        max: 2,
      },
    ],
    baseline: {
      name: 'parseEvent + eventemitter3 emit',
      // Async like the candidates (whose rule runs settle in microtasks), so both pay the same harness cost.
      fn: async () => {
        const result = parseEvent(ring[i++ % size]);
        if (result.ok) emitter.emit('event', result.event);
      },
    },
    candidates: configurations.map(({ count, bus }) => ({
      name: `parseEvent + bus + engine, ${count.toLocaleString('en-US')} rules`,
      fn: async () => {
        const result = parseEvent(ring[i++ % size]);
        if (result.ok) bus.publish(result.event);
      },
    })),
  });
  for (const { engine } of configurations) {
    await engine.idle();
    sink += Number(engine.getVariable('gifts') ?? 0);
    engine.close();
  }
  if (sink < 0) console.log(sink);
  return [comparison];
};

export default suite;
