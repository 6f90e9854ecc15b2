export { startKickPusherFake, KICK_FAKE_DEFAULT_APP_KEY } from './pusher-server.js';
export type { KickPusherFake, KickPusherFakeOptions, KickClientFrame } from './pusher-server.js';
export { startKickApiFake } from './api-server.js';
export { startKickOAuthFake } from './oauth-server.js';
export type { FakeKickOAuthServer, KickOAuthFakeOptions, KickOAuthFakeClient, KickOAuthFakeToken } from './oauth-server.js';
export type { KickChatFailure, KickSentChat } from './chat-endpoint.js';
export type { KickApiFake, KickApiFakeOptions, KickApiRequest, KickFakeChannel, KickLookupMode } from './api-server.js';
export {
  kickEventFrames,
  kickConnectionEstablishedFrame,
  kickSubscriptionSucceededFrame,
  kickChannelV2Response,
  kickChatConnectionResponse,
  cloudflareChallengeHtml,
} from './fixtures.js';
export type { KickFixtureName } from './fixtures.js';
export { KickWebhookSender, generateKickWebhookKeys, signKickWebhook, fakeUlid } from './webhook-sender.js';
export type { KickWebhookKeys, KickWebhookSendInit, KickWebhookSendResult } from './webhook-sender.js';
