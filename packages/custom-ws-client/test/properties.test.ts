import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus, ValidationError, type BusNotice, type StreamEvent } from '@vmsc/core';
import {
  arbitraryFrameText,
  checkAsyncProperty,
  checkProperty,
  closeAllFakes,
  expectValidEvent,
  multistreamerFixtures,
  mutatedJsonOf,
  startMultistreamerFake,
  startWsServer,
  type JsonLike,
  type LoopbackWsServer,
} from '@vmsc/testing';
import { compileMapping, CustomWsClient, MultistreamerClient, type MessageMapping } from '../src/index.js';

declare global {
  var __vmscPropertyPwned: number | undefined;
}

/** Two mappings: plain paths with a filter, and a renamed type with defaults, constants and a deep scan. */
const mappings: MessageMapping[] = [
  {
    filter: { path: '$.kind', equals: 'msg' },
    type: { const: 'chat' },
    'user.id': '$.from.id',
    'user.username': '$.from.name',
    'user.nickname': { path: '$.from.display', default: 'someone' },
    'data.message': '$.text',
  },
  {
    filter: '$.tip',
    type: '$.tip.kind',
    types: { tip: 'donation' },
    'user.username': { path: '$.tip.from', default: 'anonymous' },
    'data.amount': { path: '$.tip.amount', default: 0 },
    'data.currency': { const: 'USD' },
    'data.formattedAmount': '$.tip.items[0].label',
    'data.message': '$..note',
  },
];
const compiled = mappings.map((mapping) => compileMapping(mapping));

const realMessages: JsonLike[] = [
  { kind: 'msg', text: 'hello', from: { id: 7, name: 'ann', display: 'Ann' } },
  { kind: 'msg', text: 'no display name', from: { id: 'u-8', name: 'bob' } },
  { tip: { kind: 'tip', from: 'carol', amount: 5, items: [{ label: '$5.00' }], extra: { note: 'great stream' } } },
  { tip: { kind: 'tip', amount: 2.5 } },
];

let server: LoopbackWsServer;
let bus: EventBus;
let client: CustomWsClient;
const events: StreamEvent[] = [];
const notices: BusNotice[] = [];
let sentinel = 0;

beforeAll(async () => {
  server = await startWsServer();
  bus = new EventBus();
  bus.onAny((event) => void events.push(event));
  bus.onNotice('error', (notice) => void notices.push(notice));
  client = new CustomWsClient({ bus, url: server.url, source: 'my-bot', mapping: mappings });
  await client.connect();
  await server.nextConnection({ existing: true });
});
afterAll(async () => {
  await client.disconnect();
  await closeAllFakes();
});

