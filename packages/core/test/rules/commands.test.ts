import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  ActionRegistry,
  createEvent,
  replyAction,
  validateRules,
  type RuleInput,
  type RuleRunResult,
  type RuleTrigger,
  type StreamEvent,
  type StreamUser,
} from '@vmsc/core';
import { TriggerIndex } from '../../src/rules/trigger-index.js';
import type { Scope } from '../../src/rules/path.js';
import { rule, setup } from './helpers.js';

const viewer: StreamUser = { id: 'u-1', username: 'viewer1', nickname: 'Viewer1' };

/** A chat message of each platform, with the roles given in that platform's own normalized shape. */
const chatOn = {
  twitch: (message: string, badges: string[] = [], user: StreamUser = viewer) =>
    createEvent({ source: 'twitch', type: 'chat', user, data: { message, badges: badges.map((setId) => ({ setId, id: '1' })) } }),
  kick: (message: string, badges: string[] = [], user: StreamUser = viewer) =>
    createEvent({
      source: 'kick',
      type: 'chat',
      user,
      data: { message, senderIdentity: { color: '#fff', badges: badges.map((type) => ({ type, text: type })) } },
    }),
  youtube: (message: string, flags: { owner?: boolean; moderator?: boolean; member?: boolean } = {}, user: StreamUser = viewer) =>
    createEvent({
      source: 'youtube',
      type: 'chat',
      user: { ...user, isModerator: flags.moderator === true || flags.owner === true, isSubscriber: flags.member === true },
      data: flags.owner ? { message, isChatOwner: true } : { message },
    }),
  tiktok: (
    message: string,
    roles: Partial<Pick<StreamUser, 'isModerator' | 'isSubscriber' | 'followRole'>> & { host?: boolean } = {},
    user: StreamUser = viewer,
  ) => {
    const { host, ...flags } = roles;
    return createEvent({
      source: 'tiktok',
      type: 'chat',
      user: { ...user, ...flags },
      data: host ? { message, isHost: true } : { message },
    });
  },
};

function command(trigger: RuleInput['trigger'], overrides: Partial<RuleInput> = {}): RuleInput {
  return rule({
    trigger,
    actions: [{ type: 'call', action: 'record', params: { first: '{{args.0}}', rest: '{{args.rest}}', count: '{{args.count}}' } }],
    ...overrides,
  });
}

async function publish(engine: ReturnType<typeof setup>['engine'], bus: ReturnType<typeof setup>['bus'], ...events: StreamEvent[]) {
  const runs: RuleRunResult[] = [];
  const off = engine.onRun((run) => runs.push(run));
  for (const event of events) bus.publish(event);
  await engine.idle();
  off();
  // Refused runs are reported at once, others when their actions settle: in the order of the events.
  return runs.sort((a, b) => events.indexOf(a.event!) - events.indexOf(b.event!));
}

