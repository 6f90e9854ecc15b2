import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttpServer } from '../../loopback.js';
import {
  youtubeErrorFixtures,
  liveBroadcastsListFixture,
  listChatEndedFixture,
  listPage1Fixture,
  videosListFixture,
  type YouTubeFixtureErrorName,
} from './fixtures.js';
import { freshYouTubeMessageId, youtubeTimestamp } from './messages.js';
import type { YouTubeFakeErrorBody, YouTubeFakeMessage } from './types.js';

/** The API key the fake accepts unless told otherwise. */
export const YOUTUBE_FAKE_API_KEY = 'AIzaSyFakeKeyForTests0000000000000000';
/** The OAuth access token the fake accepts unless told otherwise. */
export const YOUTUBE_FAKE_ACCESS_TOKEN = 'ya29.fake-access-token-for-tests';

/** Options of {@link startYouTubeFake}. */
export interface YouTubeFakeOptions {
  /** Accepted API key (default {@link YOUTUBE_FAKE_API_KEY}). */
  apiKey?: string;
  /** Accepted OAuth token (default {@link YOUTUBE_FAKE_ACCESS_TOKEN}). */
  accessToken?: string;
  /** The live chat id (default the fixtures'). */
  liveChatId?: string;
  /** The live video id (default the fixtures'). */
  videoId?: string;
  /** `pollingIntervalMillis` of every list page (default 30; YouTube's is about 5,000). */
  pollingIntervalMillis?: number;
  /** Messages already in the chat, returned as the first page's backlog (default: the 14 fixture items). */
  backlog?: YouTubeFakeMessage[];
  /** The active poll returned as `activePollItem` (default: the fixture's, with the default backlog). */
  activePollItem?: YouTubeFakeMessage | null;
  /** Daily quota units (default 10,000). */
  quotaLimit?: number;
  /** Split every streamed write into pieces of at most this many bytes (exercises chunk boundaries). */
  streamChunkBytes?: number;
  /** Answer `rateLimitExceeded` to a list call that comes sooner than `pollingIntervalMillis` (minus `toleranceMs`). */
  enforcePollingInterval?: { toleranceMs: number };
}

/** A request the fake received. */
export interface YouTubeFakeRequest {
  method: string;
  /** Path below the API base, e.g. `liveChat/messages`. */
  path: string;
  query: Record<string, string>;
  /** How it authenticated: `key`, `bearer` or `none`. */
  auth: 'key' | 'bearer' | 'none';
  body?: unknown;
  /** `Date.now()` when it arrived. */
  at: number;
}

/** A fault for the next chat request(s). */
export type YouTubeFakeFault =
  /** Reset the socket without answering. */
  | { kind: 'reset' }
  /** Answer with a recorded error body (by reason). */
  | { kind: 'error'; reason: YouTubeFixtureErrorName }
  /** Answer any status with a Google error envelope built from `reason` (or a plain text body). */
  | { kind: 'status'; status: number; reason?: string; message?: string };

/** The state of the fake's video for `videos.list`. */
export type YouTubeFakeVideoState = 'live' | 'upcoming' | 'ended' | 'not_live' | 'missing' | 'no_chat';

/** A running fake of the Data API v3 live chat endpoints. */
export interface YouTubeFake {
  /** API base URL, `http://127.0.0.1:<port>/youtube/v3` (the connector's `apiBaseUrl`). */
  readonly url: string;
  readonly liveChatId: string;
  readonly videoId: string;
  readonly apiKey: string;
  /** The OAuth token currently accepted. */
  readonly accessToken: string;
  /** Every request, in order. */
  readonly requests: readonly YouTubeFakeRequest[];
  /** Quota units charged so far. */
  readonly quotaUsed: number;
  /** Every message sent through `liveChatMessages.insert`. */
  readonly inserted: readonly YouTubeFakeMessage[];
  /** Streamed responses currently open. */
  readonly openStreams: number;
  /** Appends messages to the chat (delivered on the next poll, or pushed to open streams at once). */
  push(...messages: YouTubeFakeMessage[]): void;
  /** Sets the poll returned as `activePollItem` (`null` for none) and pushes it to open streams. */
  setActivePoll(poll: YouTubeFakeMessage | null): void;
  /** The next `count` chat requests (list, stream, insert) fail with `fault`. */
  fail(fault: YouTubeFakeFault, count?: number): void;
  /** The same faults for the next lookup request(s) (`videos.list`, `liveBroadcasts.list`). */
  failLookup(fault: YouTubeFakeFault, count?: number): void;
  /** Resets every open streamed response mid-array (a dropped connection). */
  dropStreams(): void;
  /** Closes every open streamed response cleanly (`]`). */
  endStreams(): void;
  /** Writes an error envelope as an element of every open streamed response, then closes it. */
  streamError(reason: YouTubeFixtureErrorName): void;
  /**
   * Ends the chat: `event` appends a `chatEndedEvent` and sets `offlineAt` on later pages; `error`
   * answers every later chat request with `liveChatEnded`.
   */
  endChat(how?: 'event' | 'error'): void;
  /** Sets what `videos.list` says about the video. */
  setVideoState(state: YouTubeFakeVideoState): void;
  /** Replaces the `liveBroadcasts.list?mine=true` items (default: a completed broadcast, then the live one). */
  setBroadcasts(items: unknown[]): void;
  /** Accepts a new OAuth token; the old one then gets 401. */
  rotateAccessToken(token: string): void;
  /** Sets the units already used today. */
  setQuotaUsed(units: number): void;
  /** Every page token handed out so far is refused (`pageTokenInvalid`). */
  invalidatePageTokens(): void;
  close(): Promise<void>;
}

