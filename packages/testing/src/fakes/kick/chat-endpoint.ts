import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A message the fake's `POST /public/v1/chat` accepted. */
export interface KickSentChat {
  /** The request body as sent (`content`, `type`, `broadcaster_user_id?`, `reply_to_message_id?`). */
  body: { content: string; type: 'user' | 'bot'; broadcaster_user_id?: number; reply_to_message_id?: string };
  /** The id the fake answered with (`data.message_id`). */
  messageId: string;
}

/** A failure the chat endpoint answers with instead of sending (see {@link KickChatEndpoint.failNext}). */
export interface KickChatFailure {
  /** HTTP status, e.g. 401, 403, 429, 500. */
  status: number;
  /** Kick's `message` in the JSON body. Default: a message typical for the status. */
  message?: string;
  /** `Retry-After` header value (seconds), for 429. */
  retryAfter?: string;
  /** How many requests answer this way. Default 1. */
  times?: number;
}

/** Kick's official chat API (`POST /public/v1/chat`) as the fake serves it. */
export interface KickChatEndpoint {
  /** Messages sent, in order. */
  readonly sent: readonly KickSentChat[];
  /** The next request(s) answer with `failure` instead of sending. */
  failNext(failure: KickChatFailure): void;
  /** Replaces the fixed token check: a bearer token is accepted when `accept(token)` is true (e.g. issued by the OAuth fake). */
  acceptToken(accept: (token: string) => boolean): void;
  /** Answers a request to `/public/v1/chat`; false when the request is not for it. */
  handle(request: IncomingMessage, path: string, body: string, response: ServerResponse): boolean;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  429: 'Too Many Requests',
};

function answer(response: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(json));
}

/** The reason a body is invalid (Kick answers 400), or undefined. */
function invalid(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  if (typeof b.content !== 'string' || b.content.length === 0) return 'content is required';
  if (b.content.length > 500) return 'content must be at most 500 characters';
  if (b.type !== 'user' && b.type !== 'bot') return 'type must be "user" or "bot"';
  if (b.type === 'user' && !Number.isInteger(b.broadcaster_user_id)) return 'broadcaster_user_id is required when type is "user"';
  if (b.reply_to_message_id !== undefined && typeof b.reply_to_message_id !== 'string') return 'reply_to_message_id must be a string';
  return undefined;
}

/**
 * Kick's `POST /public/v1/chat`: checks `Authorization: Bearer <token>` (401; `token`, or what
 * {@link KickChatEndpoint.acceptToken} accepts), validates the body
 * (400), answers queued failures (401/403/429 with `Retry-After`), records the message and answers
 * `{ data: { is_sent: true, message_id }, message: 'OK' }` as the real API does.
 */
export function createKickChatEndpoint(token: string): KickChatEndpoint {
  const sent: KickSentChat[] = [];
  const failures: KickChatFailure[] = [];
  let accept = (bearer: string) => bearer === token;
  return {
    sent,
    failNext(failure) {
      for (let i = 0; i < (failure.times ?? 1); i++) failures.push(failure);
    },
    acceptToken(next) {
      accept = next;
    },
    handle(request, path, body, response) {
      if (path !== '/public/v1/chat') return false;
      if (request.method !== 'POST') {
        answer(response, 405, { data: {}, message: 'Method Not Allowed' });
        return true;
      }
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (bearer === undefined || !accept(bearer)) {
        answer(response, 401, { data: {}, message: 'Unauthorized' });
        return true;
      }
      const failure = failures.shift();
      if (failure) {
        const message = failure.message ?? DEFAULT_MESSAGES[failure.status] ?? 'Internal Server Error';
        answer(
          response,
          failure.status,
          { data: {}, message },
          failure.retryAfter === undefined ? {} : { 'retry-after': failure.retryAfter },
        );
        return true;
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const problem = invalid(json);
      if (problem !== undefined) {
        answer(response, 400, { data: {}, message: problem });
        return true;
      }
      const messageId = randomUUID();
      sent.push({ body: json as KickSentChat['body'], messageId });
      answer(response, 200, { data: { is_sent: true, message_id: messageId }, message: 'OK' });
      return true;
    },
  };
}
