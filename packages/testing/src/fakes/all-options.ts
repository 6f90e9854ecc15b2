/**
 * The options each real connector needs to connect to its fake, as plain objects: spread them into
 * the connector's constructor next to your bus, e.g. `new KickConnector({ bus, ...fakes.connectionOptions.kick })`.
 * (Plain structural types: `@vmsc/testing` does not depend on the connector packages.)
 *
 * @packageDocumentation
 */

/** The reconnect backoff given to every connector: fast, no jitter (tests stay quick). */
export interface FakeBackoff {
  initialDelayMs: number;
  maxDelayMs: number;
  jitterMs: number;
}

/** `KickConnector` options (the channel's ids are given, so no lookup; key refresh off). */
export interface KickFakeConnectionOptions {
  channel: { slug: string; chatroomId: number; channelId: number };
  wsHost: string;
  wsPort: number;
  forceTLS: false;
  keyRefresh: false;
}

/** `TwitchConnector` options. */
export interface TwitchFakeConnectionOptions {
  clientId: string;
  auth: string;
  broadcaster: string;
  urls: { eventsub: string; helix: string; auth: string };
  backoff: FakeBackoff;
}

/** `TikTokConnector` options (Sign API, web and webcast hosts all on the fake). */
export interface TikTokFakeConnectionOptions {
  roomId: string;
  uniqueId: string;
  signApi: { url: string; apiKey: string };
  webBaseUrl: string;
  webcastBaseUrl: string;
  backoff: FakeBackoff;
}

/** `YouTubeConnector` options. */
export interface YouTubeFakeConnectionOptions {
  auth: { apiKey: string };
  target: { videoId: string };
  apiBaseUrl: string;
  backoff: FakeBackoff;
}

/** `StreamlabsConnector` options. */
export interface StreamlabsFakeConnectionOptions {
  socketToken: string;
  url: string;
  backoff: FakeBackoff;
}

/** `StreamElementsConnector` options. */
export interface StreamElementsFakeConnectionOptions {
  token: string;
  method: 'jwt';
  url: string;
  backoff: FakeBackoff;
}

/** `PulsoidConnector` options. */
export interface PulsoidFakeConnectionOptions {
  token: string;
  url: string;
  backoff: FakeBackoff;
}

/** `HypeRateConnector` options. */
export interface HypeRateFakeConnectionOptions {
  token: string;
  deviceId: string;
  url: string;
  backoff: FakeBackoff;
}

/** `MultistreamerClient` options. */
export interface MultistreamerFakeConnectionOptions {
  url: string;
  token: string;
  backoff: FakeBackoff;
}

/** Every connector's options, by platform. */
export interface FakeConnectionOptions {
  kick: KickFakeConnectionOptions;
  twitch: TwitchFakeConnectionOptions;
  tiktok: TikTokFakeConnectionOptions;
  youtube: YouTubeFakeConnectionOptions;
  streamlabs: StreamlabsFakeConnectionOptions;
  streamelements: StreamElementsFakeConnectionOptions;
  /** Pulsoid (the `heartrate` source). */
  heartrate: PulsoidFakeConnectionOptions;
  /** HypeRate (also the `heartrate` source). */
  hyperate: HypeRateFakeConnectionOptions;
  multistreamer: MultistreamerFakeConnectionOptions;
}
