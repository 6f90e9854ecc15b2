import {
  AuthError,
  Backoff,
  ConnectionError,
  ValidationError,
  type BackoffOptions,
  type Clock,
  type Unsubscribe,
  type VmscError,
} from '@vmsc/core';
import { TwitchSubscriptionError, TwitchTransportsLimitError } from './errors.js';
import { helixMessage, retryAfterOf, type HelixClient } from './helix.js';
import type { RawSubscription } from './raw/eventsub.js';
import { SubscriptionState, type TwitchSubscriptionHealth } from './subscription-state.js';
import { conditionFor, type SubscriptionSpec } from './subscriptions.js';

/** What the connector lends the subscription set. */
export interface SubscriptionSetDeps {
  helix: HelixClient;
  clock: Clock;
  /** Backoff of the retries of failed creates on a live session. */
  backoff: BackoffOptions | undefined;
  reportError(error: VmscError): void;
  toVmscError(error: unknown): VmscError;
}

/** Whether the session a call was made for is still the current one. */
export type StillCurrent = () => boolean;

/** After creating the subscriptions of a new session: go on, or drop the session and how. */
export type SubscribeVerdict =
  { kind: 'connected'; retryLater: boolean } | { kind: 'fail'; error: VmscError } | { kind: 'retry'; error: VmscError };

/**
 * Every wanted EventSub subscription and its state: creating them on a session (after deleting the
 * ones of a lost session), retrying failed creates with backoff, revocations (a revoked
 * subscription is never created again until {@link resubscribe}), and change listeners.
 */
export class SubscriptionSet {
  readonly #deps: SubscriptionSetDeps;
  readonly #backoff: Backoff;
  readonly #listeners = new Set<(subscription: TwitchSubscriptionHealth) => void>();
  #states: SubscriptionState[] = [];
  #staleIds: string[] = [];
  #retryTimer: unknown;

  constructor(deps: SubscriptionSetDeps) {
    this.#deps = deps;
    this.#backoff = new Backoff(deps.backoff);
  }

  /** Snapshots of every wanted subscription (empty before {@link init}). */
  snapshots(): TwitchSubscriptionHealth[] {
    return this.#states.map((state) => state.snapshot());
  }

  /** Calls `listener` on every state change. */
  onChange(listener: (subscription: TwitchSubscriptionHealth) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** The wanted subscriptions, once the broadcaster and token user are known. */
  init(specs: readonly SubscriptionSpec[], broadcasterId: string, tokenUserId: string): void {
    const now = this.#deps.clock.now();
    this.#states = specs.map((spec) => new SubscriptionState(spec, conditionFor(spec, broadcasterId, tokenUserId), now));
  }

  /**
   * The session is gone (`reason`: Twitch's status for its subscriptions, or `disconnected`): its
   * subscriptions are remembered for deletion and wait as `pending`; revoked and failed ones stay.
   * `all`: every non-revoked one becomes `pending` (a `disconnect()`).
   */
  sessionLost(reason: string, all = false): void {
    this.cancelRetry();
    for (const state of this.#states) {
      if (state.status === 'enabled' && state.id) this.#staleIds.push(state.id);
      if (state.status === 'revoked') continue;
      if (all || state.status === 'enabled' || state.status === 'pending') this.#set(state, 'pending', reason);
    }
  }

  /** A `revocation` frame: that subscription is `revoked` with Twitch's status, and reported. */
  revoked(subscription: RawSubscription): void {
    const state =
      this.#states.find((s) => s.id !== undefined && s.id === subscription.id) ??
      this.#states.find((s) => s.spec.type === subscription.type && s.status === 'enabled');
    if (state) {
      this.#set(state, 'revoked', subscription.status);
      state.id = undefined;
    }
    this.#deps.reportError(
      new TwitchSubscriptionError(subscription.type, `revoked by Twitch (${subscription.status})`, { code: 'TWITCH_SUBSCRIPTION_REVOKED' }),
    );
  }

