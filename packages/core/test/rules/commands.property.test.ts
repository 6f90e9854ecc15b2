import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkPermission,
  createEvent,
  matchUsage,
  parseCommandLine,
  parseUsagePattern,
  permissionLevels,
  viewerLevel,
  viewerRoles,
  type PermissionLevel,
  type StreamEvent,
  type StreamUser,
  type ViewerRoles,
} from '@vmsc/core';
import { rule, setup } from './helpers.js';

/** A word: non-empty, no whitespace (what the parser splits on). */
const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((text) => !/\s/u.test(text));
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

describe('command parser', () => {
  it('arbitrary chat text never throws, and the line is consistent with the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const line = parseCommandLine(text);
        if (text.trim() === '') {
          expect(line).toBeUndefined();
          return;
        }
        expect(line).toBeDefined();
        expect(line!.head.length).toBeGreaterThan(0);
        expect(/\s/u.test(line!.head)).toBe(false);
        expect(line!.args.every((arg) => arg.length > 0 && !/\s/u.test(arg))).toBe(true);
        expect(line!.args.join(' ')).toBe(line!.rest.split(/\s+/u).filter(Boolean).join(' '));
      }),
      { numRuns: 2000 },
    );
  });

  it('arguments round-trip: "!cmd a b c" with any separators gives back [a, b, c]', () => {
    const separator = fc.constantFrom(' ', '  ', '\t', ' \u3000 ', '\n');
    fc.assert(
      fc.property(word, fc.array(fc.tuple(separator, word), { maxLength: 8 }), separator, (head, parts, trailing) => {
        const text = head + parts.map(([sep, arg]) => sep + arg).join('') + trailing;
        const line = parseCommandLine(text)!;
        expect(line.head).toBe(head);
        expect(line.args).toEqual(parts.map(([, arg]) => arg));
        if (parts.length > 0) expect(line.rest).toBe(text.slice(head.length + parts[0]![0].length).trimEnd());
        else expect(line.rest).toBe('');
      }),
      { numRuns: 1000 },
    );
  });

  it('a pattern of typed parameters gives back the values it was fed', () => {
    const param = fc.oneof(
      fc.record({ type: fc.constant('int' as const), value: fc.integer({ min: -1e9, max: 1e9 }) }),
      fc.record({ type: fc.constant('word' as const), value: word }),
    );
    fc.assert(
      fc.property(fc.array(param, { minLength: 1, maxLength: 5 }), (params) => {
        const pattern = params.map((p, i) => `<a${i}:${p.type}>`).join(' ');
        const parsed = parseUsagePattern(pattern);
        expect('tokens' in parsed).toBe(true);
        const tokens = 'tokens' in parsed ? parsed.tokens : [];
        const line = parseCommandLine(`!cmd ${params.map((p) => String(p.value)).join(' ')}`)!;
        expect(matchUsage(tokens, line)).toEqual(Object.fromEntries(params.map((p, i) => [`a${i}`, p.value])));
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary patterns and texts never throw', () => {
    fc.assert(
      fc.property(anyText, anyText, (pattern, text) => {
        const parsed = parseUsagePattern(pattern);
        const line = parseCommandLine(text);
        if ('tokens' in parsed && line) matchUsage(parsed.tokens, line);
      }),
      { numRuns: 1000 },
    );
  });

  it('the engine takes arbitrary chat text for command rules without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 1, maxLength: 6 }), async (texts) => {
        const { bus, engine } = setup();
        engine.addRule(rule({ trigger: { command: '!dice', args: { pattern: '<sides:int> [label...]' }, permission: 'vip' } }));
        engine.addRule(rule({ trigger: { command: '!so', args: { regex: '^@?(?<who>\\S+)$' } } }));
        const outcomes: string[] = [];
        engine.onRun((run) => outcomes.push(run.outcome));
        for (const text of texts) bus.publish(createEvent({ source: 'twitch', type: 'chat', data: { message: text } }));
        bus.publish(createEvent({ source: 'twitch', type: 'chat', data: { message: `!dice ${texts[0]!}` } }));
        await engine.idle();
        expect(outcomes.every((outcome) => ['completed', 'usage', 'forbidden'].includes(outcome))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('command index', () => {
  it('runs exactly the command rules a linear scan selects (names, aliases, case, sources), in order', async () => {
    const name = fc.constantFrom('!a', '!A', '!b', '?a', 'a');
    const spec = fc.record({
      command: name,
      aliases: fc.option(fc.uniqueArray(name, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      caseSensitive: fc.boolean(),
      sources: fc.option(fc.subarray(['twitch', 'kick', 'tiktok'], { minLength: 1 }), { nil: undefined }),
    });
    const message = fc.tuple(fc.constantFrom('', ' ', '  '), name, fc.constantFrom('', ' x', '\ty z', 'b')).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(spec, { maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom('twitch', 'kick', 'tiktok'), message), { minLength: 1, maxLength: 6 }),
        async (specs, messages) => {
          const { bus, engine, calls } = setup();
          const added = specs
            .map((s) => {
              const names = [s.command, ...(s.aliases ?? [])];
              const fold = (w: string) => (s.caseSensitive ? w : w.toLowerCase());
              if (new Set(names.map(fold)).size !== names.length) return undefined;
              const trigger = {
                command: s.command,
                caseSensitive: s.caseSensitive,
                ...(s.aliases ? { aliases: s.aliases } : {}),
                ...(s.sources ? { sources: s.sources } : {}),
              };
              return engine.addRule(rule({ trigger }));
            })
            .filter((r) => r !== undefined);
          const expected: string[] = [];
          for (const [source, text] of messages) {
            const event = createEvent({ source, type: 'chat', data: { message: text } } as never) as StreamEvent;
            const head = text.trim().split(/\s+/u)[0] ?? '';
            for (const r of added) {
              const t = r.trigger!;
              const names = [t.command!, ...(t.aliases ?? [])];
              const hit = t.caseSensitive ? names.includes(head) : names.some((n) => n.toLowerCase() === head.toLowerCase());
              if (hit && (!t.sources || t.sources.includes(source))) expected.push(`${event.id}:${r.name}`);
            }
            bus.publish(event);
          }
          await engine.idle();
          expect(calls.map((call) => `${call.event?.id}:${call.rule}`)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

const roles = fc.record({
  broadcaster: fc.boolean(),
  moderator: fc.boolean(),
  vip: fc.boolean(),
  subscriber: fc.boolean(),
  follower: fc.boolean(),
});
const user: StreamUser = { id: 'u', username: 'u', nickname: 'U' };

/** Each platform's normalized shape for a set of roles, and the roles that platform can express. */
const platforms: Record<string, { build: (r: ViewerRoles) => StreamEvent; expressible: (r: ViewerRoles) => ViewerRoles }> = {
  twitch: {
    build: (r) => {
      const badges = (['broadcaster', 'moderator', 'vip', 'subscriber'] as const)
        .filter((name) => r[name])
        .map((setId) => ({ setId, id: '1' }));
      return createEvent({ source: 'twitch', type: 'chat', user, data: { message: '!x', badges } });
    },
    expressible: (r) => ({ ...r, follower: false }),
  },
  kick: {
    build: (r) => {
      const badges = (['broadcaster', 'moderator', 'vip', 'subscriber'] as const)
        .filter((name) => r[name])
        .map((type) => ({ type, text: type }));
      return createEvent({ source: 'kick', type: 'chat', user, data: { message: '!x', senderIdentity: { badges } } });
    },
    expressible: (r) => ({ ...r, follower: false }),
  },
  youtube: {
    build: (r) =>
      createEvent({
        source: 'youtube',
        type: 'chat',
        user: { ...user, isModerator: r.moderator || r.broadcaster, isSubscriber: r.subscriber },
        data: r.broadcaster ? { message: '!x', isChatOwner: true } : { message: '!x' },
      }),
    // YouTube's owner is always a moderator too (user.isModerator covers both); no VIPs, no followers.
    expressible: (r) => ({ ...r, moderator: r.moderator || r.broadcaster, vip: false, follower: false }),
  },
  tiktok: {
    build: (r) =>
      createEvent({
        source: 'tiktok',
        type: 'chat',
        user: { ...user, isModerator: r.moderator, isSubscriber: r.subscriber, followRole: r.follower ? 1 : 0 },
        data: r.broadcaster ? { message: '!x', isHost: true } : { message: '!x' },
      }),
    expressible: (r) => ({ ...r, vip: false }),
  },
};

const rank = (level: PermissionLevel) => permissionLevels.indexOf(level);

describe('permission mapping per platform', () => {
  for (const [platform, { build, expressible }] of Object.entries(platforms)) {
    it(`${platform}: reads back the roles its events express; levels follow the hierarchy`, () => {
      fc.assert(
        fc.property(roles, fc.constantFrom(...permissionLevels), (given, required) => {
          const event = build(given);
          const expected = expressible(given);
          expect(viewerRoles(event)).toEqual(expected);
          const level = viewerLevel(event);
          const highest = [...permissionLevels].reverse().find((l) => l === 'everyone' || expected[l as keyof ViewerRoles])!;
          expect(level).toBe(highest);
          const check = checkPermission(required, event);
          expect(check.allowed).toBe(rank(level) >= rank(required));
          // Allowed at a level means allowed at every lower level.
          if (check.allowed)
            for (const lower of permissionLevels.slice(0, rank(required))) expect(checkPermission(lower, event).allowed).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('arbitrary event data and users never make the mapping throw', () => {
    fc.assert(
      fc.property(fc.constantFrom('twitch', 'kick', 'youtube', 'tiktok', 'custom'), fc.anything(), fc.anything(), (source, data, extra) => {
        const event = {
          id: 'e',
          type: 'chat',
          source,
          timestamp: 0,
          user: { ...user, ...(typeof extra === 'object' ? extra : {}) },
          data,
        } as unknown as StreamEvent;
        const check = checkPermission(['moderator', { userId: 'u' }], event);
        expect(typeof check.allowed).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