const COSTS = { list: 5, stream: 5, videos: 1, broadcasts: 1, insert: 50 } as const;

function errorBody(status: number, reason: string, message: string, domain = 'youtube.liveChat'): YouTubeFakeErrorBody {
  return { error: { code: status, message, errors: [{ message, domain, reason }] } };
}

const AUTH_INVALID: YouTubeFakeErrorBody = {
  error: {
    code: 401,
    message:
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }],
    status: 'UNAUTHENTICATED',
  },
};
const LOGIN_REQUIRED: YouTubeFakeErrorBody = {
  error: {
    code: 401,
    message: 'Login Required.',
    errors: [{ message: 'Login Required.', domain: 'global', reason: 'required', location: 'Authorization', locationType: 'header' }],
    status: 'UNAUTHENTICATED',
  },
};
const KEY_INVALID: YouTubeFakeErrorBody = {
  error: {
    code: 400,
    message: 'API key not valid. Please pass a valid API key.',
    errors: [{ message: 'API key not valid. Please pass a valid API key.', domain: 'global', reason: 'badRequest' }],
    status: 'INVALID_ARGUMENT',
  },
};

interface OpenStream {
  response: ServerResponse;
  position: number;
  pollSignature: string;
}

/**
 * Starts a fake YouTube Data API v3 on 127.0.0.1: `videos.list`, `liveBroadcasts.list`,
 * `liveChatMessages.list` (page tokens, `pollingIntervalMillis`, `activePollItem`, `offlineAt`),
 * `liveChatMessages.stream` (a chunked, streamed JSON array of list responses), and
 * `liveChatMessages.insert`, with quota counting and Google's real error bodies.
 *
 * @example
 * ```ts
 * const fake = await startYouTubeFake({ pollingIntervalMillis: 10 });
 * const youtube = new YouTubeConnector({ bus, auth: { apiKey: fake.apiKey }, target: { videoId: fake.videoId }, apiBaseUrl: fake.url });
 * await youtube.connect();
 * fake.push(youtubeTextMessage('hello'));
 * ```
 */
