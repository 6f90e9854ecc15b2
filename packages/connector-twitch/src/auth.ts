import { Secret, toSecret } from '@vmsc/core';

/**
 * Supplies the user access token and, when it can, a fresh one. The connector asks for a refresh
 * once after a 401 from Twitch; a second 401 ends in an `AuthError`.
 *
 * @example
 * ```ts
 * const auth: TwitchAuthProvider = {
 *   getAccessToken: async () => store.accessToken,
 *   refreshAccessToken: async () => (await refreshWithTwitch(store.refreshToken)).access_token,
 * };
 * ```
 */
export interface TwitchAuthProvider {
  /** The current user access token. */
  getAccessToken(): Promise<string | Secret>;
  /** Obtains a new access token (e.g. with a refresh token). Without it, a 401 is final. */
  refreshAccessToken?(): Promise<string | Secret>;
}

/** A user access token (string or {@link Secret}) or a {@link TwitchAuthProvider}. */
export type TwitchAuth = string | Secret | TwitchAuthProvider;

/**
 * Holds the current token in a {@link Secret} and refreshes it through the provider, single-flight:
 * however many requests are rejected with the same token at once, the provider is asked once and
 * every one of them gets the new token (refresh tokens are often single-use).
 */
export class TokenSource {
  readonly #provider: TwitchAuthProvider | undefined;
  #token: Secret | undefined;
  #loading: Promise<Secret> | undefined;
  #refreshing: Promise<Secret> | undefined;

  constructor(auth: TwitchAuth) {
    if (typeof auth === 'string' || auth instanceof Secret) {
      this.#token = toSecret(auth);
      this.#provider = undefined;
    } else {
      this.#provider = auth;
    }
  }

  /** Whether a refresh is possible. */
  get canRefresh(): boolean {
    return typeof this.#provider?.refreshAccessToken === 'function';
  }

  /** The current token (asks the provider the first time, once however many callers wait). */
  async current(): Promise<Secret> {
    if (this.#token) return this.#token;
    this.#loading ??= this.#provider!.getAccessToken().then(
      (token) => {
        this.#loading = undefined;
        this.#token ??= toSecret(token);
        return this.#token;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  /**
   * A token to retry with after Twitch rejected `rejected`: the one another caller already got if
   * the token changed since, the pending refresh if one is under way, otherwise a new refresh.
   */
  async refresh(rejected: Secret): Promise<Secret> {
    if (this.#token && this.#token !== rejected) return this.#token;
    this.#refreshing ??= this.#provider!.refreshAccessToken!().then(
      (token) => {
        this.#refreshing = undefined;
        this.#token = toSecret(token);
        return this.#token;
      },
      (error: unknown) => {
        this.#refreshing = undefined;
        throw error;
      },
    );
    return this.#refreshing;
  }

  /** The token as last known, for redaction. */
  get known(): Secret | undefined {
    return this.#token;
  }
}