describe('command trigger: matching', () => {
  it('matches "!dice" and its aliases on every platform, case-insensitively, and exposes the arguments', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(command({ command: '!dice', aliases: ['!roll'] }));
    await publish(
      engine,
      bus,
      chatOn.twitch('!dice 20'),
      chatOn.kick('!ROLL 6  lucky   me '),
      chatOn.youtube('  !Dice'),
      chatOn.tiktok('!roll 1 2 3'),
    );
    expect(calls.map((call) => [call.event?.source, call.params])).toEqual([
      ['twitch', { first: '20', rest: '20', count: 1 }],
      ['kick', { first: '6', rest: '6  lucky   me', count: 3 }],
      ['youtube', { first: undefined, rest: '', count: 0 }],
      ['tiktok', { first: '1', rest: '1 2 3', count: 3 }],
    ]);
  });

  it('does not match the command inside a sentence, a longer word, another type or another source', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(command({ command: '!dice', sources: ['twitch', 'kick'] }));
    await publish(
      engine,
      bus,
      chatOn.twitch('I love !dice'),
      chatOn.twitch('!dicey'),
      chatOn.twitch(''),
      chatOn.youtube('!dice'),
      createEvent({ source: 'twitch', type: 'cheer', user: viewer, data: { bits: 5, message: '!dice' } }),
    );
    expect(calls).toEqual([]);
    await publish(engine, bus, chatOn.kick('!dice'));
    expect(calls).toHaveLength(1);
  });

  it('caseSensitive: only the exact word', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(command({ command: '!Dice', caseSensitive: true }));
    await publish(engine, bus, chatOn.twitch('!dice'), chatOn.twitch('!DICE'), chatOn.twitch('!Dice 3'));
    expect(calls.map((call) => call.params.first)).toEqual(['3']);
  });

  it('any prefix: the command word carries its own ("?dice", "dice")', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(command({ command: '?dice' }));
    engine.addRule(command({ command: 'hello' }));
    await publish(engine, bus, chatOn.twitch('?dice 2'), chatOn.twitch('Hello there'), chatOn.twitch('!dice'));
    expect(calls.map((call) => call.params.rest)).toEqual(['2', 'there']);
  });

  it('conditions read the arguments; templates render command.name and command.invoked', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(
      command(
        { command: '!so', aliases: ['!shoutout'] },
        {
          conditions: { path: 'args.count', op: '>=', value: 1 },
          actions: [{ type: 'call', action: 'record', params: { text: '{{command.name}} via {{command.invoked}}: go follow {{args.0}}' } }],
        },
      ),
    );
    await publish(engine, bus, chatOn.twitch('!shoutout'), chatOn.twitch('!SHOUTOUT @pixelfan'));
    expect(calls.map((call) => call.params.text)).toEqual(['!so via !SHOUTOUT: go follow @pixelfan']);
  });

  it('removeRule takes the command out of the index; event rules keep working next to command rules', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(command({ command: '!dice' }, { name: 'dice' }));
    engine.addRule(rule({ name: 'all chat', trigger: { types: ['chat'] } }));
    await publish(engine, bus, chatOn.twitch('!dice'));
    expect(calls.map((call) => call.rule)).toEqual(['dice', 'all chat']);
    engine.removeRule('dice');
    await publish(engine, bus, chatOn.twitch('!dice'));
    expect(calls.map((call) => call.rule)).toEqual(['dice', 'all chat', 'all chat']);
  });

  it('engine.trigger with a chat event gives the rule its arguments', async () => {
    const { engine, calls } = setup();
    engine.addRule(command({ command: '!dice' }, { name: 'dice' }));
    const run = await engine.trigger('dice', chatOn.twitch('!dice 12'));
    expect(run.outcome).toBe('completed');
    expect(calls[0]!.params).toEqual({ first: '12', rest: '12', count: 1 });
  });
});

