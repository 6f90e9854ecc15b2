import { systemClock, type Clock, type Secret } from '@vmsc/core';
import { LoginExpiredError } from './errors.js';
import type { StoredLogin, TokenStore } from './token-store.js';

/**
 * Trades a login's refresh token for a new login (the platform's `grant_type=refresh_token`). Rejects
 * with {@link LoginExpiredError} when the platform answers `invalid_grant`.
 */
export type RefreshGrant = (login: StoredLogin & { refreshToken: Secret }) => Promise<StoredLogin>;

/** Options of {@link RefreshingLogin}. */
export interface RefreshingLoginOptions {
  /** `twitch`, `youtube`, `kick`: the key in the store and the name in "run `vmsc auth <platform>`". */
  platform: string;
  store: TokenStore;
  refresh: RefreshGrant;
  /** Refresh this long before the access token expires. Default 5 minutes. */
  marginMs?: number;
  /** A 401 within this long after a refresh is answered with that refresh's token, not another one. Default 10 s. */
  recentMs?: number;
  /** After a failed background refresh (network), try again this much later. Default 30 s. */
  retryMs?: number;
  /** Timers and time. Default the system clock; a test passes a `ManualClock`. */
  clock?: Clock;
  /** Background refresh failures and failed saves (the hub's view shows them). */
  onError?: (error: Error) => void;
}

/**
 * A stored login that stays valid for a whole stream: it refreshes `marginMs` before the access token
 * expires (a timer, from {@link RefreshingLogin.start}), and when a platform answers 401
 * ({@link RefreshingLogin.refreshAccessToken}). Refreshes are single-flight: however many callers ask
 * at once, the platform sees one `refresh_token` request, and the rotated refresh token is saved
 * (atomically) to the store before anyone gets the new access token. A revoked refresh token ends in
 * a {@link LoginExpiredError} ("run `vmsc auth <platform>` again"). It is a Twitch `TwitchAuthProvider`
 * and a YouTube `YouTubeTokenProvider`. Prints as `RefreshingLogin(<platform>)`.
 */
export class RefreshingLogin {
  readonly platform: string;
  readonly #options: RefreshingLoginOptions;
  readonly #clock: Clock;
  #login: StoredLogin;
  #refreshedAt = Number.NEGATIVE_INFINITY;
  #refreshing: Promise<StoredLogin> | undefined;
  #timer: unknown;
  #running = false;
  #refreshes = 0;

  constructor(login: StoredLogin, options: RefreshingLoginOptions) {
    this.platform = options.platform;
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#login = login;
  }

  /** Opens the stored login of `options.platform`, or throws {@link LoginExpiredError} when there is none. */
  static fromStore(options: RefreshingLoginOptions): RefreshingLogin {
    const login = options.store.get(options.platform);
    if (!login) throw new LoginExpiredError(options.platform, `no login in ${options.store.file}`);
    return new RefreshingLogin(login, options);
  }

  /** The current login (tokens as Secrets). */
  get login(): StoredLogin {
    return this.#login;
  }

  /** How many refreshes this login has made. */
  get refreshCount(): number {
    return this.#refreshes;
  }

  /** A valid access token: the current one, or a fresh one when it expires within the margin. */
  async getAccessToken(): Promise<Secret> {
    if (this.#login.expiresAt - this.#margin > this.#clock.now()) return this.#login.accessToken;
    return (await this.refresh()).accessToken;
  }

  /**
   * The platform refused the access token (401): a refresh under way is joined, one made in the last
   * `recentMs` is reused, otherwise a new refresh is made.
   */
  async refreshAccessToken(): Promise<Secret> {
    if (!this.#refreshing && this.#clock.now() - this.#refreshedAt < (this.#options.recentMs ?? 10_000)) return this.#login.accessToken;
    return (await this.refresh()).accessToken;
  }

  /** Refreshes now (single-flight), saves the new login, re-arms the timer. */
  refresh(): Promise<StoredLogin> {
    if (this.#refreshing) return this.#refreshing;
    const current = this.#login;
    const refreshToken = current.refreshToken;
    if (!refreshToken) return Promise.reject(new LoginExpiredError(this.platform, 'the stored login has no refresh token'));
    this.#refreshing = this.#options
      .refresh({ ...current, refreshToken })
      .then(async (next) => {
        // A platform that does not rotate (Google) answers without a refresh token: keep the old one.
        const login = next.refreshToken ? next : { ...next, refreshToken };
        this.#login = login;
        this.#refreshedAt = this.#clock.now();
        this.#refreshes++;
        try {
          await this.#options.store.set(this.platform, login);
        } catch (error) {
          this.#options.onError?.(
            new Error(`could not save the refreshed ${this.platform} login to ${this.#options.store.file}: ${(error as Error).message}`),
          );
        }
        this.#arm();
        return login;
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }

  /** Starts refreshing in the background, `marginMs` before each expiry. */
  start(): void {
    this.#running = true;
    this.#arm();
  }

  /** Stops the background refreshes. */
  stop(): void {
    this.#running = false;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  get #margin(): number {
    return this.#options.marginMs ?? 300_000;
  }

  #arm(delayMs?: number): void {
    if (!this.#running) return;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    const due = delayMs ?? Math.max(0, this.#login.expiresAt - this.#margin - this.#clock.now());
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.refresh().catch((error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        this.#options.onError?.(failure);
        if (!(failure instanceof LoginExpiredError)) this.#arm(this.#options.retryMs ?? 30_000);
      });
    }, due);
    (this.#timer as { unref?: () => void } | undefined)?.unref?.();
  }

  /** `RefreshingLogin(<platform>)`. */
  toString(): string {
    return `RefreshingLogin(${this.platform})`;
  }

  /** No token: the platform, expiry and scopes. */
  toJSON(): { platform: string; expiresAt: number; scopes: string[] } {
    return { platform: this.platform, expiresAt: this.#login.expiresAt, scopes: [...this.#login.scopes] };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
