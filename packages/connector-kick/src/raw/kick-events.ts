/**
 * Kick's inner `data` payloads (after the second parse), as captured from the public Pusher feed
 * (research brief §1.4). Every field is optional where Kick has been seen to omit it.
 *
 * @packageDocumentation
 */

/** `sender.identity.badges[]` of a chat message. */
export interface RawKickBadge {
  type: string;
  text: string;
  count?: number;
  sort_order?: number;
}

/** A chat sender. */
export interface RawKickSender {
  id: number | string;
  username: string;
  slug?: string;
  identity?: { color?: string; badges?: RawKickBadge[] };
}

/** `App\Events\ChatMessageEvent`. */
export interface RawChatMessageEvent {
  id: string;
  chatroom_id?: number | string;
  content: string;
  type?: string;
  created_at?: string;
  sender: RawKickSender;
  metadata?: {
    original_sender?: { id: number | string; username: string };
    original_message?: { id: string; content: string };
    celebration?: { id?: string; type: string; total_months?: number };
    message_ref?: string;
  };
  thread_parent_id?: string;
}

/** `App\Events\SubscriptionEvent`. */
export interface RawSubscriptionEvent {
  chatroom_id?: number;
  username: string;
  months?: number;
}

/** `App\Events\ChannelSubscriptionEvent` (a duplicate signal of one subscription). */
export interface RawChannelSubscriptionEvent {
  user_ids?: number[];
  username: string;
  channel_id?: number;
}

/** `App\Events\NewSubscriberUpdatedEvent` (duplicate signal). */
export interface RawNewSubscriberUpdatedEvent {
  channel_id?: number;
  last_subscriber: string;
  count?: number;
}

/** `App\Events\NewActivityFeedEvent` (duplicate signal; `created_at` in ms). */
export interface RawNewActivityFeedEvent {
  channel_id?: number;
  type: string;
  username?: string;
  created_at?: number;
}

/** `App\Events\ChatMessageSentEvent` on `chatroom_{id}`: sub and gift "info" messages. */
export interface RawChatMessageSentEvent {
  message: {
    id: string;
    message?: string;
    type?: string;
    action?: string;
    months_subscribed?: number | null;
    subscriptions_count?: number;
    giftedUsers?: Array<{ username: string; monthsSubscribed?: number }>;
    created_at?: number | string;
  };
  user: { id: number | string; username: string; profile_thumb?: string };
}

/** `GiftedSubscriptionsEvent` (new, `chatroom_{id}`) and `App\Events\GiftedSubscriptionsEvent` (legacy). */
export interface RawGiftedSubscriptionsEvent {
  chatroom_id?: number;
  correlation_id?: string;
  gifted_usernames: string[];
  gifter_username: string;
  gifted_total?: number;
  gifter_total?: number;
  chunk_details?: unknown;
}

/** `App\Events\LuckyUsersWhoGotGiftSubscriptionsEvent` (duplicate signal on `channel.{id}`). */
export interface RawLuckyUsersEvent {
  usernames: string[];
  gifter_username: string;
}

/** `KicksGifted`. */
export interface RawKicksGifted {
  gift_transaction_id: string;
  message?: string;
  sender: { id: number | string; username: string; username_color?: string; profile_picture?: string };
  gift: { gift_id: string; name: string; amount: number; type: string; tier: string };
  created_at?: string;
  expires_at?: string;
}

/** `RewardRedeemedEvent`. */
export interface RawRewardRedeemedEvent {
  reward_title: string;
  user_id: number | string;
  username: string;
  user_input?: string;
  reward_background_color?: string;
}

/** `App\Events\StreamHostEvent`. */
export interface RawStreamHostEvent {
  optional_message?: string | null;
  number_viewers: number;
  host_username: string;
}

/** `App\Events\StreamHostedEvent` (legacy duplicate of StreamHostEvent). */
export interface RawStreamHostedEvent {
  message: { id?: string; numberOfViewers: number; optionalMessage?: string | null; createdAt?: string };
  user: { id: number | string; username: string };
}

/** `App\Events\ChatMoveToSupportedChannelEvent` (outgoing host). */
export interface RawChatMoveEvent {
  slug?: string;
  hosted: { id: number | string; username: string; slug: string; viewers_count?: number };
}

/** A user reference in moderation frames. */
export interface RawKickUserRef {
  id: number | string;
  username: string;
  slug?: string;
}

/** `App\Events\UserBannedEvent`. */
export interface RawUserBannedEvent {
  id?: string;
  user: RawKickUserRef;
  banned_by?: RawKickUserRef;
  permanent: boolean;
  duration?: number;
  expires_at?: string;
}

/** `App\Events\UserUnbannedEvent`. */
export interface RawUserUnbannedEvent {
  id?: string;
  user: RawKickUserRef;
  unbanned_by?: RawKickUserRef;
  permanent?: boolean;
}

/** `App\Events\MessageDeletedEvent`. */
export interface RawMessageDeletedEvent {
  id?: string;
  message: { id: string };
  aiModerated?: boolean;
  violatedRules?: string[];
}

/** `App\Events\PinnedMessageCreatedEvent`. */
export interface RawPinnedMessageCreatedEvent {
  message: RawChatMessageEvent;
  duration?: string | number;
  pinnedBy?: RawKickSender;
}

/** `App\Events\PollUpdateEvent`. */
export interface RawPollUpdateEvent {
  poll: {
    title: string;
    options: Array<{ id: number; label: string; votes: number }>;
    duration: number;
    remaining: number;
  };
}

/** `App\Events\ChatroomUpdatedEvent`. */
export interface RawChatroomUpdatedEvent {
  slow_mode?: { enabled: boolean; message_interval?: number };
  subscribers_mode?: { enabled: boolean };
  followers_mode?: { enabled: boolean; min_duration?: number };
  emotes_mode?: { enabled: boolean };
  account_age?: { enabled: boolean; min_duration?: number };
}

/** `ChatSettingsChanged` (`channel_{id}`). */
export interface RawChatSettingsChanged {
  settings: {
    slow_mode?: { enabled: boolean; duration_seconds?: number };
    subscribers_only_mode?: { enabled: boolean };
    followers_only_mode?: { enabled: boolean; duration_seconds?: number };
    emotes_only_mode?: { enabled: boolean };
    minimum_account_age?: { enabled: boolean; duration_seconds?: number };
  };
}

/** `GoalProgressUpdateEvent`. */
export interface RawGoalProgressUpdateEvent {
  id: string;
  type: string;
  target_value: number;
  current_value: number;
  status?: string;
}

/** `App\Events\StreamerIsLive`. */
export interface RawStreamerIsLive {
  livestream: { id: number | string; session_title?: string; created_at?: string };
}

/** `App\Events\StopStreamBroadcast`. */
export interface RawStopStreamBroadcast {
  livestream?: { id?: number | string };
}

/** `App\Events\FollowersUpdated` (2023; not seen in 2026 captures). */
export interface RawFollowersUpdated {
  followersCount?: number;
  username?: string | null;
  created_at?: number;
  followed?: boolean;
}