export async function startYouTubeFake(options: YouTubeFakeOptions = {}): Promise<YouTubeFake> {
  const apiKey = options.apiKey ?? YOUTUBE_FAKE_API_KEY;
  let accessToken = options.accessToken ?? YOUTUBE_FAKE_ACCESS_TOKEN;
  const liveChatId = options.liveChatId ?? listPage1Fixture.items[0]!.snippet.liveChatId!;
  const videoId = options.videoId ?? 'dfJkAztJwA4';
  const pollingIntervalMillis = options.pollingIntervalMillis ?? 30;
  const quotaLimit = options.quotaLimit ?? 10_000;
  const log: YouTubeFakeMessage[] = structuredClone(options.backlog ?? listPage1Fixture.items);
  let activePoll: YouTubeFakeMessage | null =
    options.activePollItem !== undefined
      ? options.activePollItem
      : options.backlog
        ? null
        : structuredClone(listPage1Fixture.activePollItem);
  const requests: YouTubeFakeRequest[] = [];
  const inserted: YouTubeFakeMessage[] = [];
  const faults: YouTubeFakeFault[] = [];
  const lookupFaults: YouTubeFakeFault[] = [];
  const streams = new Set<OpenStream>();
  let quotaUsed = 0;
  let tokenEpoch = 0;
  let videoState: YouTubeFakeVideoState = 'live';
  let ended: 'event' | 'error' | undefined;
  let offlineAt: string | undefined;
  let lastListAt: number | undefined;
  let broadcasts: unknown[] = [
    {
      kind: 'youtube#liveBroadcast',
      id: 'pastBroadcast1',
      snippet: {
        title: 'Yesterday',
        liveChatId: 'KicKpastChatIdThatHasEnded',
        actualStartTime: '2024-05-03T18:00:00Z',
        actualEndTime: '2024-05-03T20:00:00Z',
      },
      status: { lifeCycleStatus: 'complete', privacyStatus: 'public' },
    },
    ...structuredClone(liveBroadcastsListFixture.items as unknown[]),
  ];

  const tokenFor = (position: number) => Buffer.from(`fake:${tokenEpoch}:${position}`).toString('base64url');
  const positionOf = (token: string): number | undefined => {
    const match = /^fake:(\d+):(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
    if (!match || Number(match[1]) !== tokenEpoch) return undefined;
    return Number(match[2]);
  };

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    response.end(JSON.stringify(body));
  };

  const page = (position: number, maxResults: number, withInterval: boolean) => {
    const items = log.slice(position, position + maxResults);
    const next = position + items.length;
    return {
      kind: 'youtube#liveChatMessageListResponse',
      etag: `etag-${next}`,
      ...(withInterval ? { pollingIntervalMillis } : {}),
      nextPageToken: tokenFor(next),
      ...(offlineAt && next >= log.length ? { offlineAt } : {}),
      pageInfo: { totalResults: items.length, resultsPerPage: items.length },
      items,
      ...(activePoll ? { activePollItem: activePoll } : {}),
    };
  };

  const writeStream = (stream: OpenStream, text: string) => {
    const bytes = Buffer.from(text);
    const size = options.streamChunkBytes ?? bytes.length;
    for (let offset = 0; offset < bytes.length; offset += Math.max(1, size))
      stream.response.write(bytes.subarray(offset, offset + Math.max(1, size)));
  };

  const pollSignature = () => (activePoll ? JSON.stringify(activePoll.snippet) : '');

  const flushStreams = () => {
    for (const stream of streams) {
      if (stream.position >= log.length && stream.pollSignature === pollSignature()) continue;
      const element = page(stream.position, 2000, false);
      stream.position += element.items.length;
      stream.pollSignature = pollSignature();
      writeStream(stream, `,${JSON.stringify(element)}`);
      if (element.offlineAt) closeStream(stream);
    }
  };

  const closeStream = (stream: OpenStream) => {
    streams.delete(stream);
    stream.response.end(']');
  };

  const authOf = (request: IncomingMessage, url: URL): YouTubeFakeRequest['auth'] => {
    if (url.searchParams.has('key')) return 'key';
    if (request.headers.authorization?.startsWith('Bearer ')) return 'bearer';
    return 'none';
  };

  /** Checks the credential; answers and returns false when it is refused. */
  const authorize = (request: IncomingMessage, url: URL, response: ServerResponse, oauthOnly: boolean): boolean => {
    const key = url.searchParams.get('key');
    const bearer = request.headers.authorization?.startsWith('Bearer ') ? request.headers.authorization.slice(7) : undefined;
    if (bearer !== undefined) {
      if (bearer === accessToken) return true;
      send(response, 401, AUTH_INVALID);
      return false;
    }
    if (key !== null) {
      if (key !== apiKey) {
        send(response, 400, KEY_INVALID);
        return false;
      }
      if (!oauthOnly) return true;
    }
    send(response, 401, LOGIN_REQUIRED);
    return false;
  };

  /** Applies a scripted fault or the chat-ended state; returns true when it answered. */
  const injectFault = (response: ServerResponse, queue: YouTubeFakeFault[] = faults): boolean => {
    const fault = queue.shift();
    if (fault) {
      if (fault.kind === 'reset') response.socket?.destroy();
      else if (fault.kind === 'error') {
        const body = youtubeErrorFixtures[fault.reason];
        send(response, body.error.code, body);
      } else if (fault.reason) send(response, fault.status, errorBody(fault.status, fault.reason, fault.message ?? fault.reason, 'global'));
      else {
        response.writeHead(fault.status, { 'content-type': 'text/html' });
        response.end(fault.message ?? '<html><body>Server Error</body></html>');
      }
      return true;
    }
    if (queue === faults && ended === 'error') {
      send(response, 403, youtubeErrorFixtures.liveChatEnded);
      return true;
    }
    return false;
  };

  const charge = (response: ServerResponse, units: number): boolean => {
    if (quotaUsed + units > quotaLimit) {
      send(response, 403, youtubeErrorFixtures.quotaExceeded);
      return false;
    }
    quotaUsed += units;
    return true;
  };

  const checkChat = (url: URL, response: ServerResponse): boolean => {
    if (url.searchParams.get('liveChatId') !== liveChatId) {
      send(response, 404, youtubeErrorFixtures.liveChatNotFound);
      return false;
    }
    return true;
  };

  /** The start position for a list/stream call, or undefined after answering pageTokenInvalid. */
  const startPosition = (url: URL, response: ServerResponse, maxResults: number): number | undefined => {
    const token = url.searchParams.get('pageToken');
    if (token === null) return Math.max(0, log.length - maxResults);
    const position = positionOf(token);
    if (position === undefined) {
      send(response, 400, errorBody(400, 'pageTokenInvalid', 'The request specifies an invalid page token.'));
      return undefined;
    }
    return position;
  };

  const video = () => {
    const base = { kind: 'youtube#video', etag: 'etag-v-1', id: videoId };
    const start = { scheduledStartTime: '2024-05-04T18:00:00Z' };
    switch (videoState) {
      case 'missing':
        return [];
      case 'not_live':
        return [base];
      case 'upcoming':
        return [{ ...base, liveStreamingDetails: start }];
      case 'ended':
        return [
          { ...base, liveStreamingDetails: { ...start, actualStartTime: '2024-05-04T18:00:12Z', actualEndTime: '2024-05-04T20:00:00Z' } },
        ];
      case 'no_chat':
        return [{ ...base, liveStreamingDetails: { ...start, actualStartTime: '2024-05-04T18:00:12Z', concurrentViewers: '12' } }];
      case 'live':
        return [
          {
            ...base,
            liveStreamingDetails: {
              ...(videosListFixture.items as Array<{ liveStreamingDetails: object }>)[0]!.liveStreamingDetails,
              activeLiveChatId: liveChatId,
            },
          },
        ];
    }
  };

  const readBody = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (text += chunk));
      request.on('end', () => resolve(text));
      request.on('error', () => resolve(text));
    });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/youtube\/v3\//, '');
    const method = request.method ?? 'GET';
    const entry: YouTubeFakeRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      auth: authOf(request, url),
      at: Date.now(),
    };
    requests.push(entry);
    const maxResults = Math.min(2000, Math.max(200, Number(url.searchParams.get('maxResults') ?? 500) || 500));

    if (method === 'GET' && path === 'videos') {
      if (!authorize(request, url, response, false) || injectFault(response, lookupFaults) || !charge(response, COSTS.videos)) return;
      const items = url.searchParams.get('id') === videoId ? video() : [];
      return send(response, 200, {
        kind: 'youtube#videoListResponse',
        etag: 'etag-videos',
        pageInfo: { totalResults: items.length, resultsPerPage: items.length },
        items,
      });
    }
    if (method === 'GET' && path === 'liveBroadcasts') {
      if (!authorize(request, url, response, true) || injectFault(response, lookupFaults) || !charge(response, COSTS.broadcasts)) return;
      const all = url.searchParams.get('broadcastType') === 'all';
      const items = broadcasts.filter(
        (item) => all || (item as { snippet?: { isDefaultBroadcast?: boolean } }).snippet?.isDefaultBroadcast !== true,
      );
      return send(response, 200, {
        kind: 'youtube#liveBroadcastListResponse',
        etag: 'etag-broadcasts',
        pageInfo: { totalResults: items.length, resultsPerPage: 5 },
        items,
      });
    }
    if (method === 'GET' && path === 'liveChat/messages') {
      if (!authorize(request, url, response, false) || injectFault(response) || !charge(response, COSTS.list) || !checkChat(url, response))
        return;
      const now = Date.now();
      if (options.enforcePollingInterval && lastListAt !== undefined && url.searchParams.has('pageToken')) {
        if (now - lastListAt < pollingIntervalMillis - options.enforcePollingInterval.toleranceMs) {
          lastListAt = now;
          return send(response, 403, youtubeErrorFixtures.rateLimitExceeded);
        }
      }
      const position = startPosition(url, response, maxResults);
      if (position === undefined) return;
      lastListAt = now;
      return send(response, 200, page(position, maxResults, true));
    }
    if (method === 'GET' && path === 'liveChat/messages/stream') {
      if (
        !authorize(request, url, response, false) ||
        injectFault(response) ||
        !charge(response, COSTS.stream) ||
        !checkChat(url, response)
      )
        return;
      const position = startPosition(url, response, maxResults);
      if (position === undefined) return;
      response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      const stream: OpenStream = { response, position, pollSignature: pollSignature() };
      const first = page(position, 2000, false);
      stream.position += first.items.length;
      streams.add(stream);
      response.on('close', () => streams.delete(stream));
      writeStream(stream, `[${JSON.stringify(first)}`);
      if (first.offlineAt) closeStream(stream);
      return;
    }
    if (method === 'POST' && path === 'liveChat/messages') {
      const text = await readBody(request);
      if (!authorize(request, url, response, true) || injectFault(response) || !charge(response, COSTS.insert)) return;
      let body: { snippet?: { liveChatId?: string; type?: string; textMessageDetails?: { messageText?: string } } };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        return send(response, 400, errorBody(400, 'parseError', 'Parse Error', 'global'));
      }
      entry.body = body;
      const snippet = body.snippet;
      if (!snippet?.liveChatId)
        return send(response, 400, errorBody(400, 'liveChatIdRequired', 'You must specify a value for the snippet.liveChatId property.'));
      if (snippet.liveChatId !== liveChatId) return send(response, 404, youtubeErrorFixtures.liveChatNotFound);
      if (!snippet.type)
        return send(
          response,
          400,
          errorBody(400, 'typeRequired', 'The live chat message resource must specify a value for the snippet.type property.'),
        );
      const messageText = snippet.textMessageDetails?.messageText;
      if (!messageText)
        return send(
          response,
          400,
          errorBody(400, 'messageTextRequired', 'The resource must contain a snippet.textMessageDetails.messageText property.'),
        );
      if ([...messageText].length > 200) return send(response, 400, errorBody(400, 'messageTextInvalid', 'The message text is too long.'));
      const message: YouTubeFakeMessage = {
        kind: 'youtube#liveChatMessage',
        etag: 'etag-insert',
        id: freshYouTubeMessageId(),
        snippet: {
          type: 'textMessageEvent',
          liveChatId,
          authorChannelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
          publishedAt: youtubeTimestamp(),
          hasDisplayContent: true,
          displayMessage: messageText,
          textMessageDetails: { messageText },
        },
        authorDetails: {
          channelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
          channelUrl: 'http://www.youtube.com/channel/UCX6OQ3ye0U0JG8TIW1hJbzg',
          displayName: '@the_streamer',
          isVerified: true,
          isChatOwner: true,
          isChatSponsor: false,
          isChatModerator: false,
        },
      };
      inserted.push(message);
      log.push(message);
      flushStreams();
      return send(response, 200, message);
    }
    send(response, 404, errorBody(404, 'notFound', `no fake for ${method} ${path}`, 'global'));
  };

  const http = await startHttpServer((request, response) => {
    void handle(request, response);
  });

  return {
    url: `${http.url}/youtube/v3`,
    liveChatId,
    videoId,
    apiKey,
    get accessToken() {
      return accessToken;
    },
    requests,
    get quotaUsed() {
      return quotaUsed;
    },
    inserted,
    get openStreams() {
      return streams.size;
    },
    push(...messages) {
      for (const message of messages) log.push(structuredClone({ ...message, snippet: { liveChatId, ...message.snippet } }));
      flushStreams();
    },
    setActivePoll(poll) {
      activePoll = poll ? structuredClone(poll) : null;
      flushStreams();
    },
    failLookup(fault, count = 1) {
      for (let i = 0; i < count; i++) lookupFaults.push(fault);
    },
    fail(fault, count = 1) {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    dropStreams() {
      for (const stream of [...streams]) {
        streams.delete(stream);
        stream.response.socket?.destroy();
      }
    },
    endStreams() {
      for (const stream of [...streams]) closeStream(stream);
    },
    streamError(reason) {
      for (const stream of [...streams]) {
        writeStream(stream, `,${JSON.stringify(youtubeErrorFixtures[reason])}`);
        closeStream(stream);
      }
    },
    endChat(how = 'event') {
      ended = how;
      if (how === 'event') {
        const item = structuredClone(listChatEndedFixture.items[0]!);
        item.id = freshYouTubeMessageId();
        item.snippet.liveChatId = liveChatId;
        item.snippet.publishedAt = youtubeTimestamp();
        log.push(item);
        offlineAt = youtubeTimestamp();
        flushStreams();
      } else {
        for (const stream of [...streams]) {
          writeStream(stream, `,${JSON.stringify(youtubeErrorFixtures.liveChatEnded)}`);
          closeStream(stream);
        }
      }
    },
    setVideoState(state) {
      videoState = state;
    },
    setBroadcasts(items) {
      broadcasts = items;
    },
    rotateAccessToken(token) {
      accessToken = token;
    },
    setQuotaUsed(units) {
      quotaUsed = units;
    },
    invalidatePageTokens() {
      tokenEpoch++;
    },
    close: () => http.close(),
  };
}
