import { AuthError, ChatDroppedError, RateLimitedError, ValidationError, VmscError } from '@vmsc/core';
import type { MissingScope, TwitchEventType } from './subscriptions.js';

/**
 * The token lacks scopes that the chosen events need. Raised once, before any subscription is
 * attempted; `missing` lists each requirement and the events it blocks.
 *
 * @example
 * ```ts
 * try { await twitch.connect(); } catch (error) {
 *   if (error instanceof TwitchMissingScopesError) console.log(error.missing.map((m) => m.anyOf[0]));
 * }
 * ```
 */
export class TwitchMissingScopesError extends AuthError {
  /** Each unmet requirement (any one of `anyOf` would do) and what it blocks. */
  readonly missing: readonly MissingScope[];

  constructor(missing: readonly MissingScope[]) {
    const lines = missing.map(
      (entry) => `${entry.anyOf.join(' or ')} (needed for ${entry.events.join(', ')}: ${entry.subscriptionTypes.join(', ')})`,
    );
    super(`the Twitch token lacks ${missing.length === 1 ? 'a scope' : 'scopes'}: ${lines.join('; ')}`, {
      code: 'TWITCH_MISSING_SCOPES',
    });
    this.missing = missing;
  }
}

/**
 * Helix refused to create a subscription because this user already has 3 WebSocket connections
 * with subscriptions (`429 number of websocket transports limit exceeded`). Not retried: another
 * client (or a stale socket of this one) holds the connections.
 */
export class TwitchTransportsLimitError extends RateLimitedError {
  constructor(message: string) {
    super(`Twitch refused another EventSub WebSocket for this user: ${message}`, { code: 'TWITCH_TRANSPORTS_LIMIT' });
  }
}

/** A subscription could not be created, or Twitch revoked it. */
export class TwitchSubscriptionError extends VmscError {
  /** EventSub type, e.g. `channel.cheer`. */
  readonly subscriptionType: string;
  /** HTTP status of the failed create, when there was one. */
  readonly httpStatus: number | undefined;
  /** Twitch's reason (error message, or revocation status such as `authorization_revoked`). */
  readonly reason: string;

  constructor(subscriptionType: string, reason: string, options: { httpStatus?: number; code?: string } = {}) {
    super(
      options.code ?? 'TWITCH_SUBSCRIPTION_FAILED',
      `${subscriptionType}: ${options.httpStatus ? `HTTP ${options.httpStatus} ` : ''}${reason}`,
    );
    this.subscriptionType = subscriptionType;
    this.httpStatus = options.httpStatus;
    this.reason = reason;
  }
}

/**
 * Twitch accepted a chat message but did not send it (200 with `is_sent: false`): core's
 * `ChatDroppedError` with Twitch's `drop_reason`. `dropCode`: `msg_duplicate`, `msg_ratelimit`,
 * `msg_rejected`, `msg_slowmode`...; `reason`: Twitch's message.
 */
export class TwitchChatDroppedError extends ChatDroppedError {
  constructor(dropCode: string, message: string) {
    super(dropCode, message, { code: 'TWITCH_CHAT_DROPPED', platform: 'Twitch' });
  }
}

/**
 * The `events` option names an event type Twitch does not have (a typo, or another platform's type).
 * Thrown by the constructor; `unknown` lists the offending names and `validEvents` every valid one.
 *
 * @example
 * ```ts
 * try { new TwitchConnector({ ...options, events: ['cheers'] }); } catch (error) {
 *   if (error instanceof TwitchUnknownEventError) console.log(error.unknown, error.validEvents);
 * }
 * ```
 */
export class TwitchUnknownEventError extends ValidationError {
  /** The names given in `events` that are not Twitch event types. */
  readonly unknown: readonly string[];
  /** Every valid name for `events`. */
  readonly validEvents: readonly TwitchEventType[];

  constructor(unknown: readonly string[], validEvents: readonly TwitchEventType[]) {
    super(
      `unknown Twitch event type${unknown.length === 1 ? '' : 's'} in the events option (valid: ${validEvents.join(', ')})`,
      unknown.map((name) => ({ path: 'events', message: `"${name}" is not a Twitch event type` })),
      { code: 'TWITCH_UNKNOWN_EVENT' },
    );
    this.unknown = unknown;
    this.validEvents = validEvents;
  }
}
