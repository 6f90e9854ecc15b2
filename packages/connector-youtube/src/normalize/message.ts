import {
  microsToDecimal,
  newEventId,
  parseTimestamp,
  systemUser,
  validateData,
  type EventMeta,
  type PlatformEvent,
  type PlatformEventType,
  type StreamUser,
} from '@vmsc/core';
import type { RawLiveChatMessage, RawPollDetails, RawSnippet } from '../raw/messages.js';
import { isInt64String, parseInt64, sumInt64 } from './int64.js';
import { toIdentity, toStreamUser, toUserRef } from './user.js';

/** Every event type the YouTube connector publishes. */
export type YouTubeEventType = PlatformEventType<'youtube'>;

/** A StreamEvent of source `youtube`. */
export type YouTubeEvent = { [T in YouTubeEventType]: PlatformEvent<'youtube', T> }[YouTubeEventType];

/** Where a message came from, for `meta` and the fallback timestamp. */
export interface NormalizeContext {
  /** The chat the message belongs to (`meta.channel`). */
  liveChatId?: string;
  /** The message is part of the backlog replayed on connect (`meta.history`). */
  history?: boolean;
  /** Fallback timestamp when `publishedAt` is missing or unreadable (Unix epoch ms). */
  now?: number;
  /** Keep the raw message as `raw` (debugging; off by default). */
  keepRaw?: boolean;
}

/** The three poll event types. */
export type PollEventType = 'poll_begin' | 'poll_progress' | 'poll_end';

/** Builds the event object directly (the hot path: no validation, no intermediate closures). */
function make<T extends YouTubeEventType>(
  type: T,
  user: StreamUser | undefined,
  data: PlatformEvent<'youtube', T>['data'],
  item: RawLiveChatMessage,
  context: NormalizeContext,
): YouTubeEvent {
  const snippet = item.snippet;
  const meta: EventMeta = {};
  if (typeof item.id === 'string' && item.id) meta.platformMessageId = item.id;
  const channel = typeof snippet?.liveChatId === 'string' ? snippet.liveChatId : context.liveChatId;
  if (channel) meta.channel = channel;
  if (context.history) meta.history = true;
  const event = {
    id: newEventId(),
    type,
    source: 'youtube' as const,
    timestamp: (typeof snippet?.publishedAt === 'string' ? parseTimestamp(snippet.publishedAt) : undefined) ?? context.now ?? Date.now(),
    user: user ?? systemUser(),
    data,
    meta,
  } as unknown as YouTubeEvent;
  if (context.keepRaw) (event as { raw?: unknown }).raw = item;
  return event;
}

type Build = <T extends YouTubeEventType>(type: T, user: StreamUser | undefined, data: PlatformEvent<'youtube', T>['data']) => YouTubeEvent;

function builder(item: RawLiveChatMessage, context: NormalizeContext): Build {
  return (type, user, data) => make(type, user, data, item, context);
}

/** An `unknown` event for a message that cannot be mapped, keeping it whole. */
export function unknownMessage(item: unknown, reason: string, context: NormalizeContext = {}): YouTubeEvent {
  const raw = (typeof item === 'object' && item !== null ? item : {}) as RawLiveChatMessage;
  const kind = typeof raw.snippet?.type === 'string' ? raw.snippet.type : 'liveChatMessage';
  return builder(raw, context)('unknown', undefined, { kind, payload: item, reason });
}

/** The money fields of a Super Chat or Super Sticker. */
interface Money {
  amount: number;
  currency: string;
  amountMicros: string;
  amountString: string;
  amountDisplayString?: string;
}

function money(details: { amountMicros?: string; currency?: string; amountDisplayString?: string }): Money | string {
  const micros = parseInt64(details.amountMicros);
  if (micros === undefined) return `amountMicros is not an integer string (${JSON.stringify(details.amountMicros)})`;
  if (typeof details.currency !== 'string') return 'currency is missing';
  const amountString = microsToDecimal(micros);
  const amount: Money = { amount: Number(amountString), currency: details.currency, amountMicros: details.amountMicros!, amountString };
  if (details.amountDisplayString !== undefined) amount.amountDisplayString = details.amountDisplayString;
  return amount;
}

