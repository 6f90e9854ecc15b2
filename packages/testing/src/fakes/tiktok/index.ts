import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { WebSocketServer, type WebSocket } from 'ws';
import { registerCleanup } from '../../cleanup.js';
import { startHttpServer } from '../../loopback.js';
import { waitUntil } from '../../wait.js';
import { decodeClientFrame, decodeEnterRoom, decodeHeartbeat, encodeFetchResult, encodePushFrame, type WebcastMessage } from './proto.js';

/**
 * A local TikTok LIVE: one HTTP server on 127.0.0.1 that is at once the Sign API
 * (`/webcast/rooms/:roomId/connect`, legacy `/webcast/fetch`, `/webcast/anchors/:uniqueId/room_id`),
 * TikTok's web lookups (`/@:uniqueId/live` with `SIGI_STATE`, `/api-live/user/room/`,
 * `/webcast/room/info/`) and the webcast WebSocket (`ws` server on the push server path). It speaks
 * the real wire protocol: raw protobuf sign responses with `X-Set-TT-Cookie`, gzip'd
 * `WebcastPushFrame`s, and it records and checks what clients send (`im_enter_room`, `hb`, `ack`).
 *
 * @packageDocumentation
 */

/** Room id the fake serves unless told otherwise. */
export const TIKTOK_FAKE_ROOM_ID = '7301962345897160001';
/** The creator's @handle. */
export const TIKTOK_FAKE_UNIQUE_ID = 'fake_creator';
/** The cookie the fake Sign API hands out (`X-Set-TT-Cookie`). */
export const TIKTOK_FAKE_TTWID = 'ttwid=1%7CfakeTtwid%7C1732300000%7Cabc';
/** The push server path (as TikTok's). */
export const TIKTOK_FAKE_WS_PATH = '/webcast/im/ws_proxy/ws_reuse_supplement/';

/** A failure the Sign API answers with instead of a signed connection. */
export type TikTokSignFailure =
  | { kind: 'rate-limit'; retryAfterSeconds?: number; limitLabel?: string }
  | { kind: 'status'; status: number; message?: string }
  | { kind: 'no-cookies' }
  | { kind: 'empty-body' }
  | { kind: 'no-cursor' };

/** How the room id lookups (live page, api-live) answer. */
export type TikTokLookupMode = 'ok' | 'blocked' | 'not-found';

/** Options of {@link startTikTokFake}. */
export interface TikTokFakeOptions {
  roomId?: string;
  uniqueId?: string;
  /** When set, the Sign API requires this `X-Api-Key` (401 otherwise). */
  apiKey?: string;
  /** Live at start (default true). */
  live?: boolean;
  /** Messages returned with every sign response (the history batch). */
  history?: readonly WebcastMessage[];
  /** gzip batches (default true). */
  gzip?: boolean;
  /** Ask for acks (default true). */
  needAck?: boolean;
  /** Answer `im_enter_room` with `im_enter_room_resp` (default true). */
  enterResponse?: boolean;
  /** Send the `X-Room-Id` header (default true). */
  roomIdHeader?: boolean;
}

/** A Sign API request the fake received. */
export interface TikTokSignRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

/** A WebSocket upgrade the fake received. */
export interface TikTokUpgrade {
  path: string;
  query: URLSearchParams;
  /** The raw query string (to see the duplicate `version_code`). */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  rejected: boolean;
}

/** An ack the fake received. */
export interface TikTokAck {
  logId: string;
  payload: string;
}

/** Options of {@link TikTokFake.sendBatch}. */
export interface TikTokBatchOptions {
  /** gzip the payload (default: the fake's `gzip`). */
  gzip?: boolean;
  /** Send the `compress_type: gzip` header (default: same as `gzip`). */
  gzipHeader?: boolean;
  /** Ask for an ack (default: the fake's `needAck`). */
  needAck?: boolean;
  /** The `internalExt` (the ack payload); default a fresh one. */
  internalExt?: string;
}

/** A batch the fake sent. */
export interface TikTokSentBatch {
  logId: string;
  internalExt: string;
  needAck: boolean;
  /** The exact WebSocket message bytes. */
  bytes: Uint8Array;
}

