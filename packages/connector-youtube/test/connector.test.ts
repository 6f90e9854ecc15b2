import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuthError,
  ChatMessageTooLongError,
  ChatNotAllowedError,
  ChatRateLimitedError,
  canSendChat,
  EventBus,
  ValidationError,
  type BusNotice,
  type StreamEvent,
} from '@vmsc/core';
import { closeAllFakes, waitUntil, youtubeGiftEvent, youtubeMessage, youtubeTextMessage, YOUTUBE_FAKE_ACCESS_TOKEN } from '@vmsc/testing';
import {
  YouTubeAuthError,
  YouTubeChatDisabledError,
  YouTubeChatEndedError,
  YouTubeChatNotFoundError,
  YouTubeForbiddenError,
  YouTubeNotLiveError,
  YouTubeQuotaExceededError,
  YouTubeRateLimitError,
  YouTubeConnector,
  YOUTUBE_CHAT_LIMITS,
  type YouTubeConnectorOptions,
} from '../src/index.js';
import { chatRequests, rig } from './helpers.js';

afterEach(async () => {
  vi.useRealTimers();
  await closeAllFakes();
});

const chats = (events: StreamEvent[]) => events.filter((e) => e.type === 'chat').map((e) => e.type === 'chat' && e.data.message);

describe('resolving the chat', () => {
  it('finds activeLiveChatId through videos.list (1 unit) and reads that chat', async () => {
    const { fake, connector } = await rig();
    await connector.connect();
    expect(connector.liveChatId).toBe(fake.liveChatId);
    expect(fake.requests[0]).toMatchObject({ path: 'videos', query: { part: 'liveStreamingDetails', id: fake.videoId }, auth: 'key' });
    expect(chatRequests(fake)[0]!.query).toMatchObject({ liveChatId: fake.liveChatId, part: 'snippet,authorDetails' });
    await connector.disconnect();
  });

  it.each([
    ['missing', 'video_not_found', /no video/],
    ['not_live', 'not_a_live_video', /not a live stream/],
    ['upcoming', 'upcoming', /not started yet \(scheduled for 2024-05-04T18:00:00Z\)/],
    ['ended', 'ended', /ended at/],
    ['no_chat', 'no_chat', /no active chat/],
  ] as const)('says clearly when the video is %s', async (videoState, state, message) => {
    const { fake, connector } = await rig();
    fake.setVideoState(videoState);
    const error = await connector.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YouTubeNotLiveError);
    expect((error as YouTubeNotLiveError).state).toBe(state);
    expect((error as Error).message).toMatch(message);
    expect(connector.status).toBe('error');
    expect(chatRequests(fake)).toHaveLength(0);
  });

  it('mine: skips past broadcasts whose chat ended and asks for broadcastType=all (Stream now)', async () => {
    const { fake, connector } = await rig({ auth: { accessToken: YOUTUBE_FAKE_ACCESS_TOKEN }, target: { mine: true } });
    const live = {
      id: 'persistent1',
      snippet: { liveChatId: fake.liveChatId, isDefaultBroadcast: true },
      status: { lifeCycleStatus: 'live' },
    };
    const past = {
      id: 'old',
      snippet: { liveChatId: 'ENDEDCHAT', actualEndTime: '2024-01-01T00:00:00Z' },
      status: { lifeCycleStatus: 'complete' },
    };
    fake.setBroadcasts([past, live]);
    await connector.connect();
    expect(connector.liveChatId).toBe(fake.liveChatId);
    expect(fake.requests[0]).toMatchObject({ path: 'liveBroadcasts', query: { mine: 'true', broadcastType: 'all' }, auth: 'bearer' });
    await connector.disconnect();
  });

  it('mine: no live broadcast, or an API key, is a clear typed error', async () => {
    const { fake, connector } = await rig({ auth: { accessToken: YOUTUBE_FAKE_ACCESS_TOKEN }, target: { mine: true } });
    fake.setBroadcasts([{ id: 'old', snippet: { liveChatId: 'X' }, status: { lifeCycleStatus: 'complete' } }]);
    const error = await connector.connect().catch((e: unknown) => e);
    expect((error as YouTubeNotLiveError).state).toBe('no_live_broadcast');
    const keyed = await rig({ target: { mine: true } });
    await expect(keyed.connector.connect()).rejects.toBeInstanceOf(YouTubeAuthError);
  });

  it('a given liveChatId costs no lookup; a wrong one is YouTubeChatNotFoundError', async () => {
    const { fake, connector } = await rig({ target: { liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ' } });
    await connector.connect();
    expect(fake.requests.every((request) => request.path.startsWith('liveChat'))).toBe(true);
    await connector.disconnect();
    const wrong = await rig({ target: { liveChatId: 'nope' } });
    const error = await wrong.connector.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YouTubeChatNotFoundError);
    expect(wrong.connector.status).toBe('error');
  });
});

describe('polling', () => {
  it('skips the first page backlog by default, then follows nextPageToken every pollingIntervalMillis', async () => {
    const { fake, connector, events } = await rig({}, { pollingIntervalMillis: 40, enforcePollingInterval: { toleranceMs: 5 } });
    await connector.connect();
    fake.push(youtubeTextMessage('live one'));
    await waitUntil(() => chats(events).includes('live one'), 'the live message');
    fake.push(youtubeTextMessage('live two'));
    await waitUntil(() => chats(events).includes('live two'), 'the second message');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(chats(events)).toEqual(['live one', 'live two']);
    expect(events.some((e) => e.meta?.history)).toBe(false);
    const polls = chatRequests(fake);
    expect(polls[0]!.query.pageToken).toBeUndefined();
    for (let i = 1; i < polls.length; i++) {
      expect(polls[i]!.query.pageToken).toBeDefined();
      expect(polls[i]!.at - polls[i - 1]!.at).toBeGreaterThanOrEqual(35);
    }
    expect(connector.health.pollIntervalMs).toBe(40);
    expect(connector.health.lastError).toBeUndefined(); // never rate limited
    await connector.disconnect();
  });

  it('replays the backlog when asked, tagged meta.history, with the active poll', async () => {
    const { connector, events } = await rig({ replayHistory: true });
    await connector.connect();
    await waitUntil(() => events.length >= 14, 'the backlog');
    expect(events.slice(0, 14).every((e) => e.meta?.history === true)).toBe(true);
    expect(events.filter((e) => e.type === 'poll_begin')).toHaveLength(1);
    await connector.disconnect();
  });

  it.each(['poll', 'stream'] as const)('%s: a poll ended under a new message id ends with the pollId of its begin', async (mode) => {
    const { fake, connector, events } = await rig({ mode });
    await connector.connect();
    const active = youtubeMessage(
      'pollEvent',
      { pollDetails: { metadata: { questionText: 'Best map?', options: [{ optionText: 'Forest', tally: '0' }] }, status: 'active' } },
      { id: 'LCC.poll-live' },
    );
    fake.setActivePoll(active);
    await waitUntil(() => events.some((e) => e.type === 'poll_begin'), 'poll_begin');
    fake.setActivePoll(null);
    const ended = structuredClone(active);
    ended.id = 'LCC.poll-ended';
    ended.snippet.pollDetails = {
      metadata: { questionText: 'Best map?', options: [{ optionText: 'Forest', tally: '9' }] },
      status: 'closed',
    };
    fake.push(ended);
    await waitUntil(() => events.some((e) => e.type === 'poll_end'), 'poll_end');
    const end = events.find((e) => e.type === 'poll_end')!;
    expect(end.data).toMatchObject({ pollId: 'LCC.poll-live', status: 'closed', totalTally: '9' });
    expect(end.meta?.platformMessageId).toBe('LCC.poll-ended');
    await connector.disconnect();
  });

  it('retries a failed poll with the same page token: nothing lost, nothing twice, no gap', async () => {
    const { fake, connector, events } = await rig();
    const gaps: BusNotice[] = [];
    connector.bus.onNotice('gap', (notice) => void gaps.push(notice));
    await connector.connect();
    fake.fail({ kind: 'status', status: 500, reason: 'backendError' });
    fake.fail({ kind: 'reset' });
    fake.push(youtubeTextMessage('during the outage'));
    await waitUntil(() => chats(events).includes('during the outage'), 'the message after the retry');
    expect(connector.health.reconnectAttempts).toBe(0);
    expect(chats(events)).toEqual(['during the outage']);
    expect(gaps).toHaveLength(0);
    await connector.disconnect();
  });

  it('pageTokenInvalid restarts from recent messages, dedupes them and reports a gap', async () => {
    const { fake, connector, events } = await rig();
    const gaps: BusNotice[] = [];
    connector.bus.onNotice('gap', (notice) => void gaps.push(notice));
    await connector.connect();
    fake.push(youtubeTextMessage('before'));
    await waitUntil(() => chats(events).includes('before'), 'first message');
    fake.invalidatePageTokens();
    fake.push(youtubeTextMessage('after'));
    await waitUntil(() => chats(events).includes('after'), 'message after the restart');
    expect(chats(events)).toEqual(['before', 'after']);
    expect(gaps).toHaveLength(1);
    await connector.disconnect();
  });

  it('dedupes repeated ids but lets a growing giftEvent combo through', async () => {
    const { fake, connector, events } = await rig();
    await connector.connect();
    const text = youtubeTextMessage('once');
    fake.push(text, youtubeGiftEvent(1, { id: 'LCC.combo' }));
    fake.push(text, youtubeGiftEvent(1, { id: 'LCC.combo' }), youtubeGiftEvent(4, { id: 'LCC.combo' }));
    await waitUntil(() => events.filter((e) => e.type === 'jewels_gift').length === 2, 'two gift events');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(chats(events)).toEqual(['once']);
    expect(events.filter((e) => e.type === 'jewels_gift').map((e) => e.type === 'jewels_gift' && e.data.comboCount)).toEqual([1, 4]);
    expect(connector.health.duplicatesDropped).toBe(2);
    await connector.disconnect();
  });
});

describe('streaming (liveChatMessages.stream)', () => {
  it('parses the streamed array across tiny chunks and resumes with the last nextPageToken after a drop', async () => {
    const { fake, connector, events } = await rig({ mode: 'stream' }, { streamChunkBytes: 3 });
    const gaps: BusNotice[] = [];
    connector.bus.onNotice('gap', (notice) => void gaps.push(notice));
    await connector.connect();
    fake.push(youtubeTextMessage('first ✨ ünïcödé'));
    await waitUntil(() => chats(events).length === 1, 'first streamed message');
    const tokenBeforeDrop = chatRequests(fake).length;
    fake.dropStreams();
    fake.push(youtubeTextMessage('while dropped'));
    await waitUntil(() => chats(events).length === 2, 'message sent while dropped');
    fake.push(youtubeTextMessage('after'));
    await waitUntil(() => chats(events).length === 3, 'message after resume');
    expect(chats(events)).toEqual(['first ✨ ünïcödé', 'while dropped', 'after']);
    const resumed = chatRequests(fake)[tokenBeforeDrop]!;
    expect(resumed.path).toBe('liveChat/messages/stream');
    expect(resumed.query.pageToken).toBeDefined();
    expect(gaps).toHaveLength(0);
    expect(connector.quota.calls.stream).toBe(2);
    expect(connector.quota.calls.list).toBe(0);
    await connector.disconnect();
  });

  it('reopens after the server closes the array, and handles an error element', async () => {
    const { fake, connector, events } = await rig({ mode: 'stream' });
    await connector.connect();
    fake.push(youtubeTextMessage('a'));
    await waitUntil(() => chats(events).length === 1, 'a');
    fake.endStreams();
    await waitUntil(() => chatRequests(fake).length === 2 && fake.openStreams === 1, 'the stream reopened');
    fake.push(youtubeTextMessage('b'));
    await waitUntil(() => chats(events).length === 2, 'b');
    fake.streamError('forbidden');
    await waitUntil(() => connector.status === 'error', 'status error');
    expect(connector.lastError).toBeInstanceOf(YouTubeForbiddenError);
  });

  it('chat end inside the stream publishes stream_offline and stops', async () => {
    const { fake, connector, events } = await rig({ mode: 'stream' });
    await connector.connect();
    fake.endChat('event');
    await waitUntil(() => connector.status === 'disconnected', 'stopped');
    expect(events.filter((e) => e.type === 'stream_offline')).toHaveLength(1);
    expect(connector.health.chatEnded).toBe(true);
  });
});

describe('errors by reason', () => {
  it('quotaExceeded stops until midnight Pacific, says when, then resumes by itself', async () => {
    const { fake, connector } = await rig({}, { quotaLimit: 30 });
    fake.setQuotaUsed(29);
    const error = await connector.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YouTubeQuotaExceededError);
    const quota = error as YouTubeQuotaExceededError;
    expect(quota.resetsAt).toBe(connector.quota.resetsAt);
    expect(quota.message).toContain(new Date(quota.resetsAt).toISOString());
    expect(quota.message).toContain('midnight Pacific');
    expect(connector.status).toBe('error');
    expect(connector.quota.exceeded).toBe(true);
  });

  it('quotaExceeded: with an injected clock, resumes at the reset', async () => {
    let now = Date.parse('2024-05-04T18:00:00Z');
    const timers: Array<{ at: number; run: () => void }> = [];
    const clock = {
      now: () => now,
      setTimeout: (run: () => void, delay: number) => {
        const timer = { at: now + delay, run };
        if (delay > 1_000) timers.push(timer);
        else return setTimeout(run, delay);
        return timer;
      },
      clearTimeout: (handle: unknown) => {
        const index = timers.indexOf(handle as (typeof timers)[number]);
        if (index >= 0) timers.splice(index, 1);
        else clearTimeout(handle as ReturnType<typeof setTimeout>);
      },
    };
    const { fake, connector } = await rig({ clock }, { quotaLimit: 30 });
    fake.setQuotaUsed(29);
    await connector.connect().catch(() => undefined);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.at).toBe(Date.parse('2024-05-05T07:00:00Z') + 1_000);
    fake.setQuotaUsed(0);
    now = timers[0]!.at;
    timers.shift()!.run();
    await waitUntil(() => connector.status === 'connected', 'connected after the reset');
    await connector.disconnect();
  });

  it('rateLimitExceeded backs off (doubling the wait) and keeps reading', async () => {
    const { fake, connector, events } = await rig();
    const errors: unknown[] = [];
    connector.on('error', (error) => void errors.push(error));
    await connector.connect();
    fake.fail({ kind: 'error', reason: 'rateLimitExceeded' }, 2);
    fake.push(youtubeTextMessage('eventually'));
    await waitUntil(() => chats(events).includes('eventually'), 'message after the back-off');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(YouTubeRateLimitError);
    expect(connector.status).toBe('connected');
    const polls = chatRequests(fake);
    const gaps = polls.slice(1).map((request, i) => request.at - polls[i]!.at);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(75); // 20 ms × 2², after the second refusal
    await connector.disconnect();
  });

  it('liveChatEnded (error reason) publishes stream_offline and stops', async () => {
    const { fake, connector, events } = await rig();
    await connector.connect();
    fake.endChat('error');
    await waitUntil(() => connector.status === 'disconnected', 'stopped');
    expect(events.filter((e) => e.type === 'stream_offline').map((e) => e.data)).toEqual([{ reason: 'liveChatEnded' }]);
    const before = fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fake.requests.length).toBe(before);
  });

  it('chatEndedEvent + offlineAt publish one stream_offline and stop polling', async () => {
    const { fake, connector, events } = await rig();
    await connector.connect();
    fake.push(youtubeTextMessage('last words'));
    fake.endChat('event');
    await waitUntil(() => connector.status === 'disconnected', 'stopped');
    expect(events.map((e) => e.type)).toEqual(['chat', 'stream_offline']);
    expect(events[1]!.data).toMatchObject({ reason: 'chatEndedEvent' });
  });

  it('a chat that ended before connect rejects with YouTubeChatEndedError', async () => {
    const { fake, connector, events } = await rig({ target: { liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ' } });
    fake.endChat('error');
    await expect(connector.connect()).rejects.toBeInstanceOf(YouTubeChatEndedError);
    expect(events.map((e) => e.type)).toEqual(['stream_offline']);
  });

  it.each([
    ['forbidden', YouTubeForbiddenError],
    ['liveChatDisabled', YouTubeChatDisabledError],
    ['liveChatNotFound', YouTubeChatNotFoundError],
  ] as const)('%s is a typed error and stops', async (reason, type) => {
    const { fake, connector } = await rig();
    fake.fail({ kind: 'error', reason });
    const error = await connector.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as { reason: string }).reason).toBe(reason);
    expect(connector.status).toBe('error');
  });

  it('a 403 is classified by reason, not by status', async () => {
    const { fake, connector } = await rig();
    await connector.connect();
    fake.fail({ kind: 'status', status: 403, reason: 'backendError' });
    fake.push(youtubeTextMessage('x'));
    await waitUntil(() => connector.health.eventCount === 1, 'recovered after the retry');
    await connector.disconnect();
  });

  it('a 401 refreshes the token once through the provider; a second 401 is an AuthError', async () => {
    const refreshed = vi.fn(async () => YOUTUBE_FAKE_ACCESS_TOKEN);
    const { fake, connector } = await rig({ auth: { getAccessToken: async () => 'stale-token-1234', refreshAccessToken: refreshed } });
    await connector.connect();
    expect(refreshed).toHaveBeenCalledTimes(1);
    expect(fake.requests.slice(0, 2).map((r) => `${r.path} ${r.auth}`)).toEqual(['videos bearer', 'videos bearer']);
    fake.rotateAccessToken('ya29.rotated-token');
    refreshed.mockImplementation(async () => 'ya29.rotated-token');
    await waitUntil(() => refreshed.mock.calls.length === 2 && connector.status === 'connected', 'a second refresh, later');
    await connector.disconnect();
    const refresh = vi.fn(async () => 'still-wrong-5678');
    const bad = await rig({ auth: { getAccessToken: async () => 'stale-token-1234', refreshAccessToken: refresh } });
    const error = await bad.connector.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect((error as Error).message).not.toContain('stale-token-1234');
    expect((error as Error).message).not.toContain('still-wrong-5678');
  });

  it('never puts the API key (which lives in URLs) into errors or notices', async () => {
    const { fake, connector } = await rig({ auth: { apiKey: 'AIzaWrongKeyThatMustNotLeak000' } });
    const notices: string[] = [];
    connector.bus.onNotice(
      (notice) =>
        void notices.push(JSON.stringify(notice, (_k, v: unknown) => (v instanceof Error ? `${v.message} ${String(v.cause)}` : v))),
    );
    const error = await connector.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YouTubeAuthError);
    expect((error as YouTubeAuthError).reason).toBe('keyInvalid');
    const seen = [String(error), (error as Error).stack, ...notices, String(connector)].join('\n');
    expect(seen).not.toContain('AIzaWrongKeyThatMustNotLeak000');
    expect(seen).not.toContain('key=');
    expect(seen).not.toContain(fake.url);
  });
});

