/**
 * `payload.event` of the EventSub notifications VMSC maps, as Twitch documents them
 * (https://dev.twitch.tv/docs/eventsub/reference). Nullable fields are typed as Twitch sends them.
 *
 * @packageDocumentation
 */

/** `channel.chat.message` badge. */
export interface RawBadge {
  set_id: string;
  id: string;
  info: string;
}

/** One fragment of a chat message. */
export interface RawFragment {
  type: 'text' | 'cheermote' | 'emote' | 'mention' | (string & {});
  text: string;
  cheermote: { prefix: string; bits: number; tier: number } | null;
  emote: { id: string; emote_set_id: string; owner_id?: string; format?: string[] } | null;
  mention: { user_id: string; user_name: string; user_login: string } | null;
}

/** `channel.chat.message` v1. */
export interface RawChatMessageEvent {
  broadcaster_user_id: string;
  broadcaster_user_login: string;
  broadcaster_user_name: string;
  chatter_user_id: string;
  chatter_user_login: string;
  chatter_user_name: string;
  message_id: string;
  message: { text: string; fragments: RawFragment[] };
  color: string;
  badges: RawBadge[];
  message_type: string;
  cheer: { bits: number } | null;
  reply: {
    parent_message_id: string;
    parent_message_body: string;
    parent_user_id: string;
    parent_user_name: string;
    parent_user_login: string;
    thread_message_id: string;
    thread_user_id: string;
    thread_user_name: string;
    thread_user_login: string;
  } | null;
  channel_points_custom_reward_id: string | null;
  source_broadcaster_user_id?: string | null;
  source_broadcaster_user_login?: string | null;
  source_broadcaster_user_name?: string | null;
  source_message_id?: string | null;
  source_badges?: RawBadge[] | null;
  is_source_only?: boolean | null;
}

/** The `user_*` triple; all `null` for anonymous cheers and gifts. */
export interface RawUserFields {
  user_id: string | null;
  user_login: string | null;
  user_name: string | null;
}

/** `channel.follow` v2. */
export interface RawFollowEvent extends RawUserFields {
  followed_at: string;
}

/** `channel.subscribe` v1. */
export interface RawSubscribeEvent extends RawUserFields {
  tier: string;
  is_gift: boolean;
}

/** `channel.subscription.gift` v1. */
export interface RawSubscriptionGiftEvent extends RawUserFields {
  total: number;
  tier: string;
  cumulative_total: number | null;
  is_anonymous: boolean;
}

/** `channel.subscription.message` v1 (a resub shared in chat). */
export interface RawSubscriptionMessageEvent extends RawUserFields {
  tier: string;
  message: { text: string; emotes: Array<{ begin: number; end: number; id: string }> | null };
  cumulative_months: number;
  streak_months: number | null;
  duration_months: number;
}

/** `channel.cheer` v1. */
export interface RawCheerEvent extends RawUserFields {
  is_anonymous: boolean;
  message: string;
  bits: number;
}

/** `channel.raid` v1. */
export interface RawRaidEvent {
  from_broadcaster_user_id: string;
  from_broadcaster_user_login: string;
  from_broadcaster_user_name: string;
  to_broadcaster_user_id: string;
  to_broadcaster_user_login: string;
  to_broadcaster_user_name: string;
  viewers: number;
}

/** `channel.channel_points_custom_reward_redemption.add` v1. */
export interface RawRedemptionEvent extends RawUserFields {
  id: string;
  user_input: string;
  status: string;
  reward: { id: string; title: string; cost: number; prompt: string };
  redeemed_at: string;
}

/** A poll choice (`votes` etc. from progress on). */
export interface RawPollChoice {
  id: string;
  title: string;
  votes?: number;
  bits_votes?: number;
  channel_points_votes?: number;
}

/** `channel.poll.begin` / `.progress` / `.end` v1. */
export interface RawPollEvent {
  id: string;
  title: string;
  choices: RawPollChoice[];
  status?: string;
  started_at: string;
  ends_at?: string;
  ended_at?: string;
}

/** A prediction outcome. */
export interface RawPredictionOutcome {
  id: string;
  title: string;
  color: string;
  users?: number;
  channel_points?: number;
  top_predictors?: Array<{
    user_id: string;
    user_login: string;
    user_name: string;
    channel_points_won: number | null;
    channel_points_used: number;
  }> | null;
}

/** `channel.prediction.*` v1. */
export interface RawPredictionEvent {
  id: string;
  title: string;
  outcomes: RawPredictionOutcome[];
  winning_outcome_id?: string | null;
  status?: string;
}

/** `channel.hype_train.*` v2. */
export interface RawHypeTrainEvent {
  id: string;
  total: number;
  progress?: number;
  goal?: number;
  level: number;
  top_contributions: Array<{ user_id: string; user_login: string; user_name: string; type: string; total: number }> | null;
  started_at: string;
  expires_at?: string;
  ended_at?: string;
  cooldown_ends_at?: string;
  type?: string;
  is_shared_train?: boolean;
}

/** `channel.ad_break.begin` v1. */
export interface RawAdBreakEvent {
  duration_seconds: number;
  started_at: string;
  is_automatic: boolean;
  broadcaster_user_id: string;
  requester_user_id: string;
  requester_user_login: string;
  requester_user_name: string;
}

/** `channel.shoutout.create` v1. */
export interface RawShoutoutCreateEvent {
  moderator_user_id: string;
  moderator_user_login: string;
  moderator_user_name: string;
  to_broadcaster_user_id: string;
  to_broadcaster_user_login: string;
  to_broadcaster_user_name: string;
  viewer_count: number;
  started_at: string;
}

/** `channel.shoutout.receive` v1. */
export interface RawShoutoutReceiveEvent {
  from_broadcaster_user_id: string;
  from_broadcaster_user_login: string;
  from_broadcaster_user_name: string;
  viewer_count: number;
  started_at: string;
}

/** `channel.ban` v1. */
export interface RawBanEvent {
  user_id: string;
  user_login: string;
  user_name: string;
  moderator_user_id: string;
  moderator_user_login: string;
  moderator_user_name: string;
  reason: string;
  banned_at: string;
  ends_at: string | null;
  is_permanent: boolean;
}

/**
 * `channel.charity_campaign.donate` v1. The reference table and twitch-cli use
 * `broadcaster_user_*`; the docs' own example uses `broadcaster_id/_login/_name`: both are accepted.
 */
export interface RawCharityDonateEvent extends RawUserFields {
  id: string;
  campaign_id: string;
  charity_name: string;
  amount: { value: number; decimal_places: number; currency: string };
  broadcaster_user_id?: string;
  broadcaster_id?: string;
}

/** `stream.online` v1. */
export interface RawStreamOnlineEvent {
  id: string;
  type: string;
  started_at: string;
}