/** A running TikTok fake and its controls. */
export interface TikTokFake {
  /** `http://127.0.0.1:<port>`: the Sign API URL, the web base URL and the webcast base URL at once. */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/webcast/im/ws_proxy/ws_reuse_supplement/` (the push server). */
  readonly wsUrl: string;
  readonly roomId: string;
  readonly uniqueId: string;
  readonly signRequests: readonly TikTokSignRequest[];
  readonly upgrades: readonly TikTokUpgrade[];
  /** `im_enter_room` frames received. */
  readonly enters: ReadonlyArray<{ roomId: string; liveId: number; identity: string; enterUniqueId: string }>;
  /** `hb` frames received. */
  readonly heartbeats: ReadonlyArray<{ roomId: string; sequence: number }>;
  readonly acks: readonly TikTokAck[];
  /** Client frames the fake could not make sense of. */
  readonly badClientFrames: number;
  /** Requests per web route (`live-page`, `api-live`, `anchors`, `room-info`). */
  readonly lookups: Readonly<Record<string, number>>;
  /** Open sockets that have entered the room. */
  openCount(): number;
  /** Resolves when `count` sockets have entered the room in total. */
  waitForEnter(count?: number, timeoutMs?: number): Promise<void>;
  /** Resolves when an ack for `logId` arrived. */
  waitForAck(logId: string, timeoutMs?: number): Promise<TikTokAck>;
  /** Sends one batch (a `msg` frame) to every entered socket. */
  sendBatch(messages: readonly WebcastMessage[], options?: TikTokBatchOptions): TikTokSentBatch;
  /** Sends arbitrary bytes (corrupt frames) to every entered socket. */
  sendRaw(bytes: Uint8Array): void;
  /** The next `times` Sign API calls fail with `failure`. */
  failSign(failure: TikTokSignFailure, times?: number): void;
  /** Every upgrade is answered with HTTP 200 + `handshake-status`/`handshake-msg` (undefined: accept again). */
  rejectHandshake(rejection: { status: string; message: string } | undefined): void;
  setLive(live: boolean): void;
  setLookupMode(mode: TikTokLookupMode): void;
  setHistory(messages: readonly WebcastMessage[]): void;
  /** Drops every socket abruptly (TCP reset). */
  dropAll(): void;
  /** Closes every socket with a close frame. */
  closeAll(code?: number, reason?: string): void;
  close(): Promise<void>;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * Starts the TikTok fake on 127.0.0.1 (port 0). Closed by `closeAllFakes()`.
 *
 * @example
 * ```ts
 * const fake = await startTikTokFake();
 * const connector = new TikTokConnector({ bus, roomId: fake.roomId, signApi: { url: fake.url }, webcastBaseUrl: fake.url });
 * await connector.connect();
 * fake.sendBatch(tiktokScenarios.batchBasics());
 * ```
 */
export async function startTikTokFake(options: TikTokFakeOptions = {}): Promise<TikTokFake> {
  const roomId = options.roomId ?? TIKTOK_FAKE_ROOM_ID;
  const uniqueId = options.uniqueId ?? TIKTOK_FAKE_UNIQUE_ID;
  const gzipDefault = options.gzip ?? true;
  const needAckDefault = options.needAck ?? true;
  let live = options.live ?? true;
  let lookupMode: TikTokLookupMode = 'ok';
  let history: readonly WebcastMessage[] = options.history ?? [];
  let rejection: { status: string; message: string } | undefined;
  const failures: TikTokSignFailure[] = [];
  const signRequests: TikTokSignRequest[] = [];
  const upgrades: TikTokUpgrade[] = [];
  const enters: Array<{ roomId: string; liveId: number; identity: string; enterUniqueId: string }> = [];
  const heartbeats: Array<{ roomId: string; sequence: number }> = [];
  const acks: TikTokAck[] = [];
  const lookups: Record<string, number> = { 'live-page': 0, 'api-live': 0, anchors: 0, 'room-info': 0 };
  const entered = new Set<WebSocket>();
  let badClientFrames = 0;
  let signCount = 0;
  let seqId = 0;
  let logId = 4_242;

  let wsUrl = '';

  const sign = (request: IncomingMessage, response: ServerResponse, url: URL, requestedRoom: string): void => {
    signRequests.push({ path: url.pathname, query: url.searchParams, headers: request.headers });
    if (options.apiKey !== undefined && request.headers['x-api-key'] !== options.apiKey) {
      json(response, 401, { code: 401, message: 'Invalid API key' });
      return;
    }
    const failure = failures.shift();
    if (failure?.kind === 'rate-limit') {
      json(
        response,
        429,
        {
          code: 429,
          message: 'Too many connections started, try again later.',
          ...(failure.limitLabel ? { limit_label: failure.limitLabel } : {}),
        },
        failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {},
      );
      return;
    }
    if (failure?.kind === 'status') {
      json(response, failure.status, { code: failure.status, message: failure.message ?? `sign error ${failure.status}` });
      return;
    }
    signCount++;
    const body = encodeFetchResult({
      messages: history,
      cursor: failure?.kind === 'no-cursor' ? '' : `1732300000000_${signCount}_cursor`,
      fetchInterval: 1000,
      now: Date.now(),
      internalExt: `internal_src:webcast|first_req_ms:${Date.now()}|wss_push_room_id:${requestedRoom}|sign:${signCount}`,
      fetchType: 1,
      routeParams: { imprp: `fake-imprp-${signCount}`, wrss: `fake-wrss-${signCount}` },
      heartbeatDuration: 10_000,
      needAck: false,
      pushServer: wsUrl,
      isFirst: true,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/protobuf',
      'x-request-id': `req-${signCount}`,
    };
    if (failure?.kind !== 'no-cookies') headers['x-set-tt-cookie'] = `${TIKTOK_FAKE_TTWID}; Path=/; Domain=.tiktok.com; Max-Age=31536000`;
    if (options.roomIdHeader ?? true) headers['x-room-id'] = requestedRoom;
    response.writeHead(200, headers);
    response.end(failure?.kind === 'empty-body' ? Buffer.alloc(0) : Buffer.from(body));
  };

  const http = await startHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    let match: RegExpExecArray | null;
    if ((match = /^\/webcast\/rooms\/([^/]+)\/connect$/.exec(path))) return sign(request, response, url, decodeURIComponent(match[1]!));
    if (path === '/webcast/fetch' || path === '/webcast/fetch/') return sign(request, response, url, url.searchParams.get('room_id') ?? '');
    if ((match = /^\/webcast\/anchors\/([^/]+)\/room_id$/.exec(path))) {
      lookups.anchors!++;
      if (options.apiKey !== undefined && request.headers['x-api-key'] !== options.apiKey)
        return json(response, 401, { code: 401, message: 'Invalid API key' });
      if (decodeURIComponent(match[1]!) !== uniqueId || lookupMode === 'not-found')
        return json(response, 404, { code: 404, ok: false, message: 'not found' });
      return json(response, 200, { code: 200, ok: true, message: 'ok', room_id: roomId, is_live: live, source: 'fake' });
    }
    if ((match = /^\/@([^/]+)\/live$/.exec(path))) {
      lookups['live-page']!++;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (lookupMode === 'blocked')
        return void response.end('<html><head><title>Please wait...</title></head><body>Checking your browser</body></html>');
      const known = decodeURIComponent(match[1]!) === uniqueId && lookupMode === 'ok';
      const state = known
        ? { LiveRoom: { liveRoomUserInfo: { user: { roomId, uniqueId, nickname: 'Fake Creator' }, liveRoom: { status: live ? 2 : 4 } } } }
        : { LiveRoom: { liveRoomUserInfo: { user: {} } } };
      return void response.end(
        `<html><body><script id="SIGI_STATE" type="application/json">${JSON.stringify(state)}</script></body></html>`,
      );
    }
    if (path === '/api-live/user/room/' || path === '/api-live/user/room') {
      lookups['api-live']!++;
      if (lookupMode === 'blocked') return json(response, 403, { statusCode: 10_000, message: 'blocked' });
      if (url.searchParams.get('uniqueId') !== uniqueId || lookupMode === 'not-found') {
        return json(response, 200, { statusCode: 19_881_007, message: 'user_not_found', data: {} });
      }
      return json(response, 200, { statusCode: 0, message: '', data: { user: { roomId, uniqueId }, liveRoom: { status: live ? 2 : 4 } } });
    }
    if (path === '/webcast/room/info/' || path === '/webcast/room/info') {
      lookups['room-info']!++;
      return json(response, 200, { status_code: 0, data: { id_str: roomId, status: live ? 2 : 4 } });
    }
    json(response, 404, { code: 404, message: `no route ${path}` });
  });
  wsUrl = `ws://127.0.0.1:${http.port}${TIKTOK_FAKE_WS_PATH}`;

  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const record: TikTokUpgrade = {
      path: url.pathname,
      query: url.searchParams,
      rawQuery: url.search.slice(1),
      headers: request.headers,
      rejected: false,
    };
    upgrades.push(record);
    if (url.pathname !== TIKTOK_FAKE_WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (rejection) {
      record.rejected = true;
      socket.end(
        `HTTP/1.1 200 OK\r\nhandshake-status: ${rejection.status}\r\nhandshake-msg: ${rejection.message}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (client) => wss.emit('connection', client, request));
  };
  http.server.on('upgrade', onUpgrade);

  wss.on('connection', (socket: WebSocket) => {
    socket.on('error', () => undefined);
    socket.on('close', () => entered.delete(socket));
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        badClientFrames++;
        return;
      }
      let frame;
      try {
        frame = decodeClientFrame(data);
      } catch {
        badClientFrames++;
        return;
      }
      try {
        if (frame.payloadType === 'im_enter_room') {
          enters.push(decodeEnterRoom(frame.payload));
          entered.add(socket);
          if (options.enterResponse ?? true) socket.send(encodePushFrame({ logId: ++logId, payloadType: 'im_enter_room_resp' }));
        } else if (frame.payloadType === 'hb') {
          heartbeats.push(decodeHeartbeat(frame.payload));
        } else if (frame.payloadType === 'ack') {
          acks.push({ logId: frame.logId, payload: Buffer.from(frame.payload).toString('utf8') });
        } else {
          badClientFrames++;
        }
      } catch {
        badClientFrames++;
      }
    });
  });

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      http.server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await http.close();
    })().finally(unregister));
  const unregister = registerCleanup(close);

  const targets = () => [...entered].filter((socket) => socket.readyState === socket.OPEN);

  return {
    url: http.url,
    wsUrl,
    roomId,
    uniqueId,
    signRequests,
    upgrades,
    enters,
    heartbeats,
    acks,
    get badClientFrames() {
      return badClientFrames;
    },
    lookups,
    openCount: () => targets().length,
    async waitForEnter(count = 1, timeoutMs = 5_000) {
      await waitUntil(() => enters.length >= count && targets().length > 0, `${count} im_enter_room frame(s)`, { timeoutMs });
    },
    async waitForAck(id, timeoutMs = 5_000) {
      await waitUntil(() => acks.some((ack) => ack.logId === id), `an ack for logId ${id}`, { timeoutMs });
      return acks.find((ack) => ack.logId === id)!;
    },
    sendBatch(messages, batchOptions = {}) {
      const gzip = batchOptions.gzip ?? gzipDefault;
      const needAck = batchOptions.needAck ?? needAckDefault;
      const internalExt = batchOptions.internalExt ?? `internal_src:webcast|seq:${seqId + 1}|wrds_kvs:fake`;
      const result = encodeFetchResult({
        messages,
        cursor: `1732300000${seqId + 1}_cursor`,
        fetchInterval: 1000,
        now: Date.now(),
        internalExt,
        fetchType: 1,
        needAck,
      });
      const id = String(++logId);
      const bytes = encodePushFrame({
        seqId: ++seqId,
        logId: id,
        headers: (batchOptions.gzipHeader ?? gzip) ? { compress_type: 'gzip' } : { compress_type: 'none' },
        payloadType: 'msg',
        payload: gzip ? gzipSync(result) : result,
      });
      for (const socket of targets()) socket.send(bytes);
      return { logId: id, internalExt, needAck, bytes };
    },
    sendRaw(bytes) {
      for (const socket of targets()) socket.send(bytes);
    },
    failSign(failure, times = 1) {
      for (let i = 0; i < times; i++) failures.push(failure);
    },
    rejectHandshake(value) {
      rejection = value;
    },
    setLive(value) {
      live = value;
    },
    setLookupMode(mode) {
      lookupMode = mode;
    },
    setHistory(messages) {
      history = messages;
    },
    dropAll() {
      for (const client of wss.clients) client.terminate();
    },
    closeAll(code = 1000, reason = '') {
      for (const client of wss.clients) client.close(code, reason);
    },
    close,
  };
}
