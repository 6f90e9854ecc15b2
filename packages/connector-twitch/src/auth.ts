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

/** Holds the current token in a {@link Secret} and refreshes it through the provider. */
export class TokenSource {
  readonly #provider: TwitchAuthProvider | undefined;
  #token: Secret | undefined;

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

  /** The current token (asks the provider the first time). */
  async current(): Promise<Secret> {
    if (!this.#token) this.#token = toSecret(await this.#provider!.getAccessToken());
    return this.#token;
  }

  /** Asks the provider for a new token and keeps it. */
  async refresh(): Promise<Secret> {
    this.#token = toSecret(await this.#provider!.refreshAccessToken!());
    return this.#token;
  }

  /** The token as last known, for redaction. */
  get known(): Secret | undefined {
    return this.#token;
  }
}
