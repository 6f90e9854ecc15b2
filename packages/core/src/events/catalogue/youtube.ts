import { z } from 'zod';
import { once } from '../../util/lazy-shape.js';
import { lazySchemas } from './lazy.js';
import { streamOfflineDataSchema, unknownDataSchema, userRefSchema, emptyDataSchema } from './shared.js';

/** A decimal string of an integer (YouTube's int64/uint64 fields arrive as JSON strings). */
const int64String = once(() => z.string().regex(/^-?\d+$/, 'an integer as a decimal string'));

/** Money fields shared by Super Chats, Super Stickers and the legacy fan funding. */
const moneyFields = once(() => ({
  /**
   * Amount in the currency's major unit, as a number (`5` for `amountMicros: "5000000"`). Derived
   * from `amountString`, so it is the closest double to the exact amount; use `amountMicros` for sums.
   */
  amount: z.number(),
  /** ISO 4217 currency code. */
  currency: z.string(),
  /** The exact amount in millionths of the major unit, as YouTube sends it (`"1750000"` = 1.75). */
  amountMicros: int64String().optional(),
  /** The exact amount in major units, as a decimal string computed with integer maths (`"1.75"`). */
  amountString: z.string().optional(),
  /** YouTube's formatted amount (`"$5.00"`, `"€2.00"`), localised by the `hl` parameter. */
  amountDisplayString: z.string().optional(),
}));

/** One option of a YouTube live poll. */
const pollChoiceSchema = once(() =>
  z.object({
    /** The option's text. */
    title: z.string(),
    /** Votes so far, exactly as YouTube sends them (a decimal string). */
    tally: int64String().optional(),
  }),
);

/** The data of every YouTube poll event. */
const pollDataSchema = once(() =>
  z.object({
    /** The `pollEvent` message id (stable for the poll's life). */
    pollId: z.string(),
    /** The question. */
    title: z.string(),
    choices: z.array(pollChoiceSchema()),
    /** YouTube's poll status (`active`, `closed`...). */
    status: z.string(),
    /** The sum of every choice's tally, computed with integer maths (a decimal string). */
    totalTally: int64String(),
  }),
);

/**
 * The data payload of every YouTube live chat event type, keyed by event type. Source `"youtube"`.
 *
 * Spec 002's seven types keep exactly its fields; the optional extras keep what the Data API sends.
 * YouTube's int64 fields (`amountMicros`, `banDurationSeconds`, `tally`) stay decimal strings so
 * that nothing is rounded; the numbers next to them (`amount`) are conveniences derived with integer
 * maths. The types beyond 002 are the ones the platform sends: `gift_membership_received`,
 * `message_deleted`, `message_retracted`, `poll_begin`/`poll_progress`/`poll_end`, `jewels_gift`,
 * `members_only_mode`, plus `stream_offline` and `unknown`.
 */
export const youtubeEvents = lazySchemas({
  chat: () =>
    z.object({
      message: z.string(),
      emotes: z.array(z.string()).optional(),
      /** YouTube's id of the chat message (what `message_deleted` names). */
      messageId: z.string().optional(),
      /** `true` when the author is the channel owner (`authorDetails.isChatOwner`); absent otherwise. `user.isModerator` covers owner and moderators. */
      isChatOwner: z.boolean().optional(),
    }),
  super_chat: () =>
    z.object({
      ...moneyFields(),
      message: z.string().optional(),
      /** Super Chat tier (colour band), 1 = lowest. */
      tier: z.number().optional(),
      /** YouTube's id of the message. */
      messageId: z.string().optional(),
      /** A legacy `fanFundingEvent` rather than a Super Chat. */
      isFanFunding: z.boolean().optional(),
    }),
  super_sticker: () =>
    z.object({
      ...moneyFields(),
      stickerId: z.string(),
      /** The sticker's description. */
      altText: z.string().optional(),
      /** Language of `altText`. */
      altTextLanguage: z.string().optional(),
      tier: z.number().optional(),
      messageId: z.string().optional(),
    }),
  /** A viewer bought memberships for others (the user is the purchaser). */
  membership_gift: () =>
    z.object({
      /** The membership level's name (`giftMembershipsLevelName`). */
      tier: z.string(),
      giftCount: z.number(),
      /** The message id, which each `gift_membership_received` names. */
      messageId: z.string().optional(),
    }),
  member_milestone: () =>
    z.object({
      memberMonths: z.number(),
      message: z.string().optional(),
      /** The membership level's name. */
      tier: z.string().optional(),
    }),
  /** A new member ("sponsor"): YouTube has no subscribe event, its `newSponsorEvent` maps here. */
  new_subscriber: () =>
    emptyDataSchema().extend({
      /** The membership level's name. */
      tier: z.string().optional(),
      /** An upgrade from a lower level rather than a new membership. */
      isUpgrade: z.boolean().optional(),
    }),
  /** A viewer was banned or timed out; the user is the banned viewer, `moderator` who did it. */
  user_banned: () =>
    z.object({
      /** YouTube gives no ban reason; present only if a future API version sends one. */
      reason: z.string().optional(),
      moderator: userRefSchema.optional(),
      /** `permanent` or `temporary`, as YouTube gives it. */
      banType: z.string().optional(),
      isPermanent: z.boolean().optional(),
      /** The timeout's length, exactly as YouTube sends it (a decimal string; temporary bans only). */
      banDurationSeconds: int64String().optional(),
      /** When a temporary ban ends (publish time + duration), Unix epoch ms. */
      endsAt: z.number().optional(),
    }),
  /** One recipient of gifted memberships (the user is the recipient; one event per recipient). */
  gift_membership_received: () =>
    z.object({
      /** The membership level's name. */
      tier: z.string(),
      /** Channel id of the viewer who bought the gift. */
      gifterChannelId: z.string(),
      /** The `membership_gift` message this gift came from (its `messageId`). */
      giftMessageId: z.string().optional(),
    }),
  /**
   * A chat message was removed by a moderator (`messageDeletedEvent`, the user is the moderator) or
   * replaced by a `tombstone`. Emitted once per removed message.
   */
  message_deleted: () =>
    z.object({
      /** YouTube's id of the removed message (the `messageId` of the event it removes). */
      messageId: z.string(),
      /** What signalled it: `messageDeletedEvent` or `tombstone`. */
      via: z.string(),
    }),
  /** The author took back their own message (`messageRetractedEvent`). */
  message_retracted: () =>
    z.object({
      /** YouTube's id of the retracted message. */
      messageId: z.string(),
    }),
  /** A poll was seen for the first time while active. */
  poll_begin: () => pollDataSchema(),
  /** An active poll's tallies changed. */
  poll_progress: () => pollDataSchema(),
  /** A poll closed. */
  poll_end: () => pollDataSchema(),
  /** A Jewels gift (`giftEvent`); not money. Repeats with a growing `comboCount`. */
  jewels_gift: () =>
    z.object({
      giftName: z.string(),
      jewelsAmount: z.number(),
      comboCount: z.number(),
      giftUrl: z.string().optional(),
      altText: z.string().optional(),
      giftDuration: z.number().optional(),
      hasVisualEffect: z.boolean().optional(),
      messageId: z.string().optional(),
    }),
  /** Members-only chat mode was switched on or off. */
  members_only_mode: () =>
    z.object({
      enabled: z.boolean(),
    }),
  stream_offline: () =>
    streamOfflineDataSchema().extend({
      /** When YouTube says the stream went offline (`offlineAt`), Unix epoch ms. */
      offlineAt: z.number().optional(),
    }),
  unknown: () => unknownDataSchema,
});
