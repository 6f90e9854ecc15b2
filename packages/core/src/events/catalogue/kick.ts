import { z } from 'zod';
import { once } from '../../util/lazy-shape.js';
import { lazySchemas } from './lazy.js';
import {
  emoteDetailSchema,
  emptyDataSchema,
  streamOfflineDataSchema,
  streamOnlineDataSchema,
  unknownDataSchema,
  userRefSchema,
} from './shared.js';

/** A Kick chat badge as it arrives in `sender.identity.badges[]`. */
const kickBadgeSchema = once(() =>
  z.object({
    /** `broadcaster`, `moderator`, `vip`, `og`, `founder`, `subscriber`, `sub_gifter`, `verified`, `staff`, `bot`... */
    type: z.string(),
    text: z.string(),
    /** Months for `subscriber`, gifts for `sub_gifter`. */
    count: z.number().optional(),
  }),
);

/** One option of a Kick poll. */
const kickPollOptionSchema = once(() =>
  z.object({
    id: z.number(),
    label: z.string(),
    votes: z.number(),
  }),
);

/** A chat mode toggle (`enabled`, plus its duration/interval when the mode has one). */
const kickChatModeSchema = once(() =>
  z.object({
    enabled: z.boolean(),
    /** Seconds (slow mode interval, minimum follow age...) when the mode has one. */
    seconds: z.number().optional(),
  }),
);

/**
 * The data payload of every Kick event type, keyed by event type. Source `"kick"`.
 *
 * Spec 002's four types (`chat`, `follow`, `subscribe`, `gifted_sub`) and 003's per-event fields,
 * plus what Kick's public Pusher feed really sends today (Kicks gifts, hosts, bans, deletions,
 * polls, pins, chat mode changes, goals, reward redemptions, live/offline).
 */