/** Sends one frame through a real socket, then a sentinel that maps, and checks what the frame became. */
async function deliver(text: string): Promise<void> {
  events.length = 0;
  notices.length = 0;
  server.broadcast(text);
  const id = `sentinel-${++sentinel}`;
  server.broadcast(JSON.stringify({ kind: 'msg', text: id, from: { id: 0, name: 'sentinel' } }));
  const deadline = Date.now() + 2_000;
  while (!events.some((event) => (event.data as { message?: unknown }).message === id)) {
    if (Date.now() > deadline) throw new Error(`the sentinel after ${JSON.stringify(text).slice(0, 200)} never arrived`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const produced = events.slice(0, -1);
  const errors = notices.filter((notice) => notice.kind === 'error');
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    expect(produced).toHaveLength(1);
    expect(produced[0]).toMatchObject({ type: 'unknown', source: 'my-bot', data: { kind: '(not JSON)' } });
    expect(errors.map((notice) => notice.kind === 'error' && notice.error.code)).toEqual(['MALFORMED_FRAME']);
    return;
  }
  if (!compiled.some((mapping) => mapping.accepts(message))) {
    // No mapping's filter accepts it: a deliberate skip, neither an event nor an error.
    expect(produced).toEqual([]);
    expect(errors).toEqual([]);
    return;
  }
  expect(produced).toHaveLength(1);
  const event = expectValidEvent(produced[0]);
  expect(event.source).toBe('my-bot');
  if (event.type === 'unknown') {
    const data = event.data as { reason?: unknown; payload?: unknown };
    expect(typeof data.reason === 'string' && data.reason.length > 0).toBe(true);
    expect(data.payload).toEqual(message);
    expect(errors.map((notice) => notice.kind === 'error' && notice.error.code)).toEqual(['UNMAPPED_MESSAGE']);
  } else {
    expect(errors).toEqual([]);
  }
  expect(client.status).toBe('connected');
}

describe('CustomWsClient mapping over a real socket', () => {
  it('turns mutated real messages into a valid event or an `unknown` event with a reported reason', async () => {
    await checkAsyncProperty(
      'custom-ws-client mutated messages',
      mutatedJsonOf(realMessages),
      (message) => deliver(JSON.stringify(message)),
      {
        numRuns: 300,
      },
    );
  });

  it('turns arbitrary text frames into a valid event, an `unknown` event with a reported reason, or a filtered skip', async () => {
    await checkAsyncProperty('custom-ws-client arbitrary frames', arbitraryFrameText(), deliver, { numRuns: 300 });
  });
});

/** Path-like strings: plain, deep-scan, wildcard, slice, union and filter forms, plus arbitrary text. */
const pathLike = fc.oneof(
  fc.constantFrom('$', '$.a', '$..a', '$.a[0]', '$.a[*]', '$.a[1:3]', "$['a','b']", '$.a.b.c', '$[?(@.a)]', '$.a[(@.length-1)]', 'a.b', ''),
  fc
    .array(fc.oneof(fc.stringMatching(/^[a-z]{1,4}$/), fc.constantFrom('..', '*', '[0]', '[-1]', '[?(@)]', '(', ')', '@', '^', '~', '`')), {
      maxLength: 5,
    })
    .map((parts) => `$.${parts.join('.')}`),
  fc.string({ maxLength: 16 }),
);

const fieldSpec = fc.oneof(
  pathLike,
  fc.record({ path: pathLike, default: fc.option(fc.jsonValue({ maxDepth: 1 }), { nil: undefined }) }, { requiredKeys: ['path'] }),
  fc.record({ const: fc.jsonValue({ maxDepth: 1 }) }),
  fc.jsonValue({ maxDepth: 2 }),
);

const mappingConfig = fc.dictionary(
  fc.oneof(
    fc.constantFrom('type', 'types', 'filter', 'user.id', 'user.username', 'user.nickname', 'data.message', 'data.amount.value'),
    fc.string({ maxLength: 12 }),
  ),
  fieldSpec,
  { maxKeys: 6 },
);

describe('compileMapping on arbitrary configurations', () => {
  it('either compiles or throws a ValidationError naming the bad fields, never anything else', () => {
    checkProperty('custom-ws-client arbitrary mapping configs', mappingConfig, (config) => {
      let mapping;
      try {
        mapping = compileMapping(config as unknown as MessageMapping);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        const issues = (error as ValidationError).issues;
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(issue.path).toMatch(/^mapping/);
          expect(issue.message.length).toBeGreaterThan(0);
        }
        return;
      }
      // What compiles maps any message without throwing.
      for (const message of realMessages) {
        const outcome = mapping.apply(message);
        expect(['mapped', 'filtered', 'unmapped']).toContain(outcome.kind);
      }
    });
  });

  it('never evaluates a script expression, whatever surrounds it', () => {
    const payload = fc.constantFrom(
      'globalThis.__vmscPropertyPwned = 1',
      '@.constructor.constructor("globalThis.__vmscPropertyPwned = 1")()',
      'this.__vmscPropertyPwned = 1',
    );
    const scripted = fc
      .tuple(
        fc.constantFrom('$', '$.a', '$..', '$.a.b', '$..*'),
        fc.constantFrom('[?(', '[(', '.?(', '..[?('),
        payload,
        fc.constantFrom(')]', ')', ''),
        pathLike,
      )
      .map(([prefix, open, script, close, suffix]) => `${prefix}${open}${script}${close}${suffix.replace(/^\$/, '')}`);
    globalThis.__vmscPropertyPwned = undefined;
    checkProperty(
      'custom-ws-client scripted paths',
      fc.tuple(scripted, fc.constantFrom('type', 'data.message', 'filter', 'user.id')),
      ([path, key]) => {
        const config = key === 'type' ? { type: path } : { type: { const: 'chat' }, [key]: path };
        let mapping;
        try {
          mapping = compileMapping(config as MessageMapping);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          return;
        }
        // Compiled despite the script-like text (it parsed as a plain member name): applying it still runs nothing.
        for (const message of realMessages) mapping.apply(message);
      },
    );
    expect(globalThis.__vmscPropertyPwned).toBeUndefined();
  });
});

describe('MultistreamerClient over a real socket', () => {
  it('turns mutated spec-004 messages into valid events, `unknown` events or reported errors, and keeps working', async () => {
    const fake = await startMultistreamerFake();
    const msBus = new EventBus();
    const published: StreamEvent[] = [];
    const reported: BusNotice[] = [];
    msBus.onAny((event) => void published.push(event));
    msBus.onNotice('error', (notice) => void reported.push(notice));
    const ms = new MultistreamerClient({ bus: msBus, url: fake.url, token: fake.token });
    try {
      await ms.connect();
      await fake.waitForMessage('status');
      const bases = Object.values(multistreamerFixtures) as unknown as JsonLike[];
      let n = 0;
      await checkAsyncProperty(
        'custom-ws-client multistreamer mutated messages',
        mutatedJsonOf(bases),
        async (message) => {
          published.length = 0;
          reported.length = 0;
          fake.sendRaw(JSON.stringify(message));
          const id = `sentinel-${++n}`;
          fake.send({ type: 'text', account_id: 0, network: 'irc', from: { id: 2, name: 'test' }, text: id, markdown: id });
          const isSentinel = (event: StreamEvent) => {
            const data = event.data as { message?: unknown; payload?: { text?: unknown } };
            return data.message === id || data.payload?.text === id;
          };
          const deadline = Date.now() + 2_000;
          while (!published.some(isSentinel)) {
            if (Date.now() > deadline) throw new Error(`the sentinel after ${JSON.stringify(message).slice(0, 200)} never arrived`);
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          const produced = published.filter((event) => !isSentinel(event));
          for (const event of produced) expectValidEvent(event);
          // Every failure is a deliberate, typed report, not a TypeError caught by the transport's safety net.
          for (const notice of reported) {
            if (notice.kind !== 'error') continue;
            expect(notice.error.cause, notice.error.message).not.toBeInstanceOf(TypeError);
            expect(notice.error.message).not.toMatch(/Cannot read|is not a function|is not iterable/);
          }
          const type = typeof message === 'object' && message !== null && !Array.isArray(message) ? message.type : undefined;
          // Only a status without changes and a writerresult may legitimately produce nothing at all.
          if (produced.length === 0 && reported.length === 0) expect(['status', 'writerresult']).toContain(type);
          expect(ms.status).toBe('connected');
        },
        { numRuns: 300 },
      );
    } finally {
      await ms.disconnect();
    }
  });
});
