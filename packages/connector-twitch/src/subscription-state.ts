import type { VmscError } from '@vmsc/core';
import type { SubscriptionSpec, TwitchEventType } from './subscriptions.js';

/**
 * Where one wanted subscription stands:
 * - `pending`: not created on the current session yet (connecting, or the socket was lost);
 * - `enabled`: Twitch accepted it and events flow;
 * - `failed`: creating it failed (`error` says why); retried while retrying can help;
 * - `revoked`: Twitch revoked it (`reason` is Twitch's status, e.g. `authorization_revoked`).
 */
export type TwitchSubscriptionStatus = 'pending' | 'enabled' | 'failed' | 'revoked';

/** The health of one wanted EventSub subscription. */
export interface TwitchSubscriptionHealth {
  /** EventSub type, e.g. `channel.follow`. */
  type: string;
  version: string;
  condition: Readonly<Record<string, string>>;
  /** The VMSC event types it feeds. */
  events: readonly TwitchEventType[];
  status: TwitchSubscriptionStatus;
  /** Twitch's subscription id, once created. */
  id: string | undefined;
  /** Twitch's reason for the last change (revocation status, close reason, error message). */
  reason: string | undefined;
  /** The last create error, for `failed`. */
  error: VmscError | undefined;
  /** Twitch's cost for it (0 when the broadcaster authorized the app). */
  cost: number | undefined;
  /** When the status last changed, Unix epoch ms. */
  since: number;
}

/** The mutable record behind one {@link TwitchSubscriptionHealth}. */
export class SubscriptionState {
  readonly spec: SubscriptionSpec;
  readonly condition: Record<string, string>;
  status: TwitchSubscriptionStatus = 'pending';
  id: string | undefined;
  reason: string | undefined;
  error: VmscError | undefined;
  cost: number | undefined;
  since: number;
  /** Whether a failed create may succeed when retried (5xx, rate limit, network). */
  retryable = false;
  /** How long Twitch asked to wait before retrying a rate-limited create (`Ratelimit-Reset` / `Retry-After`). */
  retryAfterMs: number | undefined;

  constructor(spec: SubscriptionSpec, condition: Record<string, string>, now: number) {
    this.spec = spec;
    this.condition = condition;
    this.since = now;
  }

  /** A read-only snapshot. */
  snapshot(): TwitchSubscriptionHealth {
    return {
      type: this.spec.type,
      version: this.spec.version,
      condition: { ...this.condition },
      events: [...this.spec.events],
      status: this.status,
      id: this.id,
      reason: this.reason,
      error: this.error,
      cost: this.cost,
      since: this.since,
    };
  }
}
