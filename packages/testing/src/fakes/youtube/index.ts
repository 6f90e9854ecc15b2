/**
 * The fake YouTube Data API v3 (live chat): a real HTTP server on 127.0.0.1.
 *
 * @packageDocumentation
 */
export { startYouTubeFake, YOUTUBE_FAKE_API_KEY, YOUTUBE_FAKE_ACCESS_TOKEN } from './server.js';
export type { YouTubeFake, YouTubeFakeOptions, YouTubeFakeRequest, YouTubeFakeFault, YouTubeFakeVideoState } from './server.js';
export {
  youtubeMessage,
  youtubeTextMessage,
  youtubeGiftEvent,
  youtubeTimestamp,
  freshYouTubeMessageId,
  YOUTUBE_FAKE_VIEWER,
} from './messages.js';
export type { YouTubeFakeAuthor } from './messages.js';
export {
  youtubeErrorFixtures,
  listPage1Fixture as youtubeListPage1Fixture,
  listPage2EmptyFixture as youtubeListPage2EmptyFixture,
  listChatEndedFixture as youtubeListChatEndedFixture,
  videosListFixture as youtubeVideosListFixture,
  liveBroadcastsListFixture as youtubeLiveBroadcastsListFixture,
  insertRequestFixture as youtubeInsertRequestFixture,
  insertResponseFixture as youtubeInsertResponseFixture,
} from './fixtures.js';
export type { YouTubeFixtureErrorName } from './fixtures.js';
export type { YouTubeFakeMessage, YouTubeFakeErrorBody } from './types.js';
