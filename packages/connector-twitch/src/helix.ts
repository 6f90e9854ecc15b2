import {
  AuthError,
  ConnectionError,
  NotFoundError,
  parseRetryAfter,
  ProtocolError,
  RateLimitedError,
  redact,
  type Secret,
  type VmscError,
} from '@vmsc/core';
import type { TokenSource } from './auth.js';
import type { RawCreateSubscriptionResponse, RawHelixError, RawHelixUser, RawSendChatResponse, RawValidateResponse } from './raw/helix.js';

/** A Helix answer: status and parsed JSON body (`undefined` when empty or not JSON). */
export interface HelixResponse<T> {
  status: number;
  body: T | undefined;
  headers: Headers;
}

/** Options of {@link HelixClient}. */
export interface HelixClientOptions {
  clientId: string;
  tokens: TokenSource;
  /** e.g. `https://api.twitch.tv/helix` */
  helixUrl: string;
  /** e.g. `https://id.twitch.tv/oauth2` */
  authUrl: string;
}

/** The error message of a Helix error body. */
export function helixMessage(body: unknown, status: number): string {
  const error = body as RawHelixError | undefined;
  return error?.message || error?.error || `HTTP ${status}`;
}

/**
 * How long a 429 answer asks to wait: until `Ratelimit-Reset` (epoch seconds, Helix) or
 * `Retry-After` seconds; `undefined` when neither header is given.
 */
export function retryAfterOf(response: HelixResponse<unknown>): number | undefined {
  const reset = Number(response.headers.get('ratelimit-reset'));
  return reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : parseRetryAfter(response.headers.get('retry-after'));
}

/**
 * A 429 or 5xx answer as the retryable error it is (not the call's own verdict): `RateLimitedError`
 * (with `Ratelimit-Reset` / `Retry-After` as `retryAfterMs` when given) or `ConnectionError`.
 */
function transientError(what: string, response: HelixResponse<unknown>, message: string): VmscError | undefined {
  if (response.status === 429) {
    const retryAfterMs = retryAfterOf(response);
    return new RateLimitedError(`${what} answered 429: ${message}`, retryAfterMs === undefined ? {} : { retryAfterMs });
  }
  if (response.status >= 500) return new ConnectionError(`${what} answered ${response.status}: ${message}`);
  return undefined;
}

/**
 * The few Helix and OAuth calls the connector makes. Every call sends the token as a bearer and
 * the client id; a 401 triggers one refresh through the provider (shared by every request rejected
 * with the same token), a second 401 an `AuthError`.
 */
export class HelixClient {
  readonly #options: HelixClientOptions;

  constructor(options: HelixClientOptions) {
    this.#options = options;
  }

  #redact(text: string): string {
    return redact(text, [this.#options.tokens.known]);
  }

  async #send<T>(
    url: string,
    init: { method: string; body?: unknown },
    authorization: (token: Secret) => string,
  ): Promise<HelixResponse<T>> {
    const tokens = this.#options.tokens;
    let token = await tokens.current();
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: init.method,
          headers: {
            Authorization: authorization(token),
            'Client-Id': this.#options.clientId,
            ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        });
      } catch (error) {
        throw new ConnectionError(`Twitch ${init.method} ${new URL(url).pathname} failed: ${this.#redact((error as Error).message)}`, {
          cause: error,
        });
      }
      const text = await response.text();
      let body: T | undefined;
      try {
        body = text ? (JSON.parse(text) as T) : undefined;
      } catch {
        body = undefined;
      }
      if (response.status !== 401) return { status: response.status, body, headers: response.headers };
      const message = this.#redact(helixMessage(body, 401));
      if (attempt === 0 && tokens.canRefresh) {
        try {
          token = await tokens.refresh(token);
        } catch (error) {
          throw new AuthError(`Twitch rejected the access token (${message}) and refreshing it failed`, {
            code: 'TWITCH_TOKEN_INVALID',
            cause: error,
          });
        }
        continue;
      }
      throw new AuthError(
        `Twitch rejected the access token (${message})${attempt > 0 ? ' even after a refresh' : ''}; give the connector a valid user access token`,
        { code: 'TWITCH_TOKEN_INVALID' },
      );
    }
  }

  /** `GET /oauth2/validate`: who the token belongs to and its scopes. */
  async validate(): Promise<RawValidateResponse> {
    const response = await this.#send<RawValidateResponse>(
      `${this.#options.authUrl}/validate`,
      { method: 'GET' },
      (token) => `OAuth ${token.reveal()}`,
    );
    const transient = transientError('Twitch GET /oauth2/validate', response, this.#redact(helixMessage(response.body, response.status)));
    if (transient) throw transient;
    if (response.status !== 200 || !response.body?.user_id) {
      throw new AuthError(`Twitch token validation failed: ${this.#redact(helixMessage(response.body, response.status))}`, {
        code: 'TWITCH_TOKEN_INVALID',
      });
    }
    return response.body;
  }

  /** A Helix request with the user token. */
  request<T>(method: string, path: string, body?: unknown): Promise<HelixResponse<T>> {
    return this.#send<T>(`${this.#options.helixUrl}${path}`, { method, body }, (token) => `Bearer ${token.reveal()}`);
  }

  /**
   * Resolves a login or a numeric id to the user (`GET /helix/users`). A string of digits is looked
   * up as both (an id match wins).
   */
  async getUser(loginOrId: string): Promise<RawHelixUser> {
    const value = loginOrId.trim().replace(/^#/, '');
    const isDigits = /^\d+$/.test(value);
    const query = isDigits ? `id=${value}&login=${encodeURIComponent(value)}` : `login=${encodeURIComponent(value.toLowerCase())}`;
    const response = await this.request<{ data: RawHelixUser[] }>('GET', `/users?${query}`);
    const transient = transientError('Twitch GET /helix/users', response, this.#redact(helixMessage(response.body, response.status)));
    if (transient) throw transient;
    if (response.status !== 200 || !Array.isArray(response.body?.data)) {
      throw new ProtocolError(
        `Twitch GET /helix/users answered ${response.status}: ${this.#redact(helixMessage(response.body, response.status))}`,
      );
    }
    const users = response.body.data;
    const user = (isDigits ? users.find((u) => u.id === value) : undefined) ?? users.find((u) => u.login === value.toLowerCase());
    if (!user) throw new NotFoundError(`no Twitch user "${value}"`, { code: 'TWITCH_USER_NOT_FOUND' });
    return user;
  }

  /** `POST /helix/eventsub/subscriptions`. */
  createSubscription(body: {
    type: string;
    version: string;
    condition: Record<string, string>;
    sessionId: string;
  }): Promise<HelixResponse<RawCreateSubscriptionResponse>> {
    return this.request('POST', '/eventsub/subscriptions', {
      type: body.type,
      version: body.version,
      condition: body.condition,
      transport: { method: 'websocket', session_id: body.sessionId },
    });
  }

  /** `DELETE /helix/eventsub/subscriptions?id=` (204; 404 when already gone). */
  async deleteSubscription(id: string): Promise<number> {
    const response = await this.request('DELETE', `/eventsub/subscriptions?id=${encodeURIComponent(id)}`);
    return response.status;
  }

  /** `POST /helix/chat/messages`. */
  sendChat(body: {
    broadcaster_id: string;
    sender_id: string;
    message: string;
    reply_parent_message_id?: string;
  }): Promise<HelixResponse<RawSendChatResponse>> {
    return this.request('POST', '/chat/messages', body);
  }
}
