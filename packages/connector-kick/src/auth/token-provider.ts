import { toSecret, type Secret } from '@vmsc/core';
import { KickAuthError } from './errors.js';
import { refreshKickToken, type KickClientOptions, type KickTokenSet } from './token.js';

/** Options of {@link KickTokenProvider}. */
export interface KickTokenProviderOptions extends KickClientOptions {
  /** The tokens to start from (from {@link exchangeKickCode}, or persisted ones). */
  tokens: KickTokenSet;
  /** Refresh this many ms before `expiresAt`. Default 60,000. */
  refreshMarginMs?: number;
  /**
   * Called with every new token set (after each refresh). Persist it: Kick rotates refresh tokens,
   * the old one no longer works. A throwing or rejecting callback does not fail the refresh.
   */
  onTokens?: (tokens: KickTokenSet) => void | Promise<void>;
}

/**
 * Holds a Kick user (or bot) token set and hands out a valid access token: it refreshes
 * `refreshMarginMs` before expiry, and on demand after a 401 ({@link KickTokenProvider.refresh}).
 * Refreshes are single-flight: concurrent callers share one `POST /oauth/token`. Pass it as
 * `KickConnector`'s `chatToken`. Prints as `KickTokenProvider([redacted])`.
 *
 * @example
 * ```ts
 * const provider = new KickTokenProvider({ clientId, clientSecret, tokens, onTokens: (t) => save(t) });
 * const kick = new KickConnector({ bus, channel: 'xqc', chatToken: provider });
 * ```
 */
export class KickTokenProvider {
  readonly #options: KickTokenProviderOptions;
  #tokens: KickTokenSet;
  #refreshing: Promise<KickTokenSet> | undefined;
  #refreshes = 0;

  constructor(options: KickTokenProviderOptions) {
    this.#options = { ...options, clientSecret: toSecret(options.clientSecret) };
    this.#tokens = options.tokens;
  }

  /** The current token set (it may be expired; see {@link KickTokenProvider.accessToken}). */
  get tokens(): KickTokenSet {
    return this.#tokens;
  }

  /** How many refreshes this provider has made. */
  get refreshCount(): number {
    return this.#refreshes;
  }

  /**
   * A valid access token: the current one, or a fresh one when it expires within the margin.
   * Rejects with `KickRefreshTokenInvalidError` when the refresh token no longer works (sign in again).
   */
  async accessToken(): Promise<Secret> {
    const now = (this.#options.now ?? Date.now)();
    if (this.#tokens.expiresAt - (this.#options.refreshMarginMs ?? 60_000) > now) return this.#tokens.accessToken;
    return (await this.refresh()).accessToken;
  }

  /**
   * Refreshes now (e.g. after Kick answered 401). With `rejected`, the access token that was refused:
   * when the provider already holds another one (another caller refreshed meanwhile), that one is
   * returned without a new refresh. Concurrent calls share one refresh.
   */
  refresh(rejected?: Secret): Promise<KickTokenSet> {
    if (this.#refreshing) return this.#refreshing;
    if (rejected !== undefined && rejected.reveal() !== this.#tokens.accessToken.reveal()) return Promise.resolve(this.#tokens);
    const refreshToken = this.#tokens.refreshToken;
    if (!refreshToken) {
      return Promise.reject(
        new KickAuthError('this Kick token set has no refresh token (an App Access Token?); sign in again', 'no_refresh_token', undefined, {
          code: 'KICK_NO_REFRESH_TOKEN',
        }),
      );
    }
    this.#refreshing = refreshKickToken({ ...this.#options, refreshToken })
      .then(async (tokens) => {
        this.#tokens = tokens;
        this.#refreshes++;
        try {
          await this.#options.onTokens?.(tokens);
        } catch {
          // The app's persistence failing must not lose the (already rotated) tokens we now hold.
        }
        return tokens;
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }

  /** `KickTokenProvider([redacted])`. */
  toString(): string {
    return 'KickTokenProvider([redacted])';
  }

  /** Redacted: no token or secret. */
  toJSON(): { expiresAt: number; scopes: string[] } {
    return { expiresAt: this.#tokens.expiresAt, scopes: [...this.#tokens.scopes] };
  }
}
