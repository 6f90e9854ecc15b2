import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ProtocolError, type BusNotice } from '@vmsc/core';
import {
  arbitraryFrameText,
  checkAsyncProperty,
  checkProperty,
  closeAllFakes,
  expectTypedError,
  expectValidEvent,
  mutatedBytes,
  mutatedJsonOf,
  waitUntil,
  youtubeListChatEndedFixture,
  youtubeListPage1Fixture,
  youtubeTextMessage,
  type JsonLike,
  type YouTubeFakeMessage,
  expectSessionSurvived,
} from '@vmsc/testing';
import { JsonArrayStream } from '../src/api/json-array-stream.js';
import { ChatPipeline, normalizeMessage, type RawListResponse, type RawLiveChatMessage } from '../src/index.js';
import { rig } from './helpers.js';

afterEach(() => closeAllFakes());

const clone = <T>(value: T): JsonLike => JSON.parse(JSON.stringify(value)) as JsonLike;
const page1 = clone(youtubeListPage1Fixture) as { items: JsonLike[] };
const items = page1.items;
const pages = [clone(youtubeListPage1Fixture), clone(youtubeListChatEndedFixture)];

function checkEvent(value: unknown): void {
  const event = expectValidEvent(value);
  if (event.type === 'unknown') expect(typeof (event.data as { reason?: unknown }).reason).toBe('string');
}

describe('liveChatMessages items and pages through the pure normalizers', () => {
  it('mutated real items of every fixture type: a valid event or unknown with a reason', () => {
    checkProperty(
      'youtube normalizeMessage(mutated item)',
      mutatedJsonOf(items),
      (item) => checkEvent(normalizeMessage(item as unknown as RawLiveChatMessage, { liveChatId: 'chat', now: 1_700_000_000_000 })),
      { numRuns: 3000 },
    );
  });

  it('arbitrary JSON values as items', () => {
    checkProperty(
      'youtube normalizeMessage(arbitrary JSON)',
      fc.jsonValue(),
      (item) => checkEvent(normalizeMessage(item as unknown as RawLiveChatMessage, { now: 1_700_000_000_000 })),
      { numRuns: 1000 },
    );
  });

  it('mutated whole pages (items, activePollItem, offlineAt, tokens) through one ChatPipeline', () => {
    const pipeline = new ChatPipeline({ liveChatId: 'chat' });
    checkProperty(
      'youtube ChatPipeline.process(mutated page)',
      mutatedJsonOf(pages),
      (page) => {
        if (typeof page !== 'object' || page === null) return;
        const result = pipeline.process(page as unknown as RawListResponse, false, 1_700_000_000_000);
        for (const event of result.events) checkEvent(event);
        expect(result.events.filter((event) => event.type === 'stream_offline').length).toBeLessThanOrEqual(1);
        pipeline.reset('chat');
      },
      { numRuns: 2000 },
    );
  });
});

describe('the streamed-array parser (liveChatMessages.stream)', () => {
  /** Feeds bytes split at the cut points (UTF-8 decoded in stream mode, as the connector does): elements or a ProtocolError. */
  function feed(bytes: Uint8Array, cuts: readonly number[]): { elements: unknown[]; error?: unknown; done: boolean } {
    const parser = new JsonArrayStream();
    const decoder = new TextDecoder();
    const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
    const elements: unknown[] = [];
    let start = 0;
    try {
      for (const point of [...points, bytes.length]) {
        elements.push(...parser.push(decoder.decode(bytes.subarray(start, point), { stream: true })));
        start = point;
      }
    } catch (error) {
      expect(error).toBeInstanceOf(ProtocolError);
      expectTypedError(error);
      return { elements, error, done: parser.done };
    }
    return { elements, done: parser.done };
  }

  const streamed = new TextEncoder().encode(JSON.stringify(pages));
  const cuts = fc.array(fc.nat(), { maxLength: 40 });

  it('the real pages split at arbitrary byte points give back exactly the pages', () => {
    checkProperty(
      'youtube JsonArrayStream(real pages, arbitrary byte splits)',
      cuts,
      (points) => {
        const out = feed(streamed, points);
        expect(out.error).toBeUndefined();
        expect(out.done).toBe(true);
        expect(out.elements).toEqual(pages);
      },
      { numRuns: 1000 },
    );
  });

  it('mutated (flipped, truncated, spliced) streams split at arbitrary byte points: whole elements or a ProtocolError', () => {
    checkProperty(
      'youtube JsonArrayStream(mutated stream bytes, arbitrary splits)',
      fc.tuple(mutatedBytes(streamed), cuts),
      ([bytes, points]) => {
        const out = feed(bytes, points);
        // Every element yielded is a whole JSON object (the parser never yields half an element).
        for (const element of out.elements) expect(typeof element === 'object' && element !== null && !Array.isArray(element)).toBe(true);
      },
      { numRuns: 2000 },
    );
  });

  it('arbitrary text: whole elements or a ProtocolError', () => {
    checkProperty(
      'youtube JsonArrayStream(arbitrary text)',
      fc.tuple(arbitraryFrameText(), cuts),
      ([text, points]) => void feed(new TextEncoder().encode(text), points),
      { numRuns: 1000 },
    );
  });
});

describe('the real connector on its fake', () => {
  for (const mode of ['poll', 'stream'] as const) {
    it(`${mode}: mutated items in the chat never stop the connector; the next real message is delivered`, async () => {
      const { fake, connector, events, bus } = await rig(
        { mode },
        { streamChunkBytes: mode === 'stream' ? 7 : undefined, pollingIntervalMillis: 5 },
      );
      const notices: BusNotice[] = [];
      bus.onNotice((notice) => void notices.push(notice));
      await connector.connect();
      notices.length = 0;
      let sentinel = 0;
      // Chat-ending items are left out: the chat would (correctly) end.
      const live = items.filter((item) => (item as { snippet?: { type?: string } }).snippet?.type !== 'chatEndedEvent');
      await checkAsyncProperty(
        `youtube connector ${mode}(mutated item in the chat)`,
        // The fake stores items by their string id; the rest of each item is whatever the mutation made of it.
        mutatedJsonOf(live).filter((item) => {
          if (typeof item !== 'object' || item === null || Array.isArray(item) || typeof item.id !== 'string') return false;
          const snippet = item.snippet as { type?: unknown } | null | undefined;
          return typeof snippet !== 'object' || snippet === null || snippet.type !== 'chatEndedEvent';
        }),
        async (item) => {
          const id = `sentinel-${mode}-${++sentinel}`;
          fake.push(item as unknown as YouTubeFakeMessage, youtubeTextMessage(id, { id }));
          await waitUntil(() => events.some((event) => event.meta?.platformMessageId === id), id);
          expect(connector.status).toBe('connected');
        },
        { numRuns: 150 },
      );
      expectSessionSurvived({ events, notices });
      await connector.disconnect();
    });
  }
});
