import { Secret, toSecret } from '@vmsc/core';

/**
 * Supplies an OAuth 2 access token (scope `youtube.readonly` to read, `youtube` or
 * `youtube.force-ssl` to send chat) and, when it can, a fresh one. After a 401 the connector asks
 * for a refresh once; a second 401 is an `AuthError`.
 *
 * @example
 * ```ts
 * const auth: YouTubeTokenProvider = {
 *   getAccessToken: async () => store.accessToken,
 *   refreshAccessToken: async () => (await google.refresh(store.refreshToken)).access_token,
 * };
 * ```
 */
export interface YouTubeTokenProvider {
  /** The current access token. */
  getAccessToken(): Promise<string | Secret>;
  /** A new access token (e.g. from a refresh token). Without it a 401 is final. */
  refreshAccessToken?(): Promise<string | Secret>;
}

/**
 * How the connector authenticates: an API key (reading public chats; `mine` and `sendChat` need
 * OAuth), a fixed OAuth access token, or a {@link YouTubeTokenProvider}.
 */
export type YouTubeAuth = { apiKey: string | Secret } | { accessToken: string | Secret } | YouTubeTokenProvider;

/** Holds the credential in a {@link Secret}, applies it to requests and refreshes it once on 401. */
export class Credentials {
  readonly kind: 'apiKey' | 'oauth';
  readonly #provider: YouTubeTokenProvider | undefined;
  #value: Secret | undefined;

  constructor(auth: YouTubeAuth) {
    if ('apiKey' in auth) {
      this.kind = 'apiKey';
      this.#value = toSecret(auth.apiKey);
    } else if ('accessToken' in auth) {
      this.kind = 'oauth';
      this.#value = toSecret(auth.accessToken);
    } else {
      this.kind = 'oauth';
      this.#provider = auth;
    }
  }

  /** Whether a 401 can be answered with a refresh. */
  get canRefresh(): boolean {
    return typeof this.#provider?.refreshAccessToken === 'function';
  }

  /** Adds the credential: `key=` for an API key, `Authorization: Bearer` for OAuth. */
  async apply(url: URL, headers: Record<string, string>): Promise<void> {
    if (!this.#value) this.#value = toSecret(await this.#provider!.getAccessToken());
    if (this.kind === 'apiKey') url.searchParams.set('key', this.#value.reveal());
    else headers.authorization = `Bearer ${this.#value.reveal()}`;
  }

  /** Asks the provider for a new token. */
  async refresh(): Promise<void> {
    this.#value = toSecret(await this.#provider!.refreshAccessToken!());
  }

  /** Every value that must never be printed (for `redact`). */
  get secrets(): Secret[] {
    return this.#value ? [this.#value] : [];
  }
}
