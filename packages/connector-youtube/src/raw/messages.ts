/**
 * The YouTube Data API v3 live chat resources as they arrive on the wire (JSON), from the
 * discovery document (`Schema$LiveChatMessage*`) and the resource page. int64/uint64 fields are
 * JSON strings. Everything is optional where YouTube may leave it out, so normalizers check.
 *
 * @packageDocumentation
 */

/** `authorDetails` of a liveChatMessage (absent on `tombstone`). */
export interface RawAuthorDetails {
  channelId?: string;
  channelUrl?: string;
  displayName?: string;
  profileImageUrl?: string;
  isVerified?: boolean;
  isChatOwner?: boolean;
  /** A member ("sponsor" is the old word). */
  isChatSponsor?: boolean;
  isChatModerator?: boolean;
}

/** `superChatDetails`. */
export interface RawSuperChatDetails {
  /** int64 as a string: 1,750,000 = 1.75 of the currency. */
  amountMicros?: string;
  currency?: string;
  amountDisplayString?: string;
  userComment?: string;
  tier?: number;
}

/** `superStickerDetails`. */
export interface RawSuperStickerDetails {
  superStickerMetadata?: { stickerId?: string; altText?: string; altTextLanguage?: string; language?: string };
  amountMicros?: string;
  currency?: string;
  amountDisplayString?: string;
  tier?: number;
}

/** `fanFundingEventDetails` (legacy). */
export interface RawFanFundingDetails {
  amountMicros?: string;
  currency?: string;
  amountDisplayString?: string;
  userComment?: string;
}

/** `userBannedDetails`; the message's author is the moderator. */
export interface RawUserBannedDetails {
  bannedUserDetails?: { channelId?: string; channelUrl?: string; displayName?: string; profileImageUrl?: string };
  banType?: 'permanent' | 'temporary' | string;
  /** uint64 as a string; only for temporary bans. */
  banDurationSeconds?: string;
}

/** `pollDetails` (and `activePollItem.snippet.pollDetails`). */
export interface RawPollDetails {
  metadata?: { questionText?: string; options?: Array<{ optionText?: string; tally?: string }> };
  status?: string;
}

/** `giftDetails` of a Jewels `giftEvent`. */
export interface RawGiftDetails {
  giftName?: string;
  giftUrl?: string;
  altText?: string;
  jewelsAmount?: number;
  comboCount?: number;
  giftDuration?: number;
  hasVisualEffect?: boolean;
  language?: string;
}

/** `snippet` of a liveChatMessage: `type` says which details object is set. */
export interface RawSnippet {
  type?: string;
  liveChatId?: string;
  authorChannelId?: string;
  /** RFC 3339 with microseconds and a `+00:00` offset. */
  publishedAt?: string;
  hasDisplayContent?: boolean;
  /** Rendered human text; absent for silent types. */
  displayMessage?: string;
  textMessageDetails?: { messageText?: string };
  superChatDetails?: RawSuperChatDetails;
  superStickerDetails?: RawSuperStickerDetails;
  fanFundingEventDetails?: RawFanFundingDetails;
  newSponsorDetails?: { memberLevelName?: string; isUpgrade?: boolean };
  memberMilestoneChatDetails?: { memberLevelName?: string; memberMonth?: number; userComment?: string };
  membershipGiftingDetails?: { giftMembershipsCount?: number; giftMembershipsLevelName?: string };
  giftMembershipReceivedDetails?: { memberLevelName?: string; gifterChannelId?: string; associatedMembershipGiftingMessageId?: string };
  messageDeletedDetails?: { deletedMessageId?: string };
  messageRetractedDetails?: { retractedMessageId?: string };
  userBannedDetails?: RawUserBannedDetails;
  pollDetails?: RawPollDetails;
  giftDetails?: RawGiftDetails;
}

/** One `youtube#liveChatMessage`. */
export interface RawLiveChatMessage {
  kind?: string;
  etag?: string;
  id?: string;
  snippet?: RawSnippet;
  authorDetails?: RawAuthorDetails;
}

/**
 * A `youtube#liveChatMessageListResponse`: one polled page, or one element of the streamed array
 * (which has no `pollingIntervalMillis`).
 */
export interface RawListResponse {
  kind?: string;
  etag?: string;
  nextPageToken?: string;
  /** Wait this long before the next `list` call. */
  pollingIntervalMillis?: number;
  /** Set once the stream is offline. */
  offlineAt?: string;
  pageInfo?: { totalResults?: number; resultsPerPage?: number };
  items?: RawLiveChatMessage[];
  /** The current poll, at most one per chat. */
  activePollItem?: RawLiveChatMessage;
}