describe('command trigger: argument pattern and usage', () => {
  const dice = (overrides: Partial<RuleInput> = {}) =>
    command(
      { command: '!dice', args: { pattern: '<sides:int> [label...]', usage: 'Usage: !dice <sides> [label]' } },
      {
        name: 'dice',
        cooldown: { perUserMs: 60_000 },
        conditions: { path: 'args.sides', op: '<=', value: 100 },
        actions: [{ type: 'call', action: 'record', params: { sides: '{{args.sides}}', label: '{{args.label}}' } }],
        onUsage: [{ type: 'call', action: 'record', params: { usage: '{{command.usage}}', to: '{{user.nickname}}' } }],
        ...overrides,
      },
    );

  it('named, typed arguments reach conditions and templates', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(dice());
    const runs = await publish(engine, bus, chatOn.twitch('!dice 20 for   the win'), chatOn.kick('!dice 1000'));
    expect(calls.map((call) => call.params)).toEqual([{ sides: 20, label: 'for the win' }]);
    expect(runs.map((run) => run.outcome)).toEqual(['completed']);
  });

  it('a mismatch ends "usage" with the usage text, runs onUsage (not the actions) and starts no cooldown', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(dice());
    const runs = await publish(engine, bus, chatOn.twitch('!dice'), chatOn.twitch('!dice six'), chatOn.twitch('!dice 6'));
    expect(runs.map((run) => [run.outcome, run.usage])).toEqual([
      ['usage', 'Usage: !dice <sides> [label]'],
      ['usage', 'Usage: !dice <sides> [label]'],
      ['completed', undefined],
    ]);
    expect(runs[0]!.actions.map((action) => [action.path, action.status])).toEqual([['onUsage[0]', 'ok']]);
    expect(calls.map((call) => call.params)).toEqual([
      { usage: 'Usage: !dice <sides> [label]', to: 'Viewer1' },
      { usage: 'Usage: !dice <sides> [label]', to: 'Viewer1' },
      { sides: 6, label: undefined },
    ]);
  });

  it('without usage text, one is built from the pattern; without onUsage the run is only reported', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(command({ command: '!add', args: { pattern: 'quote <text...>' } }));
    const runs = await publish(engine, bus, chatOn.twitch('!add nothing'), chatOn.twitch('!add QUOTE be kind'));
    expect(runs.map((run) => [run.outcome, run.usage])).toEqual([
      ['usage', 'Usage: !add quote <text...>'],
      ['completed', undefined],
    ]);
    expect(calls).toHaveLength(1);
  });

  it('a regex pattern: named groups become arguments', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(
      command(
        { command: '!color', args: { regex: '^#(?<hex>[0-9a-f]{6})$', usage: 'Usage: !color #rrggbb' } },
        { actions: [{ type: 'call', action: 'record', params: { hex: '{{args.hex}}' } }] },
      ),
    );
    const runs = await publish(engine, bus, chatOn.twitch('!color red'), chatOn.twitch('!color #00ff00'));
    expect(runs.map((run) => run.outcome)).toEqual(['usage', 'completed']);
    expect(calls.map((call) => call.params.hex)).toEqual(['00ff00']);
  });

  it('a failing onUsage action ends the usage run with its error', async () => {
    const { bus, engine } = setup();
    engine.addRule(dice({ onUsage: [{ type: 'call', action: 'missing' }] }));
    const runs = await publish(engine, bus, chatOn.twitch('!dice x'));
    expect(runs[0]!.outcome).toBe('usage');
    expect(runs[0]!.error?.code).toBe('ACTION_NOT_REGISTERED');
  });

  it('cooldowns are the rule cooldowns: a second valid roll by the same viewer is blocked', async () => {
    vi.useFakeTimers();
    try {
      const { bus, engine, calls } = setup();
      engine.addRule(dice());
      const other = { id: 'u-2', username: 'other', nickname: 'Other' };
      const runs = await publish(engine, bus, chatOn.twitch('!dice 6'), chatOn.twitch('!dice 8'), chatOn.twitch('!dice 8', [], other));
      expect(runs.map((run) => run.outcome)).toEqual(['completed', 'cooldown', 'completed']);
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('command trigger: permissions per platform', () => {
  async function outcomes(trigger: RuleInput['trigger'], events: StreamEvent[]) {
    const { bus, engine } = setup();
    engine.addRule(command(trigger));
    return (await publish(engine, bus, ...events)).map((run) => run.outcome);
  }

  it('twitch: badges broadcaster > moderator > vip > subscriber/founder', async () => {
    const events = [[], ['subscriber'], ['founder'], ['vip'], ['moderator'], ['broadcaster']].map((badges) => chatOn.twitch('!x', badges));
    expect(await outcomes({ command: '!x', permission: 'vip' }, events)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'completed',
      'completed',
      'completed',
    ]);
    expect(await outcomes({ command: '!x', permission: 'subscriber' }, events)).toEqual([
      'forbidden',
      'completed',
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
    expect(await outcomes({ command: '!x', permission: 'broadcaster' }, events)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'forbidden',
      'forbidden',
      'completed',
    ]);
  });

  it('kick: badges from data.senderIdentity', async () => {
    const events = [['og'], ['subscriber'], ['vip'], ['moderator'], ['broadcaster']].map((badges) => chatOn.kick('!x', badges));
    expect(await outcomes({ command: '!x', permission: 'moderator' }, events)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'completed',
      'completed',
    ]);
    expect(await outcomes({ command: '!x', permission: 'vip' }, events)).toEqual([
      'forbidden',
      'forbidden',
      'completed',
      'completed',
      'completed',
    ]);
  });

  it('youtube: owner, moderator and member flags', async () => {
    const events = [{}, { member: true }, { moderator: true }, { owner: true }].map((flags) => chatOn.youtube('!x', flags));
    expect(await outcomes({ command: '!x', permission: 'subscriber' }, events)).toEqual([
      'forbidden',
      'completed',
      'completed',
      'completed',
    ]);
    expect(await outcomes({ command: '!x', permission: 'moderator' }, events)).toEqual([
      'forbidden',
      'forbidden',
      'completed',
      'completed',
    ]);
    expect(await outcomes({ command: '!x', permission: 'broadcaster' }, events)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'completed',
    ]);
  });

  it('tiktok: follower (followRole), subscriber, moderator and host roles', async () => {
    const events = [{}, { followRole: 1 }, { followRole: 2 }, { isSubscriber: true }, { isModerator: true }, { host: true }].map((roles) =>
      chatOn.tiktok('!x', roles),
    );
    const follower = ['forbidden', 'completed', 'completed', 'completed', 'completed', 'completed'];
    expect(await outcomes({ command: '!x', permission: 'follower' }, events)).toEqual(follower);
    const moderator = ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'completed', 'completed'];
    expect(await outcomes({ command: '!x', permission: 'moderator' }, events)).toEqual(moderator);
    const broadcaster = ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'completed'];
    expect(await outcomes({ command: '!x', permission: 'broadcaster' }, events)).toEqual(broadcaster);
  });

  it('a list: any level or explicit user (optionally on one platform) suffices', async () => {
    const owner = { id: 'me', username: 'me', nickname: 'Me' };
    const events = [chatOn.tiktok('!x', {}, owner), chatOn.twitch('!x', [], owner), chatOn.twitch('!x', ['vip']), chatOn.tiktok('!x')];
    expect(await outcomes({ command: '!x', permission: ['vip', { userId: 'me', source: 'tiktok' }] }, events)).toEqual([
      'completed',
      'forbidden',
      'completed',
      'forbidden',
    ]);
  });

  it('a forbidden run is reported with the check, runs nothing and starts no cooldown', async () => {
    const { bus, engine, calls } = setup();
    engine.addRule(command({ command: '!ban', permission: 'moderator', args: { pattern: '<who>' } }, { cooldown: { globalMs: 60_000 } }));
    const runs = await publish(engine, bus, chatOn.twitch('!ban'), chatOn.twitch('!ban bob', ['moderator']));
    expect(runs.map((run) => run.outcome)).toEqual(['forbidden', 'completed']);
    expect(runs[0]!.permission).toMatchObject({ allowed: false, level: 'everyone', required: 'moderator' });
    expect(runs[0]!.permission?.reason).toContain('needs moderator');
    expect(runs[0]!.actions).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('explain shows the command, the permission check and the argument check', () => {
    const { engine } = setup();
    engine.addRule(command({ command: '!ban', permission: 'moderator', args: { pattern: '<who>' } }, { name: 'ban' }));
    const refused = engine.explain('ban', chatOn.twitch('!ban'));
    expect(refused.wouldRun).toBe(false);
    expect(refused.trigger.matched).toBe(true);
    expect(refused.command).toMatchObject({ matched: true, permission: { allowed: false, level: 'everyone' }, argsMatched: false });
    expect(refused.reasons.join('\n')).toMatch(/forbidden: .*needs moderator[\s\S]*Usage: !ban <who>/);
    const ok = engine.explain('ban', chatOn.kick('!ban bob', ['moderator']));
    expect(ok.wouldRun).toBe(true);
    expect(ok.command).toMatchObject({
      permission: { allowed: true, level: 'moderator' },
      argsMatched: true,
      scope: { args: { who: 'bob' } },
    });
    const other = engine.explain('ban', chatOn.twitch('hello'));
    expect(other.trigger.matched).toBe(false);
    expect(other.reasons[0]).toContain('not the command !ban');
  });
});

describe('command trigger: validation by path', () => {
  it('names every problem', () => {
    const result = validateRules([
      rule({ trigger: { types: ['chat'], command: '!a' } }),
      rule({ trigger: { aliases: ['!b'], permission: 'vip' } }),
      rule({ trigger: { command: '!c d' } }),
      rule({ trigger: { command: '!e', args: { pattern: '[a] <b>' } } }),
      rule({ trigger: { command: '!f', args: { pattern: '<a>', regex: 'x' } } }),
      rule({ trigger: { command: '!g', args: { regex: '(' } } }),
      rule({ trigger: { command: '!h', permission: 'admin' as 'vip' } }),
      rule({ trigger: { command: '!i' }, onUsage: [{ type: 'log', message: 'x' }] }),
      rule({ trigger: { command: '!j', args: { pattern: '<rest>' } } }),
      rule({ trigger: { command: '!k', aliases: ['!K'] } }),
    ]);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '[0].trigger.types',
        '[1].trigger.aliases',
        '[1].trigger.permission',
        '[2].trigger.command',
        '[3].trigger.args.pattern',
        '[4].trigger.args',
        '[5].trigger.args.regex',
        '[6].trigger.permission',
        '[7].onUsage',
        '[8].trigger.args.pattern',
        '[9].trigger.aliases[0]',
      ]),
    );
  });

  it('checks onUsage actions like the others (runRule targets)', () => {
    const result = validateRules([
      rule({ trigger: { command: '!a', args: { pattern: '<x>' } }, onUsage: [{ type: 'runRule', rule: 'nobody' }] }),
    ]);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['[0].onUsage[0].rule']);
  });

  it('accepts the example of docs/rules.md and runs it', async () => {
    const docs = readFileSync(new URL('../../../../docs/rules.md', import.meta.url), 'utf8');
    const json = /## Commands[\s\S]*?```json\n([\s\S]*?)```/.exec(docs)![1]!;
    const registry = new ActionRegistry();
    registry.register(replyAction([]));
    const result = validateRules([JSON.parse(json)], { actions: registry });
    expect(result.ok ? 'valid' : result.issues).toBe('valid');
    // The same rule with `call` actions in place of `reply`, through an engine.
    const { bus, engine, calls } = setup();
    engine.addRule({
      ...(JSON.parse(json) as RuleInput),
      actions: [{ type: 'call', action: 'record', params: { text: '{{user.nickname}} rolls a d{{args.sides}}' } }],
      onUsage: [{ type: 'call', action: 'record', params: { text: '{{command.usage}}' } }],
    });
    await publish(engine, bus, chatOn.twitch('!roll 20'), chatOn.kick('!dice twenty'), chatOn.youtube('!dice 500'));
    expect(calls.map((call) => call.params.text)).toEqual(['Viewer1 rolls a d20', 'Usage: !dice <sides>, e.g. !dice 20']);
  });

  it('accepts the issue example', () => {
    const result = validateRules([rule({ trigger: { command: '!dice', aliases: ['!roll'], sources: ['twitch', 'youtube'] } })]);
    expect(result.ok).toBe(true);
  });
});

describe('command index', () => {
  it('10,000 command rules: a chat message gets only the rules of its first word as candidates', () => {
    const index = new TriggerIndex<{ order: number; trigger: RuleTrigger; conditions: undefined }>();
    for (let order = 0; order < 10_000; order++)
      index.add({ order, trigger: { command: `!c${order}`, aliases: [`!alias${order}`] }, conditions: undefined });
    const scope = (event: StreamEvent): Scope => ({ event, vars: {}, rule: { id: '', name: '' } });
    const event = chatOn.twitch('!C4242 hello');
    expect(index.candidates(event, scope(event)).map((entry) => entry.order)).toEqual([4242]);
    const alias = chatOn.kick('!alias7');
    expect(index.candidates(alias, scope(alias)).map((entry) => entry.order)).toEqual([7]);
    const none = chatOn.twitch('just chatting');
    expect(index.candidates(none, scope(none))).toEqual([]);
  });
});
