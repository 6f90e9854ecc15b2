import { startHttpServer, type LoopbackHttpServer } from '../../loopback.js';
import { createKickChatEndpoint, type KickChatFailure, type KickSentChat } from './chat-endpoint.js';
import { cloudflareChallengeHtml, kickChannelV2Response } from './fixtures.js';
import type { FakeKickOAuthServer } from './oauth-server.js';

/** A channel the fake API knows. */
export interface KickFakeChannel {
  channelId: number;
  chatroomId: number;
  userId?: number;
}

/** How the fake `/api/v2/channels/{slug}` answers. */
export type KickLookupMode = 'ok' | 'cloudflare' | 'error';

/** Options of {@link startKickApiFake}. */
export interface KickApiFakeOptions {
  /** Known channels by slug. */
  channels?: Record<string, KickFakeChannel>;
  /** Default `ok` (200 JSON); `cloudflare` answers 403 with the challenge page; `error` answers 503. */
  mode?: KickLookupMode;
  /** The Pusher app key the negotiation endpoint hands out (a function: read it from the Pusher fake). */
  appKey?: () => string;
  /** The OAuth access token `POST /public/v1/chat` accepts as `Authorization: Bearer`. Default `kick-test-token`. */
  chatToken?: string;
  /** The PEM `GET /public/v1/public-key` serves (Kick's webhook signing key). Default: none (404). */
  publicKey?: string;
}

/** A request the fake API received. */
export interface KickApiRequest {
  method: string;
  path: string;
  body: string;
}

/** The fake of kick.com's channel lookup and web.kick.com's realtime negotiation. */
export interface KickApiFake {
  /** Base URL for both `lookup.baseUrl` and `keyRefresh.baseUrl`. */
  readonly url: string;
  readonly requests: readonly KickApiRequest[];
  /** Switches the lookup's answer; with `error`, `status` is the HTTP status sent (default 503; a 429 carries `Retry-After: 1`). */
  setMode(mode: KickLookupMode, status?: number): void;
  /**
   * The next `times` lookups answer Cloudflare's 403 challenge page (as `mode: 'cloudflare'` does),
   * then the lookup answers by its mode again: Cloudflare's block is often transient.
   */
  blockLookups(times: number): void;
  /** Messages `POST /public/v1/chat` accepted, in order. */
  readonly chatMessages: readonly KickSentChat[];
  /** The next chat request(s) answer with this failure (401, 403, 429 with `retryAfter`...) instead of sending. */
  failNextChat(failure: KickChatFailure): void;
  /**
   * Chat accepts a bearer token when `accept(token)` is true instead of the fixed `chatToken`, e.g.
   * `(t) => oauth.isValidAccessToken(t, 'chat:write')` with a {@link FakeKickOAuthServer}: an expired
   * or revoked token then gets a 401.
   */
  acceptChatToken(accept: (token: string) => boolean): void;
  close(): Promise<void>;
  readonly server: LoopbackHttpServer;
}

/**
 * Starts an HTTP fake on 127.0.0.1 serving `GET /api/v2/channels/{slug}` (the real response shape,
 * or Cloudflare's 403 challenge) and `POST /api/v1/realtime/channels/{channelId}/chat/connection`
 * (Kick's app key negotiation), and api.kick.com's official `POST /public/v1/chat` (bearer token,
 * body validation, 401/403/429 on demand; see {@link KickApiFake.failNextChat}).
 */
export async function startKickApiFake(options: KickApiFakeOptions = {}): Promise<KickApiFake> {
  let mode: KickLookupMode = options.mode ?? 'ok';
  let errorStatus = 503;
  let blockedLeft = 0;
  const channels = options.channels ?? { xqc: { channelId: 668, chatroomId: 668, userId: 676 } };
  const requests: KickApiRequest[] = [];
  const chat = createKickChatEndpoint(options.chatToken ?? 'kick-test-token');
  const server = await startHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://fake').pathname;
      requests.push({ method: request.method ?? 'GET', path, body });
      if (chat.handle(request, path, body, response)) return;
      if (request.method === 'GET' && path === '/public/v1/public-key') {
        const found = options.publicKey !== undefined;
        response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(found ? { data: { public_key: options.publicKey }, message: 'OK' } : { message: 'Not Found' }));
        return;
      }
      const lookup = /^\/api\/v2\/channels\/([^/]+)$/.exec(path);
      if (request.method === 'GET' && lookup) {
        const blocked = blockedLeft > 0;
        if (blocked) blockedLeft--;
        if (blocked || mode === 'cloudflare') {
          response.writeHead(403, { 'content-type': 'text/html; charset=UTF-8', 'cf-mitigated': 'challenge', server: 'cloudflare' });
          response.end(cloudflareChallengeHtml);
          return;
        }
        if (mode === 'error') {
          response.writeHead(errorStatus, { 'content-type': 'text/plain', ...(errorStatus === 429 ? { 'retry-after': '1' } : {}) });
          response.end(errorStatus === 503 ? 'Service Unavailable' : `HTTP ${errorStatus}`);
          return;
        }
        const slug = decodeURIComponent(lookup[1]!);
        const channel = channels[slug];
        if (!channel) {
          response.writeHead(404, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ message: 'Not Found' }));
          return;
        }
        const json = {
          ...kickChannelV2Response,
          id: channel.channelId,
          user_id: channel.userId ?? channel.channelId,
          slug,
          chatroom: {
            ...kickChannelV2Response.chatroom,
            id: channel.chatroomId,
            channel_id: channel.channelId,
            chatable_id: channel.channelId,
          },
        };
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json).replaceAll('/', '\\/'));
        return;
      }
      if (request.method === 'POST' && /^\/api\/v1\/realtime\/channels\/\d+\/chat\/connection$/.test(path)) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ provider: 'pusher', credentials: { app_key: options.appKey?.() ?? '32cbd69e4b950bf97679', cluster: 'us2' } }),
        );
        return;
      }
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    });
  });
  return {
    url: server.url,
    requests,
    setMode(next, status) {
      mode = next;
      errorStatus = status ?? 503;
    },
    blockLookups(times) {
      blockedLeft = times;
    },
    chatMessages: chat.sent,
    failNextChat: (failure) => chat.failNext(failure),
    acceptChatToken: (accept) => chat.acceptToken(accept),
    close: () => server.close(),
    server,
  };
}
