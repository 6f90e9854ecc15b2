import type { YouTubeFakeMessage } from './types.js';

/** The author of scripted messages unless another is given. */
export interface YouTubeFakeAuthor {
  channelId: string;
  displayName: string;
  isChatOwner?: boolean;
  isChatSponsor?: boolean;
  isChatModerator?: boolean;
}

/** A default viewer for scripted messages. */
export const YOUTUBE_FAKE_VIEWER: YouTubeFakeAuthor = { channelId: 'UCfakeViewerXXXXXXXXXXXA', displayName: '@fake_viewer' };

let counter = 0;

/** A fresh message id in YouTube's style. */
export function freshYouTubeMessageId(): string {
  counter++;
  return `LCC.fake-${Date.now().toString(36)}-${counter}`;
}

/** RFC 3339 with microseconds and a `+00:00` offset, as YouTube writes `publishedAt`. */
export function youtubeTimestamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace('Z', '000+00:00');
}

/**
 * Builds a liveChatMessage of any `snippet.type` with its details object, e.g.
 * `youtubeMessage('superChatEvent', { superChatDetails: { amountMicros: '1750000', currency: 'USD' } })`.
 */
export function youtubeMessage(
  type: string,
  details: Record<string, unknown> = {},
  options: { id?: string; author?: YouTubeFakeAuthor; liveChatId?: string; publishedAt?: string; displayMessage?: string } = {},
): YouTubeFakeMessage {
  const author = options.author ?? YOUTUBE_FAKE_VIEWER;
  return {
    kind: 'youtube#liveChatMessage',
    etag: `etag-${counter}`,
    id: options.id ?? freshYouTubeMessageId(),
    snippet: {
      type,
      ...(options.liveChatId ? { liveChatId: options.liveChatId } : {}),
      authorChannelId: author.channelId,
      publishedAt: options.publishedAt ?? youtubeTimestamp(),
      hasDisplayContent: options.displayMessage !== undefined,
      ...(options.displayMessage !== undefined ? { displayMessage: options.displayMessage } : {}),
      ...details,
    },
    authorDetails: {
      channelId: author.channelId,
      channelUrl: `http://www.youtube.com/channel/${author.channelId}`,
      displayName: author.displayName,
      profileImageUrl: `https://yt4.ggpht.com/ytc/fake_${author.channelId}=s88-c-k-c0x00ffffff-no-rj`,
      isVerified: false,
      isChatOwner: author.isChatOwner ?? false,
      isChatSponsor: author.isChatSponsor ?? false,
      isChatModerator: author.isChatModerator ?? false,
    },
  };
}

/** A `textMessageEvent`. */
export function youtubeTextMessage(text: string, options: { id?: string; author?: YouTubeFakeAuthor } = {}): YouTubeFakeMessage {
  return youtubeMessage('textMessageEvent', { textMessageDetails: { messageText: text } }, { ...options, displayMessage: text });
}

/** A Jewels `giftEvent`; send it again with the same id and a higher `comboCount` for a combo. */
export function youtubeGiftEvent(
  comboCount: number,
  options: { id?: string; author?: YouTubeFakeAuthor; giftName?: string; jewelsAmount?: number } = {},
): YouTubeFakeMessage {
  return youtubeMessage(
    'giftEvent',
    {
      giftDetails: {
        giftName: options.giftName ?? 'Heart',
        giftUrl: 'https://www.gstatic.com/youtube/img/jewels/heart.png',
        altText: 'Heart',
        jewelsAmount: options.jewelsAmount ?? 10,
        comboCount,
        giftDuration: 5,
        hasVisualEffect: true,
        language: 'en',
      },
    },
    options,
  );
}
