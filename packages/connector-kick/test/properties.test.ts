import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEvent } from '@vmsc/core';
import {
  arbitraryFrameText,
  checkAsyncProperty,
  checkProperty,
  closeAllFakes,
  expectTypedError,
  expectValidEvent,
  kickEventFrames,
  mutatedJsonOf,
  waitUntil,
  type JsonLike,
  expectSessionSurvived,
  recordBus,
} from '@vmsc/testing';
import { decodeFrameText, normalizeKickFrame, type KickConnectionPool } from '../src/index.js';
import { chatLooksValid } from '../src/normalize/chat-check.js';
import { PRIMARY, setupKick } from './helpers.js';

const pools: KickConnectionPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) pool.closeAll();
  await closeAllFakes();
});

/** Every capture as one JSON tree: the envelope with its inner `data` string parsed, so mutations reach the payload. */
const captures: JsonLike[] = Object.values(kickEventFrames).map((text) => {
  const envelope = JSON.parse(text) as { event: string; channel: string; data: string };
  return { event: envelope.event, channel: envelope.channel, data: JSON.parse(envelope.data) as JsonLike };
});

/** A mutated capture back on the wire: inner `data` re-encoded as a string when it still is an object/array (Pusher style). */
function toWire(value: JsonLike): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'data' in value && typeof value.data === 'object') {
    return JSON.stringify({ ...value, data: JSON.stringify(value.data) });
  }
  return JSON.stringify(value);
}

/** Decode + normalize: a valid event (an `unknown` one with a reason when malformed) or a ProtocolError. */
function outcome(text: string): void {
  let frame;
  try {
    frame = decodeFrameText(text);
  } catch (error) {
    expectTypedError(error);
    return;
  }
  const result = normalizeKickFrame(frame, { channel: 'xqc' });
  const event = expectValidEvent(result.event);
  if (result.problem !== undefined) {
    expect(event.type).toBe('unknown');
    expect(typeof (event.data as { reason?: unknown }).reason).toBe('string');
  }
}

describe('Pusher frames through the pure decoder and normalizer', () => {
  it('arbitrary text: a valid event or a ProtocolError', () => {
    checkProperty('kick decode+normalize(arbitrary text)', arbitraryFrameText(), outcome, { numRuns: 1000 });
  });

  it('arbitrary envelopes with a known or unknown event name and arbitrary data', () => {
    const names = fc.constantFrom(
      ...Object.values(kickEventFrames).map((text) => (JSON.parse(text) as { event: string }).event),
      'App\\Events\\SomethingNew',
      '',
    );
    const envelope = fc.record({
      event: names,
      channel: fc.option(fc.string(), { nil: undefined }),
      data: fc.oneof(fc.jsonValue(), fc.json()),
    });
    checkProperty('kick decode+normalize(envelope with arbitrary data)', envelope, (value) => outcome(JSON.stringify(value)), {
      numRuns: 1500,
    });
  });

  it('mutated real captures (every fixture): valid events, malformed ones as `unknown` with a reason', () => {
    checkProperty('kick decode+normalize(mutated capture)', mutatedJsonOf(captures), (value) => outcome(toWire(value)), {
      numRuns: 3000,
    });
  });
});

describe('the chat hot path check', () => {
  it('the fast accept never lets through a chat event that parseEvent refuses (mutations focused on chat captures)', () => {
    const chats = captures.filter((capture) => String((capture as { event: string }).event).endsWith('ChatMessageEvent'));
    checkProperty(
      'kick chatLooksValid agrees with parseEvent (mutated chat capture)',
      mutatedJsonOf(chats),
      (value) => {
        let frame;
        try {
          frame = decodeFrameText(toWire(value));
        } catch {
          return;
        }
        // Mutations focused on chat: whatever the fast accept lets through must satisfy the schema.
        const { event } = normalizeKickFrame(frame);
        if (chatLooksValid(event)) expect(parseEvent(event).ok).toBe(true);
        else expect(event.type === 'chat' ? parseEvent(event).ok : true).toBe(true);
      },
      { numRuns: 3000 },
    );
  });
});

describe('Pusher frames through the real connector on its fake', () => {
  it('arbitrary and mutated frames never cost the session; the next real chat message is delivered', async () => {
    const setup = await setupKick();
    pools.push(setup.pool);
    const { pusher, connector, bus } = setup;
    const { events, notices } = recordBus(bus);
    await connector.connect();
    notices.length = 0;
    const accepted = pusher.connectionsAccepted;
    const chat = JSON.parse(kickEventFrames.ChatMessageEvent) as { event: string; data: string };
    const chatData = JSON.parse(chat.data) as Record<string, unknown>;
    // Frames on the subscribed chatroom channel (mutations keep most of them there) or raw text on the socket.
    const mutated = mutatedJsonOf(captures.map((capture) => ({ ...(capture as Record<string, JsonLike>), channel: PRIMARY }))).map(toWire);
    let sentinel = 0;
    await checkAsyncProperty(
      'kick connector(arbitrary / mutated frame on the socket)',
      fc.oneof(arbitraryFrameText(), mutated),
      async (text) => {
        pusher.sendRaw(text);
        const id = `00000000-0000-4000-8000-${String(++sentinel).padStart(12, '0')}`;
        pusher.sendEvent(PRIMARY, chat.event, { ...chatData, id });
        await waitUntil(() => events.some((event) => event.id === id), `sentinel ${id}`);
        expect(connector.status).toBe('connected');
      },
      { numRuns: 300 },
    );
    expect(pusher.connectionsAccepted).toBe(accepted);
    expectSessionSurvived({ events, notices });
  });
});
