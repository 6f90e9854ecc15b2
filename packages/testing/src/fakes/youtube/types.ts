/** A liveChatMessage as the fake serves it (the Data API's JSON shape, loosely typed). */
export interface YouTubeFakeMessage {
  kind?: string;
  etag?: string;
  id: string;
  snippet: { type: string; liveChatId?: string; authorChannelId?: string; publishedAt?: string; [key: string]: unknown };
  authorDetails?: {
    channelId: string;
    channelUrl?: string;
    displayName: string;
    profileImageUrl?: string;
    isVerified?: boolean;
    isChatOwner?: boolean;
    isChatSponsor?: boolean;
    isChatModerator?: boolean;
  };
}

/** Google's JSON error envelope. */
export interface YouTubeFakeErrorBody {
  error: {
    code: number;
    message: string;
    errors: Array<{ message: string; domain: string; reason: string; location?: string; locationType?: string }>;
    status?: string;
  };
}