/** The data of a poll event from `pollDetails`, or a reason it cannot be read. */
export function pollData(
  id: string | undefined,
  details: RawPollDetails | undefined,
): PlatformEvent<'youtube', 'poll_begin'>['data'] | string {
  if (!id) return 'the poll message has no id';
  const question = details?.metadata?.questionText;
  if (typeof question !== 'string') return 'pollDetails.metadata.questionText is missing';
  const options = details?.metadata?.options ?? [];
  const choices = options.map((option) => {
    const choice: { title: string; tally?: string } = { title: option.optionText ?? '' };
    if (isInt64String(option.tally)) choice.tally = option.tally;
    return choice;
  });
  return { pollId: id, title: question, choices, status: details?.status ?? 'active', totalTally: sumInt64(options.map((o) => o.tally)) };
}

/** The poll type a `pollEvent` maps to when no tracker says otherwise: closed → end, else begin. */
export function defaultPollType(details: RawPollDetails | undefined): PollEventType {
  return details?.status && details.status !== 'active' ? 'poll_end' : 'poll_begin';
}

/**
 * Maps one liveChatMessage (from `list`, the streamed array or `insert`) to a typed event. Pure:
 * no I/O, no state. Malformed or unmapped messages become `unknown` events with a reason.
 *
 * Mapping (author = `authorDetails`): `textMessageEvent` → `chat`; `superChatEvent` → `super_chat`;
 * `fanFundingEvent` → `super_chat` with `isFanFunding`; `superStickerEvent` → `super_sticker`;
 * `newSponsorEvent` → `new_subscriber`; `memberMilestoneChatEvent` → `member_milestone`;
 * `membershipGiftingEvent` → `membership_gift`; `giftMembershipReceivedEvent` →
 * `gift_membership_received`; `messageDeletedEvent` and `tombstone` → `message_deleted`;
 * `messageRetractedEvent` → `message_retracted`; `userBannedEvent` → `user_banned` (user = the
 * banned viewer, `moderator` = the author); `pollEvent` → `poll_*`; `giftEvent` → `jewels_gift`;
 * `sponsorOnlyModeStarted/EndedEvent` → `members_only_mode`; `chatEndedEvent` → `stream_offline`.
 *
 * @example
 * ```ts
 * for (const item of page.items ?? []) bus.publish(normalizeMessage(item, { liveChatId }));
 * ```
 */