describe('quota accounting', () => {
  it('counts videos 1 + list 5 per poll, and estimates when the day runs out at this interval', async () => {
    const { fake, connector } = await rig();
    await connector.connect();
    await waitUntil(() => chatRequests(fake).length >= 3, 'three polls');
    await connector.disconnect();
    const quota = connector.quota;
    expect(quota.usedToday).toBe(fake.quotaUsed);
    expect(quota.usedToday).toBe(1 + 5 * quota.calls.list);
    expect(quota.remaining).toBe(10_000 - quota.usedToday);
    // 08:00 in Los Angeles: the reset is 16 h away, so the rate decides when the day runs out
    const start = Date.now();
    const morning = Date.parse('2024-05-04T15:00:00Z');
    const clock = {
      now: () => morning + Date.now() - start,
      setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
      clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    const polling = await rig({ clock }, { pollingIntervalMillis: 5_000 });
    await polling.connector.connect();
    const estimate = polling.connector.quota;
    expect(estimate.unitsPerHour).toBe(3_600);
    expect(estimate.resetsAt).toBe(Date.parse('2024-05-05T07:00:00Z'));
    expect(estimate.exhaustedAt! - clock.now()).toBeGreaterThan(2.7 * 3_600_000);
    expect(estimate.exhaustedAt! - clock.now()).toBeLessThan(2.8 * 3_600_000);
    await polling.connector.disconnect();
  });
});

describe('the quotaCosts option', () => {
  const mine = async (quotaCosts: YouTubeConnectorOptions['quotaCosts']) => {
    const { fake, connector } = await rig({ auth: { accessToken: YOUTUBE_FAKE_ACCESS_TOKEN }, target: { mine: true }, quotaCosts });
    fake.setBroadcasts([{ id: 'live1', snippet: { liveChatId: fake.liveChatId }, status: { lifeCycleStatus: 'live' } }]);
    await connector.connect();
    await connector.disconnect();
    return connector.quota;
  };

  it('takes the documented key liveBroadcasts, and broadcasts as its deprecated name', async () => {
    const documented = await mine({ liveBroadcasts: 3, list: 7 });
    expect(documented.calls.liveBroadcasts).toBe(1);
    expect(documented.usedToday).toBe(3 + 7 * documented.calls.list);
    const deprecated = await mine({ broadcasts: 4 });
    expect(deprecated.usedToday).toBe(4 + 5 * deprecated.calls.list);
  });

  it('rejects unknown keys and bad values with a ValidationError naming the valid keys', () => {
    const build = (quotaCosts: unknown) => () =>
      new YouTubeConnector({ bus: new EventBus(), auth: { apiKey: 'k' }, target: { videoId: 'v' }, quotaCosts: quotaCosts as never });
    const error = (() => {
      try {
        build({ liveBroadcast: 2, insert: -1 })();
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('YOUTUBE_INVALID_QUOTA_COSTS');
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['quotaCosts.liveBroadcast', 'quotaCosts.insert']);
    expect((error as Error).message).toContain('valid keys: list, stream, videos, liveBroadcasts, insert');
    expect(build({ broadcasts: 1, liveBroadcasts: 2 })).toThrow(/give liveBroadcasts only/);
    expect(build({ list: Number.NaN })).toThrow(ValidationError);
    expect(build({ videos: 2 })).not.toThrow();
  });
});

describe('sendChat', () => {
  it('inserts a text message (OAuth, 50 units) and returns its id', async () => {
    const { fake, connector } = await rig({ auth: { accessToken: YOUTUBE_FAKE_ACCESS_TOKEN } });
    const result = await connector.sendChat('Thanks for watching!');
    expect(result.messageId).toBe(fake.inserted[0]!.id);
    const request = fake.requests.find((r) => r.method === 'POST')!;
    expect(request.query).toEqual({ part: 'snippet' });
    expect(request.body).toEqual({
      snippet: { liveChatId: fake.liveChatId, type: 'textMessageEvent', textMessageDetails: { messageText: 'Thanks for watching!' } },
    });
    expect(connector.quota.calls.insert).toBe(1);
    expect(connector.quota.usedToday).toBe(51);
  });

  it('declares its capabilities and limits: sends with OAuth only, no threaded replies, 200 characters', async () => {
    const keyed = await rig();
    expect(keyed.connector.capabilities).toEqual({ chat: { send: false, reply: false } });
    expect(canSendChat(keyed.connector)).toBe(false);
    const { connector } = await rig({ auth: { accessToken: YOUTUBE_FAKE_ACCESS_TOKEN } });
    expect(connector.capabilities).toEqual({ chat: { send: true, reply: false } });
    expect(canSendChat(connector)).toBe(true);
    expect(connector.chatLimits).toEqual(YOUTUBE_CHAT_LIMITS);
    expect(YOUTUBE_CHAT_LIMITS).toMatchObject({ maxLength: 200, lengthUnit: 'code-points' });
  });

  it('refuses with typed errors: API key, empty, too long (before sending), rate limited, chat ended', async () => {
    const keyed = await rig();
    await expect(keyed.connector.sendChat('hi')).rejects.toMatchObject({ code: 'YOUTUBE_CHAT_NEEDS_OAUTH', reason: 'oauth-required' });
    await expect(keyed.connector.sendChat('hi')).rejects.toBeInstanceOf(ChatNotAllowedError);
    const { fake, connector } = await rig({ auth: { accessToken: YOUTUBE_FAKE_ACCESS_TOKEN } });
    await expect(connector.sendChat('  ')).rejects.toMatchObject({ reason: 'messageTextRequired' });
    // 200 emoji are 200 characters to YouTube (code points), 400 UTF-16 units.
    await expect(connector.sendChat('😀'.repeat(200))).resolves.toMatchObject({ messageId: expect.any(String) });
    const long = await connector.sendChat('x'.repeat(201)).catch((e: unknown) => e);
    expect(long).toBeInstanceOf(ChatMessageTooLongError);
    expect(long).toMatchObject({ limit: 200, length: 201, unit: 'code-points' });
    expect(fake.inserted).toHaveLength(1);
    fake.fail({ kind: 'error', reason: 'rateLimitExceeded' }, 3);
    const limited = await connector.sendChat('spam').catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(ChatRateLimitedError);
    expect((limited as Error).cause).toBeInstanceOf(YouTubeRateLimitError);
    fake.endChat('error');
    const ended = await connector.sendChat('late').catch((e: unknown) => e);
    expect(ended).toBeInstanceOf(ChatNotAllowedError);
    expect(ended).toMatchObject({ reason: 'liveChatEnded' });
    expect((ended as Error).cause).toBeInstanceOf(YouTubeChatEndedError);
  });

  it('a rateLimitExceeded answer is retried after the window and the message is sent once', async () => {
    const { fake, connector } = await rig({ auth: { accessToken: YOUTUBE_FAKE_ACCESS_TOKEN } });
    fake.fail({ kind: 'error', reason: 'rateLimitExceeded' });
    await expect(connector.sendChat('once', { replyTo: undefined })).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(fake.inserted).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(2); // the refused one and the retry
  });
});

describe('YouTubeConnector basics', () => {
  it("connect() through core's startConnecting: one shared attempt, rejected by disconnect(), then connects again", async () => {
    const { connector } = await rig();
    const first = connector.connect();
    expect(connector.connect()).toBe(first);
    expect(connector.status).toBe('connecting');
    await connector.disconnect();
    await expect(first).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(connector.status).toBe('disconnected');
    await connector.connect();
    expect(connector.status).toBe('connected');
    await expect(connector.connect()).resolves.toBeUndefined();
    await connector.disconnect();
  });

  it('names itself after the target and prints no secret', () => {
    const connector = new YouTubeConnector({ bus: undefined as never, auth: { apiKey: 'AIzaSecret0000' }, target: { videoId: 'abc' } });
    expect(connector.id).toBe('youtube:abc');
    expect(String(connector)).toBe('YouTubeConnector(youtube:abc, disconnected)');
  });
});