export const kickEvents = lazySchemas({
  chat: () =>
    z.object({
      /** The message as typed, emote markup (`[emote:ID:name]`) included. */
      message: z.string(),
      /** Emote ids parsed from `[emote:ID:name]` markup, each once, in order of first use. */
      emotes: z.array(z.string()).optional(),
      /** The same emotes with their names (spec 003's `emotes` objects). */
      emoteDetails: z.array(emoteDetailSchema).optional(),
      /** Kick's message id (003). */
      chatId: z.string().optional(),
      /** Sender colour and badges (003). */
      senderIdentity: z
        .object({
          color: z.string().optional(),
          badges: z.array(kickBadgeSchema()).optional(),
        })
        .optional(),
      /** Kick's message kind: `message`, `reply` or `celebration`. */
      messageType: z.string().optional(),
      /** The message this one replies to (`type: "reply"`). */
      replyTo: z
        .object({
          messageId: z.string(),
          message: z.string(),
          user: userRefSchema,
        })
        .optional(),
      /** A subscription-anniversary celebration shared in chat (`type: "celebration"`). */
      celebration: z.object({ type: z.string(), totalMonths: z.number().optional() }).optional(),
    }),
  /**
   * A follow. Kick's public feed no longer carries named follows: the legacy `FollowersUpdated`
   * frame (when it still arrives) has `username: null`, so the user is usually the system
   * placeholder and `anonymous` is true.
   */
  follow: () =>
    z.object({
      /** Updated follower total, when Kick sends it (003). */
      followersCount: z.number().optional(),
      /** True when Kick did not say who followed. */
      anonymous: z.boolean().optional(),
    }),
  /** The legacy `FollowersUpdated` frame with `followed: false`. */
  unfollow: () =>
    z.object({
      followersCount: z.number().optional(),
    }),
  subscribe: () =>
    z.object({
      tier: z.string().optional(),
      /** Total months subscribed (003). */
      months: z.number().optional(),
    }),
  /**
   * A viewer gifts subscriptions. 002 names it `gifted_sub`/`giftCount`, 003 `gift_sub`/`giftedCount`:
   * VMSC uses `gifted_sub` with `giftCount`, and also fills `giftedCount` and `gifterUsername` (003).
   */
  gifted_sub: () =>
    z.object({
      giftCount: z.number(),
      /** The recipient, when there is exactly one. */
      recipientUser: userRefSchema.optional(),
      giftedCount: z.number().optional(),
      gifterUsername: z.string().optional(),
      /** Usernames of every recipient Kick listed. */
      recipients: z.array(z.string()).optional(),
      /** Gifts this gifter has given in the channel so far. */
      gifterTotal: z.number().optional(),
    }),
  /** A Kicks gift (`KicksGifted`): Kick's paid currency, about 100 Kicks per US dollar. */
  kicks_gift: () =>
    z.object({
      giftId: z.string(),
      giftName: z.string(),
      /** Value in Kicks. */
      amount: z.number(),
      /** `BASIC` or `LEVEL_UP`. */
      giftType: z.string(),
      /** `BASIC`, `MID`, ... */
      tier: z.string(),
      /** The sender's message; absent on basic gifts. */
      message: z.string().optional(),
      transactionId: z.string(),
      /** When the pinned gift expires (Unix epoch ms), for gifts that pin. */
      expiresAt: z.number().optional(),
    }),
  /** Another channel hosts (raids) this one (`StreamHostEvent`). The user is the host. */
  host: () =>
    z.object({
      viewerCount: z.number(),
      message: z.string().optional(),
    }),
  /** This channel sends its viewers to another one (`ChatMoveToSupportedChannelEvent`). */
  host_out: () =>
    z.object({
      target: userRefSchema,
      viewerCount: z.number().optional(),
    }),
  /** A user was banned or timed out (`UserBannedEvent`). The user is the banned one. */
  ban: () =>
    z.object({
      moderator: userRefSchema.optional(),
      isPermanent: z.boolean(),
      /** Timeout length in minutes. */
      durationMinutes: z.number().optional(),
      /** When a timeout ends, Unix epoch ms. */
      expiresAt: z.number().optional(),
    }),
  /** A ban or timeout was lifted (`UserUnbannedEvent`). The user is the unbanned one. */
  unban: () =>
    z.object({
      moderator: userRefSchema.optional(),
      wasPermanent: z.boolean().optional(),
    }),
  /** A chat message was deleted (`MessageDeletedEvent`). */
  message_deleted: () =>
    z.object({
      messageId: z.string(),
      /** Deleted by Kick's automatic moderation. */
      aiModerated: z.boolean().optional(),
      violatedRules: z.array(z.string()).optional(),
    }),
  /** A message was pinned (`PinnedMessageCreatedEvent`). The user is the message's author. */
  message_pinned: () =>
    z.object({
      messageId: z.string(),
      message: z.string(),
      durationSeconds: z.number().optional(),
      pinnedBy: userRefSchema.optional(),
    }),
  /** The pinned message was removed (`PinnedMessageDeletedEvent`, whose data is `[]`). */
  message_unpinned: () => emptyDataSchema(),
  /** A poll's state, sent every second while it runs (`PollUpdateEvent`). */
  poll_update: () =>
    z.object({
      title: z.string(),
      options: z.array(kickPollOptionSchema()),
      durationSeconds: z.number(),
      remainingSeconds: z.number(),
    }),
  /** The poll was removed (`PollDeleteEvent`). */
  poll_delete: () => emptyDataSchema(),
  /** Chat was cleared (`ChatroomClearEvent`). */
  chat_clear: () => emptyDataSchema(),
  /** Chat modes changed (`ChatroomUpdatedEvent` / `ChatSettingsChanged`). */
  chat_settings: () =>
    z.object({
      slowMode: kickChatModeSchema().optional(),
      subscribersOnly: kickChatModeSchema().optional(),
      followersOnly: kickChatModeSchema().optional(),
      emotesOnly: kickChatModeSchema().optional(),
      accountAge: kickChatModeSchema().optional(),
    }),
  /** A channel goal moved (`GoalProgressUpdateEvent`); the follower goal is the only follow signal left. */
  goal_progress: () =>
    z.object({
      goalId: z.string(),
      /** `followers`, `subscribers`... */
      goalType: z.string(),
      current: z.number(),
      target: z.number(),
      status: z.string().optional(),
    }),
  /** A channel reward was redeemed (`RewardRedeemedEvent`). */
  reward_redeem: () =>
    z.object({
      rewardTitle: z.string(),
      userInput: z.string().optional(),
      backgroundColor: z.string().optional(),
    }),
  /** The stream went live (`StreamerIsLive`). */
  stream_online: () =>
    streamOnlineDataSchema().extend({
      livestreamId: z.string().optional(),
      title: z.string().optional(),
    }),
  /** The stream ended (`StopStreamBroadcast`). */
  stream_offline: () => streamOfflineDataSchema(),
  unknown: () => unknownDataSchema,
});
