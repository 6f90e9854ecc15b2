import { afterEach, describe, expect, it } from 'vitest';
import { ChatNotAllowedError, ConnectionError, RateLimitedError, type BusNotice, type StatusNotice } from '@vmsc/core';
import { closeAllFakes, waitUntil, YOUTUBE_FAKE_ACCESS_TOKEN, youtubeTextMessage, seededRandom } from '@vmsc/testing';
import { YouTubeAuthError, YouTubeForbiddenError, YouTubeRateLimitError, YouTubeSendChatError } from '../src/index.js';
import { rig, type Rig } from './helpers.js';

afterEach(() => closeAllFakes());

function watch(r: Rig) {
  const notices: BusNotice[] = [];
  r.bus.onNotice((notice) => void notices.push(notice));
  return {
    notices,
    statuses: () => notices.filter((n): n is StatusNotice => n.kind === 'status'),
    gaps: () => notices.filter((n) => n.kind === 'gap'),
  };
}

const ids = (r: Rig) => r.events.map((event) => event.meta?.platformMessageId);

describe('YouTube faults: connections cut at random points resume from the page token', () => {
  it('stream: drops at seeded random points of a chat: every message id exactly once, in order, no gap', async () => {
    const random = seededRandom(0x7ee7);
    const r = await rig({ mode: 'stream' }, { streamChunkBytes: 11 });
    const seen = watch(r);
    await r.connector.connect();
    // Once the first page arrived the connector holds a page token to resume from.
    r.fake.push(youtubeTextMessage('first', { id: 'LCC.drop-0' }));
    await waitUntil(() => ids(r).includes('LCC.drop-0'), 'the first page');
    const sent: string[] = ['LCC.drop-0'];
    let n = 0;
    for (let round = 0; round < 6; round++) {
      for (let i = Math.floor(random() * 5); i > 0; i--) {
        const id = `LCC.drop-${++n}`;
        sent.push(id);
        r.fake.push(youtubeTextMessage(`message ${n}`, { id }));
      }
      if (random() < 0.5) await waitUntil(() => sent.every((id) => ids(r).includes(id)), `round ${round}: before the drop`);
      r.fake.dropStreams();
      const id = `LCC.drop-${++n}`;
      sent.push(id);
      r.fake.push(youtubeTextMessage(`message ${n}`, { id }));
      await waitUntil(() => ids(r).includes(id), `round ${round}: after the drop`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ids(r)).toEqual(sent);
    expect(seen.gaps()).toHaveLength(0);
    await r.connector.disconnect();
  });

  it('stream: a drop before the first page arrived (no page token yet): the backlog is skipped as history, so a gap is reported', async () => {
    const r = await rig({ mode: 'stream' }, { streamChunkBytes: 5 });
    const seen = watch(r);
    await r.connector.connect();
    r.fake.push(youtubeTextMessage('early', { id: 'LCC.early' }));
    r.fake.dropStreams();
    await waitUntil(() => seen.gaps().length === 1 || ids(r).includes('LCC.early'), 'the early message or a gap');
    if (!ids(r).includes('LCC.early')) {
      expect(seen.gaps()[0]).toMatchObject({ kind: 'gap', reason: expect.stringMatching(/before the first page/) });
    }
    r.fake.push(youtubeTextMessage('late', { id: 'LCC.late' }));
    await waitUntil(() => ids(r).includes('LCC.late'), 'a message after the reconnect');
    expect(new Set(ids(r)).size).toBe(ids(r).length);
    await r.connector.disconnect();
  });

  it('poll: resets and 5xx at seeded random points: reconnecting ↔ connected only, every message id exactly once, in order, no gap', async () => {
    const random = seededRandom(0x9011);
    const r = await rig({ mode: 'poll' });
    const seen = watch(r);
    await r.connector.connect();
    const sent: string[] = [];
    for (let round = 0; round < 8; round++) {
      const roll = random();
      if (roll < 0.33) r.fake.fail({ kind: 'reset' });
      else if (roll < 0.66) r.fake.fail({ kind: 'status', status: 503 });
      else r.fake.fail({ kind: 'status', status: 500, reason: 'backendError' });
      for (let i = 1 + Math.floor(random() * 3); i > 0; i--) {
        const id = `LCC.poll-${round}-${i}`;
        sent.push(id);
        r.fake.push(youtubeTextMessage(id, { id }));
      }
      await waitUntil(() => sent.every((id) => ids(r).includes(id)), `round ${round}: delivered after the fault`);
    }
    expect(ids(r)).toEqual(sent);
    expect(seen.gaps()).toHaveLength(0);
    const statuses = seen.statuses().map((n) => n.status);
    expect(statuses.slice(0, 2)).toEqual(['connecting', 'connected']);
    expect(statuses.slice(2).every((status) => status === 'reconnecting' || status === 'connected')).toBe(true);
    expect(r.connector.status).toBe('connected');
    await r.connector.disconnect();
  });

  it('stream: a stall (the server stops writing, socket open) ends in a reconnect from the page token; nothing lost', async () => {
    const r = await rig({ mode: 'stream' });
    await r.connector.connect();
    r.fake.push(youtubeTextMessage('one', { id: 'LCC.stall-1' }));
    await waitUntil(() => ids(r).includes('LCC.stall-1'), 'first');
    // A stream the server closes without a final element is the stall YouTube ends with; the next open resumes.
    r.fake.endStreams();
    r.fake.push(youtubeTextMessage('two', { id: 'LCC.stall-2' }));
    await waitUntil(() => ids(r).includes('LCC.stall-2'), 'second');
    expect(ids(r)).toEqual(['LCC.stall-1', 'LCC.stall-2']);
    await r.connector.disconnect();
  });
});

describe('YouTube HTTP faults on every endpoint', () => {
  for (const mode of ['poll', 'stream'] as const) {
    it(`${mode}: 401 on the chat call (API key refused): status error with a YouTubeAuthError`, async () => {
      const r = await rig({ mode });
      await r.connector.connect();
      r.fake.fail({ kind: 'status', status: 401, reason: 'authError', message: 'Invalid Credentials' });
      if (mode === 'stream') r.fake.dropStreams();
      await waitUntil(() => r.connector.status === 'error', 'status error');
      expect(r.connector.lastError).toBeInstanceOf(YouTubeAuthError);
    });

    it(`${mode}: 403 forbidden on the chat call: status error with a YouTubeForbiddenError`, async () => {
      const r = await rig({ mode });
      await r.connector.connect();
      r.fake.fail({ kind: 'status', status: 403, reason: 'forbidden' });
      if (mode === 'stream') r.fake.dropStreams();
      await waitUntil(() => r.connector.status === 'error', 'status error');
      expect(r.connector.lastError).toBeInstanceOf(YouTubeForbiddenError);
    });

    it(`${mode}: a plain 429 on the chat call: a YouTubeRateLimitError (RateLimitedError) reported, reading goes on, nothing lost`, async () => {
      const r = await rig({ mode, fallbackPollIntervalMs: 10 });
      const errors: unknown[] = [];
      r.bus.onNotice((notice) => {
        if (notice.kind === 'error') errors.push(notice.error);
        if (notice.kind === 'status' && notice.error) errors.push(notice.error);
      });
      await r.connector.connect();
      r.fake.fail({ kind: 'status', status: 429, message: 'Too Many Requests' });
      if (mode === 'stream') r.fake.dropStreams();
      r.fake.push(youtubeTextMessage('after 429', { id: 'LCC.429' }));
      await waitUntil(() => ids(r).includes('LCC.429'), 'message after the 429');
      expect(errors.some((error) => error instanceof YouTubeRateLimitError && error instanceof RateLimitedError)).toBe(true);
      await waitUntil(() => r.connector.status === 'connected', 'connected');
    });
  }

  for (const status of [500, 502, 503]) {
    it(`videos.list ${status} while resolving: reconnecting with a ConnectionError, retried, then connected`, async () => {
      const r = await rig();
      const seen = watch(r);
      r.fake.failLookup({ kind: 'status', status }, 2);
      await r.connector.connect();
      const reconnecting = seen.statuses().find((n) => n.status === 'reconnecting');
      expect(reconnecting?.error).toBeInstanceOf(ConnectionError);
      expect(r.connector.status).toBe('connected');
      expect(r.fake.requests.filter((q) => q.path === 'videos')).toHaveLength(3);
    });
  }

  it('videos.list 401 / 403: connect() rejects with YouTubeAuthError / YouTubeForbiddenError, status error', async () => {
    const a = await rig();
    a.fake.failLookup({ kind: 'status', status: 401, reason: 'authError' });
    expect(await a.connector.connect().catch((e: unknown) => e)).toBeInstanceOf(YouTubeAuthError);
    expect(a.connector.status).toBe('error');
    const b = await rig();
    b.fake.failLookup({ kind: 'status', status: 403, reason: 'forbidden' });
    expect(await b.connector.connect().catch((e: unknown) => e)).toBeInstanceOf(YouTubeForbiddenError);
    expect(b.connector.status).toBe('error');
  });

  it('liveBroadcasts.list (mine) 429 then 503: a YouTubeRateLimitError reported, then reconnecting with a ConnectionError, then connected', async () => {
    const r = await rig({ auth: { accessToken: YOUTUBE_FAKE_ACCESS_TOKEN }, target: { mine: true }, fallbackPollIntervalMs: 10 });
    const seen = watch(r);
    r.fake.failLookup({ kind: 'status', status: 429 });
    r.fake.failLookup({ kind: 'status', status: 503 });
    await r.connector.connect();
    const reported = seen.notices.flatMap((n) => (n.kind === 'error' ? [n.error] : n.kind === 'status' && n.error ? [n.error] : []));
    expect(reported[0]).toBeInstanceOf(YouTubeRateLimitError);
    expect(reported[1]).toBeInstanceOf(ConnectionError);
    expect(r.connector.status).toBe('connected');
  });

  it('liveChatMessages.insert 401 / 403 / 500: sendChat rejects with YouTubeAuthError / ChatNotAllowedError (forbidden) / ConnectionError; reading is unaffected', async () => {
    const r = await rig({ auth: { accessToken: YOUTUBE_FAKE_ACCESS_TOKEN } });
    await r.connector.connect();
    // The reader polls the same fault queue: hold it off the chat endpoint by failing inserts only while it waits.
    r.fake.fail({ kind: 'status', status: 401, reason: 'authError' });
    const first = await r.connector.sendChat('one').catch((e: unknown) => e);
    const second = (async () => {
      r.fake.fail({ kind: 'status', status: 403, reason: 'insufficientPermissions' });
      return r.connector.sendChat('two').catch((e: unknown) => e);
    })();
    const outcomes = [first, await second];
    // A fault may be taken by a poll instead; whatever sendChat got is typed.
    for (const outcome of outcomes) {
      if (outcome instanceof Error)
        expect([YouTubeAuthError, ChatNotAllowedError, YouTubeSendChatError].some((type) => outcome instanceof type)).toBe(true);
    }
    expect(outcomes.some((outcome) => outcome instanceof YouTubeAuthError || outcome instanceof ChatNotAllowedError)).toBe(true);
  });
});