  /**
   * A new session: deletes the subscriptions of the lost one, creates every wanted one that is not
   * enabled or revoked, and says what the connector should do next.
   */
  async subscribeAll(sessionId: string, current: StillCurrent): Promise<SubscribeVerdict | undefined> {
    const stale = this.#staleIds.splice(0);
    if (stale.length > 0) await Promise.allSettled(stale.map((id) => this.#deps.helix.deleteSubscription(id)));
    // Revoked subscriptions stay revoked until resubscribe(): Twitch said no, asking again on every reconnect would hide it.
    const wanted = this.#states.filter((state) => state.status !== 'enabled' && state.status !== 'revoked');
    let fatal: VmscError | undefined;
    await Promise.all(
      wanted.map(async (state) => {
        const error = await this.#createOne(state, sessionId, current);
        if (error instanceof TwitchTransportsLimitError || error instanceof AuthError) fatal ??= error;
      }),
    );
    if (!current()) return undefined;
    if (fatal) return { kind: 'fail', error: fatal };
    return this.#verdict();
  }

  #verdict(): SubscribeVerdict {
    const enabled = this.#states.filter((state) => state.status === 'enabled').length;
    const failed = this.#states.filter((state) => state.status === 'failed');
    if (enabled > 0) {
      this.#backoff.reset();
      return { kind: 'connected', retryLater: failed.some((state) => state.retryable) };
    }
    if (this.#states.every((state) => state.status === 'revoked')) {
      const message = 'Twitch revoked every subscription; call resubscribe() to ask again';
      return { kind: 'fail', error: new TwitchSubscriptionError('eventsub', message, { code: 'TWITCH_SUBSCRIPTION_REVOKED' }) };
    }
    if (failed.length > 0 && failed.every((state) => !state.retryable)) {
      return { kind: 'fail', error: failed[0]!.error ?? new TwitchSubscriptionError('eventsub', 'no subscription could be created') };
    }
    return { kind: 'retry', error: new ConnectionError('no EventSub subscription could be created on this session') };
  }

  /**
   * Retries the failed-but-retryable creates on the current session after the backoff (or a longer
   * retry-after), until none is left. `session()` gives the session id at that time, if any.
   */
  scheduleRetry(session: () => string | undefined, current: StillCurrent): void {
    if (this.#retryTimer !== undefined) return;
    this.#retryTimer = this.#deps.clock.setTimeout(() => {
      this.#retryTimer = undefined;
      const sessionId = session();
      if (!sessionId || !current()) return;
      const retry = this.#states.filter((state) => state.status === 'failed' && state.retryable);
      void Promise.all(retry.map((state) => this.#createOne(state, sessionId, current))).then(() => {
        if (!current()) return;
        if (this.#states.some((state) => state.status === 'failed' && state.retryable)) this.scheduleRetry(session, current);
        else this.#backoff.reset();
      });
    }, this.#retryDelay());
  }

  /** Stops a scheduled retry. */
  cancelRetry(): void {
    if (this.#retryTimer !== undefined) this.#deps.clock.clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  /** The backoff's next delay, or the longest retry-after a rate-limited create asked for if later. */
  #retryDelay(): number {
    const backoff = this.#backoff.next();
    const asked = this.#states.map((state) => (state.status === 'failed' && state.retryable ? (state.retryAfterMs ?? 0) : 0));
    return Math.max(backoff, ...asked);
  }

  /**
   * `TwitchConnector.resubscribe`: the revoked subscriptions matching `name` (EventSub or VMSC type;
   * all when omitted) back to `pending`, then created on `sessionId` when there is one.
   */
  async resubscribe(
    name: string | undefined,
    wantedSpecs: readonly SubscriptionSpec[],
    sessionId: string | undefined,
    current: StillCurrent,
  ): Promise<TwitchSubscriptionHealth[]> {
    const matches = (spec: SubscriptionSpec) => name === undefined || spec.type === name || spec.events.some((event) => event === name);
    if (name !== undefined && !wantedSpecs.some(matches)) {
      const wanted = wantedSpecs.map((spec) => spec.type).join(', ');
      throw new ValidationError(
        `cannot resubscribe to "${name}"`,
        [{ path: 'name', message: `not a wanted subscription (wanted: ${wanted})` }],
        {
          code: 'TWITCH_NOT_SUBSCRIBED',
        },
      );
    }
    const targets = this.#states.filter((state) => state.status === 'revoked' && matches(state.spec));
    for (const state of targets) {
      state.error = undefined;
      this.#set(state, 'pending', 'resubscribe requested');
    }
    if (sessionId !== undefined && targets.length > 0) {
      await Promise.all(targets.map((state) => this.#createOne(state, sessionId, current)));
      if (current() && targets.some((state) => state.status === 'failed' && state.retryable)) this.scheduleRetry(() => sessionId, current);
    }
    return targets.map((state) => state.snapshot());
  }

  /** Creates one subscription; returns the error when it failed. */
  async #createOne(state: SubscriptionState, sessionId: string, current: StillCurrent): Promise<VmscError | undefined> {
    const { spec } = state;
    let error: VmscError;
    state.retryAfterMs = undefined;
    try {
      const response = await this.#deps.helix.createSubscription({
        type: spec.type,
        version: spec.version,
        condition: state.condition,
        sessionId,
      });
      if (!current()) return undefined;
      const created = response.body?.data?.[0];
      if (response.status === 202 && created) {
        state.id = created.id;
        state.cost = created.cost;
        state.error = undefined;
        this.#set(state, 'enabled', created.status);
        return undefined;
      }
      if (response.status === 409) {
        state.error = undefined;
        this.#set(state, 'enabled', 'subscription already exists');
        return undefined;
      }
      const message = helixMessage(response.body, response.status);
      if (response.status === 429 && /transports? limit/i.test(message)) {
        error = new TwitchTransportsLimitError(message);
        state.retryable = false;
      } else {
        error = new TwitchSubscriptionError(spec.type, message, { httpStatus: response.status });
        state.retryable = response.status >= 500 || response.status === 429;
        state.retryAfterMs = response.status === 429 ? retryAfterOf(response) : undefined;
      }
    } catch (thrown) {
      if (!current()) return undefined;
      error = this.#deps.toVmscError(thrown);
      state.retryable = error instanceof ConnectionError;
    }
    state.error = error;
    this.#set(state, 'failed', error.message);
    this.#deps.reportError(error);
    return error;
  }

  #set(state: SubscriptionState, status: SubscriptionState['status'], reason: string | undefined): void {
    const changed = state.status !== status || state.reason !== reason;
    state.status = status;
    state.reason = reason;
    if (!changed) return;
    state.since = this.#deps.clock.now();
    const snapshot = state.snapshot();
    for (const listener of this.#listeners) listener(snapshot);
  }
}