function mapMessage(item: RawLiveChatMessage, context: NormalizeContext, pollType?: PollEventType): YouTubeEvent {
  if (typeof item !== 'object' || item === null) return unknownMessage(item, 'a chat item is not an object', context);
  const snippet: RawSnippet | undefined = item.snippet;
  if (!snippet || typeof snippet.type !== 'string') return unknownMessage(item, 'snippet.type is missing', context);
  if (snippet.type === 'textMessageEvent') {
    // the hot path: most of a chat
    const text = snippet.textMessageDetails?.messageText ?? snippet.displayMessage;
    if (typeof text !== 'string') return unknownMessage(item, 'textMessageEvent without textMessageDetails.messageText', context);
    const data: PlatformEvent<'youtube', 'chat'>['data'] = { message: text };
    if (typeof item.id === 'string' && item.id) data.messageId = item.id;
    if (item.authorDetails?.isChatOwner === true) data.isChatOwner = true;
    const user = toStreamUser(item.authorDetails, snippet.authorChannelId);
    // The chat hot path checks the user cheaply; the other types go through the catalogue (below).
    if (!isPlainUser(user)) return unknownMessage(item, 'textMessageEvent whose authorDetails do not have the documented types', context);
    return make('chat', user, data, item, context);
  }
  const author = toStreamUser(item.authorDetails, snippet.authorChannelId);
  const build = <T extends YouTubeEventType>(type: T, user: StreamUser | undefined, data: PlatformEvent<'youtube', T>['data']) =>
    make(type, user, data, item, context);
  const missing = (field: string) => unknownMessage(item, `${snippet.type} without ${field}`, context);
  const messageId = typeof item.id === 'string' && item.id ? item.id : undefined;

  // Data objects are built field by field (no object spreads: each one copies through the slow path).
  switch (snippet.type) {
    case 'superChatEvent': {
      const details = snippet.superChatDetails;
      if (!details) return missing('superChatDetails');
      const data = money(details);
      if (typeof data === 'string') return unknownMessage(item, data, context);
      const superChat: PlatformEvent<'youtube', 'super_chat'>['data'] = data;
      if (details.userComment) superChat.message = details.userComment;
      if (typeof details.tier === 'number') superChat.tier = details.tier;
      if (messageId) superChat.messageId = messageId;
      return build('super_chat', author, superChat);
    }
    case 'fanFundingEvent': {
      const details = snippet.fanFundingEventDetails;
      if (!details) return missing('fanFundingEventDetails');
      const data = money(details);
      if (typeof data === 'string') return unknownMessage(item, data, context);
      const superChat: PlatformEvent<'youtube', 'super_chat'>['data'] = data;
      if (details.userComment) superChat.message = details.userComment;
      superChat.isFanFunding = true;
      if (messageId) superChat.messageId = messageId;
      return build('super_chat', author, superChat);
    }
    case 'superStickerEvent': {
      const details = snippet.superStickerDetails;
      const sticker = details?.superStickerMetadata;
      if (!details || typeof sticker?.stickerId !== 'string') return missing('superStickerDetails.superStickerMetadata.stickerId');
      const amount = money(details);
      if (typeof amount === 'string') return unknownMessage(item, amount, context);
      const data = amount as PlatformEvent<'youtube', 'super_sticker'>['data'];
      data.stickerId = sticker.stickerId;
      if (sticker.altText !== undefined) data.altText = sticker.altText;
      const language = sticker.altTextLanguage ?? sticker.language;
      if (language !== undefined) data.altTextLanguage = language;
      if (typeof details.tier === 'number') data.tier = details.tier;
      if (messageId) data.messageId = messageId;
      return build('super_sticker', author, data);
    }
    case 'newSponsorEvent': {
      const details = snippet.newSponsorDetails;
      const data: PlatformEvent<'youtube', 'new_subscriber'>['data'] = {};
      if (details?.memberLevelName !== undefined) data.tier = details.memberLevelName;
      if (details?.isUpgrade !== undefined) data.isUpgrade = details.isUpgrade;
      return build('new_subscriber', author, data);
    }
    case 'memberMilestoneChatEvent': {
      const details = snippet.memberMilestoneChatDetails;
      if (typeof details?.memberMonth !== 'number') return missing('memberMilestoneChatDetails.memberMonth');
      const data: PlatformEvent<'youtube', 'member_milestone'>['data'] = { memberMonths: details.memberMonth };
      if (details.userComment) data.message = details.userComment;
      if (details.memberLevelName !== undefined) data.tier = details.memberLevelName;
      return build('member_milestone', author, data);
    }
    case 'membershipGiftingEvent': {
      const details = snippet.membershipGiftingDetails;
      if (typeof details?.giftMembershipsCount !== 'number') return missing('membershipGiftingDetails.giftMembershipsCount');
      const data: PlatformEvent<'youtube', 'membership_gift'>['data'] = {
        tier: details.giftMembershipsLevelName ?? '',
        giftCount: details.giftMembershipsCount,
      };
      if (messageId) data.messageId = messageId;
      return build('membership_gift', author, data);
    }
    case 'giftMembershipReceivedEvent': {
      const details = snippet.giftMembershipReceivedDetails;
      if (typeof details?.gifterChannelId !== 'string') return missing('giftMembershipReceivedDetails.gifterChannelId');
      const data: PlatformEvent<'youtube', 'gift_membership_received'>['data'] = {
        tier: details.memberLevelName ?? '',
        gifterChannelId: details.gifterChannelId,
      };
      if (details.associatedMembershipGiftingMessageId) data.giftMessageId = details.associatedMembershipGiftingMessageId;
      return build('gift_membership_received', author, data);
    }
    case 'messageDeletedEvent': {
      const removed = snippet.messageDeletedDetails?.deletedMessageId;
      if (typeof removed !== 'string') return missing('messageDeletedDetails.deletedMessageId');
      return build('message_deleted', author, { messageId: removed, via: 'messageDeletedEvent' });
    }
    case 'tombstone': {
      if (!item.id) return missing('an id');
      return build('message_deleted', author, { messageId: item.id, via: 'tombstone' });
    }
    case 'messageRetractedEvent': {
      const removed = snippet.messageRetractedDetails?.retractedMessageId;
      if (typeof removed !== 'string') return missing('messageRetractedDetails.retractedMessageId');
      return build('message_retracted', author, { messageId: removed });
    }
    case 'userBannedEvent': {
      const details = snippet.userBannedDetails;
      const bannedDetails = details?.bannedUserDetails;
      if (!details || typeof bannedDetails?.channelId !== 'string') return missing('userBannedDetails.bannedUserDetails.channelId');
      const banned = toIdentity(bannedDetails, bannedDetails.channelId);
      const duration = parseInt64(details.banDurationSeconds);
      if (details.banDurationSeconds !== undefined && duration === undefined) {
        return unknownMessage(item, `banDurationSeconds is not an integer string (${JSON.stringify(details.banDurationSeconds)})`, context);
      }
      const publishedAt = parseTimestamp(snippet.publishedAt);
      const data: PlatformEvent<'youtube', 'user_banned'>['data'] = { moderator: toUserRef(author) };
      if (details.banType !== undefined) {
        data.banType = details.banType;
        data.isPermanent = details.banType === 'permanent';
      }
      if (duration !== undefined) {
        data.banDurationSeconds = details.banDurationSeconds!;
        if (publishedAt !== undefined) data.endsAt = Number(BigInt(publishedAt) + duration * 1000n);
      }
      return build('user_banned', banned, data);
    }
    case 'pollEvent': {
      const data = pollData(item.id, snippet.pollDetails);
      if (typeof data === 'string') return unknownMessage(item, data, context);
      return build(pollType ?? defaultPollType(snippet.pollDetails), author, data);
    }
    case 'giftEvent': {
      const details = snippet.giftDetails;
      if (!details || typeof details.giftName !== 'string') return missing('giftDetails.giftName');
      const data: PlatformEvent<'youtube', 'jewels_gift'>['data'] = {
        giftName: details.giftName,
        jewelsAmount: typeof details.jewelsAmount === 'number' ? details.jewelsAmount : 0,
        comboCount: typeof details.comboCount === 'number' ? details.comboCount : 1,
      };
      if (details.giftUrl !== undefined) data.giftUrl = details.giftUrl;
      if (details.altText !== undefined) data.altText = details.altText;
      if (typeof details.giftDuration === 'number') data.giftDuration = details.giftDuration;
      if (typeof details.hasVisualEffect === 'boolean') data.hasVisualEffect = details.hasVisualEffect;
      if (messageId) data.messageId = messageId;
      return build('jewels_gift', author, data);
    }
    case 'sponsorOnlyModeStartedEvent':
      return build('members_only_mode', author, { enabled: true });
    case 'sponsorOnlyModeEndedEvent':
      return build('members_only_mode', author, { enabled: false });
    case 'chatEndedEvent':
      return build('stream_offline', undefined, { reason: 'chatEndedEvent' });
    default:
      return unknownMessage(item, `no mapping for snippet.type "${snippet.type}"`, context);
  }
}

