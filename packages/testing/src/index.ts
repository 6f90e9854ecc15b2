// Shared helpers
export { closeAllFakes, registerCleanup, openFakeCount } from './cleanup.js';
export { startHttpServer, startWsServer, freePort, LOOPBACK_HOST } from './loopback.js';
export type { LoopbackHttpServer, LoopbackWsServer, WsServerOptions } from './loopback.js';
export { waitForEvent, collectEvents, waitUntil } from './wait.js';
export { ManualClock } from './manual-clock.js';
export { startNatsServer } from './nats-server.js';
export type { NatsServer, NatsServerOptions } from './nats-server.js';
export type { WaitOptions, EventCollector } from './wait.js';
export { playScript } from './script.js';
export type { ScriptStep } from './script.js';
export {
  sampleEvents,
  tiktokSamples,
  twitchSamples,
  youtubeSamples,
  kickSamples,
  streamlabsSamples,
  streamelementsSamples,
  heartrateSamples,
} from './samples/index.js';

// Platform fakes (one module per platform, added by each connector)
export { startStreamlabsFake, STREAMLABS_FAKE_TOKEN, streamlabsFixtures } from './fakes/streamlabs/index.js';
export type {
  StreamlabsFake,
  StreamlabsFakeOptions,
  StreamlabsFakeConnection,
  SocketIoPingCounts,
  StreamlabsFixtureName,
} from './fakes/streamlabs/index.js';
export {
  startStreamElementsFake,
  STREAMELEMENTS_FAKE_JWT,
  STREAMELEMENTS_FAKE_OAUTH2,
  STREAMELEMENTS_FAKE_APIKEY,
  streamelementsActivityFixtures,
  streamelementsTestFixtures,
  streamelementsSessionUpdateFixture,
  astroChannelActivitiesFixture,
} from './fakes/streamelements/index.js';
export type {
  StreamElementsFake,
  StreamElementsFakeOptions,
  StreamElementsFakeConnection,
  StreamElementsFakeAuthMethod,
  StreamElementsActivityFixtureName,
} from './fakes/streamelements/index.js';
export { startPulsoidFake, startHypeRateFake, heartrateFixtures } from './fakes/heartrate/index.js';
export type {
  PulsoidFake,
  PulsoidFakeOptions,
  PulsoidFakeRequest,
  HypeRateFake,
  HypeRateFakeOptions,
  PhoenixClientMessage,
  UpgradeRefusal,
} from './fakes/heartrate/index.js';
export {
  startTwitchFake,
  TWITCH_CLOSE_REASONS,
  twitchNotificationFixtures,
  twitchProtocolFixtures,
  FAKE_SUBSCRIPTION_TYPES,
  ALL_FAKE_SCOPES,
  startTwitchOAuthFake,
} from './fakes/twitch/index.js';
export type {
  FakeTwitch,
  FakeTwitchOptions,
  FakeTwitchToken,
  FakeTwitchUser,
  FakeTwitchSession,
  FakeTwitchSubscription,
  FakeTwitchRequest,
  FakeTwitchFault,
  FakeNotifyOptions,
  TwitchNotificationFixture,
  TwitchNotificationFixtureName,
  FakeSubscriptionTypeVersion,
  TwitchOAuthFake,
  TwitchOAuthFakeOptions,
  TwitchDevicePoll,
  TwitchOAuthFakeToken,
} from './fakes/twitch/index.js';
export { startMultistreamerFake, multistreamerFixtures } from './fakes/multistreamer/index.js';
export type {
  MultistreamerFake,
  MultistreamerFakeOptions,
  MultistreamerAccount,
  MultistreamerStatusMessage,
  MultistreamerChatMessage,
  MultistreamerViewCountResult,
  MultistreamerWriterResult,
  MultistreamerClientMessage,
} from './fakes/multistreamer/index.js';
export {
  startKickPusherFake,
  KICK_FAKE_DEFAULT_APP_KEY,
  startKickApiFake,
  startKickOAuthFake,
  kickEventFrames,
} from './fakes/kick/index.js';
export { KickWebhookSender, generateKickWebhookKeys, signKickWebhook, fakeUlid } from './fakes/kick/index.js';
export type { KickWebhookKeys, KickWebhookSendInit, KickWebhookSendResult } from './fakes/kick/index.js';
export type {
  KickPusherFake,
  KickPusherFakeOptions,
  KickClientFrame,
  KickApiFake,
  KickApiFakeOptions,
  KickApiRequest,
  KickChatFailure,
  KickSentChat,
  KickFakeChannel,
  KickLookupMode,
  KickFixtureName,
  FakeKickOAuthServer,
  KickOAuthFakeOptions,
  KickOAuthFakeClient,
  KickOAuthFakeToken,
} from './fakes/kick/index.js';
export {
  startTikTokFake,
  TIKTOK_FAKE_ROOM_ID,
  TIKTOK_FAKE_UNIQUE_ID,
  TIKTOK_FAKE_TTWID,
  TIKTOK_FAKE_WS_PATH,
} from './fakes/tiktok/index.js';
export type {
  TikTokFake,
  TikTokFakeOptions,
  TikTokSignFailure,
  TikTokLookupMode,
  TikTokSignRequest,
  TikTokUpgrade,
  TikTokAck,
  TikTokBatchOptions,
  TikTokSentBatch,
} from './fakes/tiktok/index.js';
// The Webcast wire encoders, for connector tests that send hand-made (corrupt, split) frames through `sendRaw`.
export { encodePushFrame as encodeTikTokPushFrame, encodeFetchResult as encodeTikTokFetchResult } from './fakes/tiktok/proto.js';
export type { WebcastMessage, PushFrameInit, FetchResultInit } from './fakes/tiktok/proto.js';
export {
  chatMessage as tiktokChatMessage,
  giftMessage as tiktokGiftMessage,
  likeMessage as tiktokLikeMessage,
  memberMessage as tiktokMemberMessage,
  socialMessage as tiktokSocialMessage,
  roomUserSeqMessage as tiktokRoomUserSeqMessage,
  envelopeMessage as tiktokEnvelopeMessage,
  emoteChatMessage as tiktokEmoteChatMessage,
  subNotifyMessage as tiktokSubNotifyMessage,
  controlMessage as tiktokControlMessage,
  unmappedMessage as tiktokUnmappedMessage,
  corruptMessage as tiktokCorruptMessage,
  fakeViewer as tiktokFakeViewer,
  freshMsgId as tiktokFreshMsgId,
} from './fakes/tiktok/messages.js';
export type { FakeTikTokUser, FakeIdentity, CommonInit as TikTokCommonInit } from './fakes/tiktok/messages.js';
export {
  batchBasics as tiktokBatchBasics,
  batchGiftStreak as tiktokBatchGiftStreak,
  batchExtras as tiktokBatchExtras,
  historyMessages as tiktokHistoryMessages,
  streamEndMessage as tiktokStreamEndMessage,
  fakeModerator as tiktokFakeModerator,
} from './fakes/tiktok/scenarios.js';
export { busyBatch as tiktokBusyBatch, busyViewers as tiktokBusyViewers } from './fakes/tiktok/busy.js';
export {
  startYouTubeFake,
  YOUTUBE_FAKE_API_KEY,
  YOUTUBE_FAKE_ACCESS_TOKEN,
  youtubeMessage,
  youtubeTextMessage,
  youtubeGiftEvent,
  youtubeTimestamp,
  freshYouTubeMessageId,
  YOUTUBE_FAKE_VIEWER,
  youtubeErrorFixtures,
  youtubeListPage1Fixture,
  youtubeListPage2EmptyFixture,
  youtubeListChatEndedFixture,
  youtubeVideosListFixture,
  youtubeLiveBroadcastsListFixture,
  youtubeInsertRequestFixture,
  youtubeInsertResponseFixture,
} from './fakes/youtube/index.js';
export type {
  YouTubeFake,
  YouTubeFakeOptions,
  YouTubeFakeRequest,
  YouTubeFakeFault,
  YouTubeFakeVideoState,
  YouTubeFakeAuthor,
  YouTubeFixtureErrorName,
  YouTubeFakeMessage,
  YouTubeFakeErrorBody,
} from './fakes/youtube/index.js';

