/**
 * Raw payloads of Kick's official event webhooks (version 1), as Kick POSTs them to the app's
 * webhook URL: one JSON object per request, its type in the `Kick-Event-Type` header.
 *
 * Provenance of each shape (docs.kick.com "Event types", KickEngineering/KickDevDocs
 * `events/event-types.md`):
 *
 * - DOC, verbatim in the fixtures: `chat.message.sent` (`webhook-chat.message.sent.json`) and
 *   `kicks.gifted` (`webhook-kicks.gifted.json`).
 * - DOC, field names from the docs page as remembered (not copied into a fixture, so treat field
 *   details as inferred until a capture confirms them): `channel.followed`,
 *   `channel.subscription.new`, `channel.subscription.renewal`, `channel.subscription.gifts`,
 *   `channel.reward.redemption.updated`, `livestream.status.updated`, `livestream.metadata.updated`,
 *   `moderation.banned`.
 * - Inferred: which fields may be `null` (anonymous gifters, `ended_at` while live, `expires_at`
 *   of a permanent ban) and the `is_anonymous` flag on every user object.
 *
 * Every field is optional in spirit: the normalizers check what they read and turn a payload that
 * lacks it into an `unknown` event with a `malformed:` reason.
 *
 * @packageDocumentation
 */

/** A user object of the webhook payloads (`broadcaster`, `sender`, `follower`, `subscriber`...). */
export interface RawWebhookUser {
  /** True for an anonymous gifter; the other fields are then null. */
  is_anonymous?: boolean;
  user_id: number | null;
  username: string | null;
  is_verified?: boolean;
  profile_picture?: string | null;
  channel_slug?: string | null;
  /** Chat identity (colour, badges); `null` outside chat. */
  identity?: RawWebhookIdentity | null;
}

/** `sender.identity` of a chat message. */
export interface RawWebhookIdentity {
  username_color?: string;
  badges?: Array<{ text: string; type: string; count?: number }>;
}

/** `chat.message.sent` (DOC). */
export interface RawWebhookChatMessage {
  message_id: string;
  /** The message this one replies to; `null`/absent otherwise. */
  replies_to?: { message_id: string; content: string; sender: RawWebhookUser } | null;
  broadcaster: RawWebhookUser;
  sender: RawWebhookUser;
  /** With `[emote:ID:name]` markup. */
  content: string;
  emotes?: Array<{ emote_id: string; positions: Array<{ s: number; e: number }> }> | null;
  created_at?: string;
}

/** `channel.followed` (DOC). */
export interface RawWebhookFollow {
  broadcaster: RawWebhookUser;
  follower: RawWebhookUser;
}

/** `channel.subscription.new` and `channel.subscription.renewal` (DOC). */
export interface RawWebhookSubscription {
  broadcaster: RawWebhookUser;
  subscriber: RawWebhookUser;
  /** Months subscribed (1 for a new subscription). */
  duration?: number;
  created_at?: string;
  expires_at?: string;
}

/** `channel.subscription.gifts` (DOC). */
export interface RawWebhookSubscriptionGifts {
  broadcaster: RawWebhookUser;
  /** `is_anonymous: true` with null name and id for an anonymous gifter (inferred). */
  gifter: RawWebhookUser;
  giftees: RawWebhookUser[];
  created_at?: string;
  expires_at?: string;
}

/** `channel.reward.redemption.updated` (DOC). */
export interface RawWebhookRewardRedemption {
  /** The redemption's id (a ULID). */
  id?: string;
  user_input?: string;
  /** `pending`, `accepted` or `rejected`. */
  status?: string;
  redeemed_at?: string;
  reward: { id?: string; title: string; cost?: number; description?: string };
  redeemer: RawWebhookUser;
  broadcaster: RawWebhookUser;
}

/** `livestream.status.updated` (DOC). */
export interface RawWebhookLivestreamStatus {
  broadcaster: RawWebhookUser;
  is_live: boolean;
  title?: string;
  started_at?: string;
  /** `null` while live. */
  ended_at?: string | null;
}

/** `livestream.metadata.updated` (DOC). */
export interface RawWebhookLivestreamMetadata {
  broadcaster: RawWebhookUser;
  metadata: {
    title?: string;
    language?: string;
    has_mature_content?: boolean;
    category?: { id: number; name: string; thumbnail?: string };
  };
}

/** `moderation.banned` (DOC). */
export interface RawWebhookBanned {
  broadcaster: RawWebhookUser;
  moderator?: RawWebhookUser;
  banned_user: RawWebhookUser;
  metadata?: {
    reason?: string;
    created_at?: string;
    /** `null` for a permanent ban. */
    expires_at?: string | null;
  };
}

/** `kicks.gifted` (DOC). The webhook carries no gift id and no transaction id, unlike Pusher's `KicksGifted`. */
export interface RawWebhookKicksGifted {
  broadcaster: RawWebhookUser;
  sender: RawWebhookUser;
  gift: {
    amount: number;
    name: string;
    /** `BASIC` or `LEVEL_UP`. */
    type: string;
    tier: string;
    message?: string;
    pinned_time_seconds?: number;
  };
  created_at?: string;
}

/** The event types (version 1) Kick documents, each with its payload. */
export interface RawWebhookPayloads {
  'chat.message.sent': RawWebhookChatMessage;
  'channel.followed': RawWebhookFollow;
  'channel.subscription.renewal': RawWebhookSubscription;
  'channel.subscription.gifts': RawWebhookSubscriptionGifts;
  'channel.subscription.new': RawWebhookSubscription;
  'channel.reward.redemption.updated': RawWebhookRewardRedemption;
  'livestream.status.updated': RawWebhookLivestreamStatus;
  'livestream.metadata.updated': RawWebhookLivestreamMetadata;
  'moderation.banned': RawWebhookBanned;
  'kicks.gifted': RawWebhookKicksGifted;
}

/** One of Kick's ten documented webhook event types. */
export type KickWebhookEventType = keyof RawWebhookPayloads;

/** The ten documented event types, in the docs' order. */
export const KICK_WEBHOOK_EVENT_TYPES: readonly KickWebhookEventType[] = [
  'chat.message.sent',
  'channel.followed',
  'channel.subscription.renewal',
  'channel.subscription.gifts',
  'channel.subscription.new',
  'channel.reward.redemption.updated',
  'livestream.status.updated',
  'livestream.metadata.updated',
  'moderation.banned',
  'kicks.gifted',
];