function isPlainUser(user: StreamUser): boolean {
  return (
    typeof user.id === 'string' &&
    typeof user.username === 'string' &&
    typeof user.nickname === 'string' &&
    (user.profilePictureUrl === undefined || typeof user.profilePictureUrl === 'string')
  );
}

/**
 * One `liveChatMessage` to a typed event. `pollType` (from the pipeline's poll tracker) picks the
 * poll event type. Never throws: an item that is not an object, lacks what its type needs, or
 * breaks the documented field types (data checked against the catalogue with `validateData`, except on
 * the chat hot path, which checks its few fields directly) becomes `unknown` with the reason.
 */
export function normalizeMessage(item: RawLiveChatMessage, context: NormalizeContext = {}, pollType?: PollEventType): YouTubeEvent {
  let event: YouTubeEvent;
  try {
    event = mapMessage(item, context, pollType);
  } catch (error) {
    return unknownMessage(
      item,
      `the item does not have the documented shape: ${error instanceof Error ? error.message : String(error)}`,
      context,
    );
  }
  if (event.type === 'unknown' || event.type === 'chat') return event;
  // The envelope (id, timestamp, meta) is built from checked values; the data and the user are not.
  const checked = validateData('youtube', event.type, event.data);
  if (checked.ok && isPlainUser(event.user)) return event;
  const issues = checked.ok ? ['user: not the documented author fields'] : checked.issues.map((issue) => `${issue.path}: ${issue.message}`);
  return unknownMessage(item, `the item does not have the documented shape: ${issues.join('; ')}`, context);
}