export {
  startObsFake,
  ObsFakeState,
  OBS_FAKE_DEFAULT_SCENES,
  OBS_FAKE_DEFAULT_INPUTS,
  OBS_FAKE_DEFAULT_HOTKEYS,
  OBS_FAKE_REQUEST_TYPES,
  ObsOpCode,
  ObsCloseCode,
  ObsRequestStatus,
  ObsEventSubscription,
  OBS_RPC_VERSION,
  obsAuthenticationString,
} from './fakes/obs/index.js';
export type {
  ObsFake,
  ObsFakeOptions,
  ObsFakeRequest,
  ObsFakeClose,
  ObsFakeFailure,
  ObsFakeEvent,
  ObsFakeScene,
  ObsFakeSceneItem,
  ObsFakeInput,
  ObsFakeOutput,
  ObsFakeSceneInit,
  ObsFakeInputInit,
  ObsJsonObject,
} from './fakes/obs/index.js';

// Property-based testing helpers (fast-check)
export {
  checkProperty,
  checkAsyncProperty,
  DEFAULT_PROPERTY_SEED,
  mutatedBytes,
  mutatedJson,
  mutatedJsonOf,
  arbitraryFrameText,
  expectValidEvent,
  expectTypedError,
} from './properties/index.js';
export type { CheckPropertyOptions, JsonLike } from './properties/index.js';

// Every fake at once, with one uniform scripting API per platform
export { startAllFakes, FAKE_PLATFORMS, TIKTOK_FAKE_SIGN_API_KEY } from './fakes/all.js';
export type { AllFakes, StartAllFakesOptions, FakePlatform } from './fakes/all.js';
export { KICK_FAKE_CHANNEL, scriptKick } from './fakes/all-kick.js';
export type { KickScript } from './fakes/all-kick.js';
export type { TwitchScript } from './fakes/all-twitch.js';
export type { TikTokScript } from './fakes/all-tiktok.js';
export type { YouTubeScript } from './fakes/all-youtube.js';
export type { StreamlabsScript, StreamElementsScript } from './fakes/all-socketio.js';
export { HYPERATE_FAKE_DEVICE_ID } from './fakes/all-heartrate.js';
export type { HeartRateScript } from './fakes/all-heartrate.js';
export type { MultistreamerScript } from './fakes/all-multistreamer.js';
export type { ScriptedFake } from './fakes/all-shared.js';
export type {
  FakeConnectionOptions,
  FakeBackoff,
  KickFakeConnectionOptions,
  TwitchFakeConnectionOptions,
  TikTokFakeConnectionOptions,
  YouTubeFakeConnectionOptions,
  StreamlabsFakeConnectionOptions,
  StreamElementsFakeConnectionOptions,
  PulsoidFakeConnectionOptions,
  HypeRateFakeConnectionOptions,
  MultistreamerFakeConnectionOptions,
} from './fakes/all-options.js';

// Shared test helpers: a reproducible PRNG for fault tests, bus recording and the live-session property outcome
export { seededRandom, recordBus, expectSessionSurvived, trackConnectors, sessionsPerTest } from './properties/index.js';
export type { BusRecording, ConnectorTracker, Disconnectable } from './properties/index.js';
export { startWebhookReceiver } from './fakes/webhook/index.js';
export type { WebhookReceiver, WebhookReceiverOptions, WebhookRequest, WebhookAnswer } from './fakes/webhook/index.js';
export { startGoogleOAuthFake } from './fakes/google/index.js';
export type { GoogleOAuthFake, GoogleOAuthFakeOptions } from './fakes/google/index.js';
