import { scriptHypeRate, scriptPulsoid, HYPERATE_FAKE_DEVICE_ID, type HeartRateScript } from './all-heartrate.js';
import { KICK_FAKE_CHANNEL, scriptKick, type KickScript } from './all-kick.js';
import { scriptMultistreamer, type MultistreamerScript } from './all-multistreamer.js';
import type { FakeBackoff, FakeConnectionOptions } from './all-options.js';
import { scriptStreamElements, scriptStreamlabs, type StreamElementsScript, type StreamlabsScript } from './all-socketio.js';
import { scriptTikTok, type TikTokScript } from './all-tiktok.js';
import { scriptTwitch, type TwitchScript } from './all-twitch.js';
import { scriptYouTube, type YouTubeScript } from './all-youtube.js';
import { startHypeRateFake, type HypeRateFake } from './heartrate/hyperate.js';
import { startPulsoidFake, type PulsoidFake } from './heartrate/pulsoid.js';
import { startKickPusherFake } from './kick/pusher-server.js';
import { startMultistreamerFake } from './multistreamer/index.js';
import { startStreamElementsFake, STREAMELEMENTS_FAKE_JWT } from './streamelements/index.js';
import { startStreamlabsFake, STREAMLABS_FAKE_TOKEN } from './streamlabs/index.js';
import { startTikTokFake } from './tiktok/index.js';
import { startTwitchFake } from './twitch/fake.js';
import { startYouTubeFake } from './youtube/server.js';

/** The Sign API key the TikTok fake of {@link startAllFakes} requires. */
export const TIKTOK_FAKE_SIGN_API_KEY = 'vmsc-fake-sign-api-key';

/** Options of {@link startAllFakes}. */
export interface StartAllFakesOptions {
  /** Reconnect backoff put into every `connectionOptions` entry. Default 50 ms doubling to 1 s, no jitter. */
  backoff?: FakeBackoff;
  /**
   * How often the YouTube fake asks to be polled, ms (default 50). The chat starts empty (no backlog),
   * so only what you script arrives.
   */
  youtubePollingIntervalMs?: number;
  /**
   * The YouTube fake's daily quota, units (default 10,000, YouTube's default). At the default 50 ms
   * polling interval a connector spends that in under two minutes, as it would on YouTube: raise it
   * for long runs.
   */
  youtubeQuotaLimit?: number;
}

/** Every platform's fake, started by {@link startAllFakes}, each with its uniform scripting API. */
export interface AllFakes {
  readonly kick: KickScript;
  readonly twitch: TwitchScript;
  readonly tiktok: TikTokScript;
  readonly youtube: YouTubeScript;
  readonly streamlabs: StreamlabsScript;
  readonly streamelements: StreamElementsScript;
  /** Pulsoid (source `heartrate`). */
  readonly heartrate: HeartRateScript<PulsoidFake>;
  /** HypeRate (source `heartrate`). */
  readonly hyperate: HeartRateScript<HypeRateFake>;
  readonly multistreamer: MultistreamerScript;
  /** Exactly what each real connector needs to connect to its fake (URLs, fake credentials, a fast backoff). */
  readonly connectionOptions: FakeConnectionOptions;
  /** Drops every connection of every fake at once. */
  dropAllConnections(): void;
  /** Resolves once every connector of `platforms` (default all) has a connected client. */
  waitForClients(platforms?: readonly FakePlatform[], timeoutMs?: number): Promise<void>;
  /** Stops every fake. */
  close(): Promise<void>;
}

/** A key of {@link AllFakes} naming one platform's fake. */
export type FakePlatform =
  'kick' | 'twitch' | 'tiktok' | 'youtube' | 'streamlabs' | 'streamelements' | 'heartrate' | 'hyperate' | 'multistreamer';

/** Every platform name of {@link AllFakes}, in a stable order. */
export const FAKE_PLATFORMS: readonly FakePlatform[] = [
  'kick',
  'twitch',
  'tiktok',
  'youtube',
  'streamlabs',
  'streamelements',
  'heartrate',
  'hyperate',
  'multistreamer',
];

/**
 * Starts a fake of every platform on 127.0.0.1 (port 0 each: nothing to configure, nothing to
 * collide), each speaking the platform's real wire protocol. Point the real connectors at them with
 * `fakes.connectionOptions.<platform>`, then script events with `fakes.<platform>.chat(...)`,
 * `.gift(...)`, `.follow(...)`... Every scripting call waits until a client is connected (and
 * subscribed), so it is safe to call right after `connect()`.
 *
 * @example
 * ```ts
 * const fakes = await startAllFakes();
 * const bus = new EventBus();
 * const kick = new KickConnector({ bus, ...fakes.connectionOptions.kick });
 * await kick.connect();
 * const chat = waitForEvent(bus, 'chat');
 * await fakes.kick.chat({ username: 'viewer1', content: '!dice' });
 * expect((await chat).data.text).toBe('!dice');
 * await kick.disconnect();
 * await fakes.close();
 * ```
 */
export async function startAllFakes(options: StartAllFakesOptions = {}): Promise<AllFakes> {
  const backoff = options.backoff ?? { initialDelayMs: 50, maxDelayMs: 1_000, jitterMs: 0 };
  const [kickPusher, twitch, tiktok, youtube, streamlabs, streamelements, pulsoid, hyperate, multistreamer] = await Promise.all([
    startKickPusherFake(),
    startTwitchFake(),
    startTikTokFake({ apiKey: TIKTOK_FAKE_SIGN_API_KEY }),
    startYouTubeFake({
      pollingIntervalMillis: options.youtubePollingIntervalMs ?? 50,
      backlog: [],
      activePollItem: null,
      ...(options.youtubeQuotaLimit === undefined ? {} : { quotaLimit: options.youtubeQuotaLimit }),
    }),
    startStreamlabsFake(),
    startStreamElementsFake(),
    startPulsoidFake(),
    startHypeRateFake(),
    startMultistreamerFake(),
  ]);
  const fakes = {
    kick: scriptKick(kickPusher),
    twitch: scriptTwitch(twitch),
    tiktok: scriptTikTok(tiktok),
    youtube: scriptYouTube(youtube),
    streamlabs: scriptStreamlabs(streamlabs),
    streamelements: scriptStreamElements(streamelements),
    heartrate: scriptPulsoid(pulsoid),
    hyperate: scriptHypeRate(hyperate),
    multistreamer: scriptMultistreamer(multistreamer),
  };
  const connectionOptions: FakeConnectionOptions = {
    kick: { channel: { ...KICK_FAKE_CHANNEL }, wsHost: kickPusher.host, wsPort: kickPusher.port, forceTLS: false, keyRefresh: false },
    twitch: {
      clientId: twitch.clientId,
      auth: 'test-token',
      broadcaster: 'cool_user',
      urls: { eventsub: twitch.eventsubUrl, helix: twitch.helixUrl, auth: twitch.authUrl },
      backoff,
    },
    tiktok: {
      roomId: tiktok.roomId,
      uniqueId: tiktok.uniqueId,
      signApi: { url: tiktok.url, apiKey: TIKTOK_FAKE_SIGN_API_KEY },
      webBaseUrl: tiktok.url,
      webcastBaseUrl: tiktok.url,
      backoff,
    },
    youtube: { auth: { apiKey: youtube.apiKey }, target: { videoId: youtube.videoId }, apiBaseUrl: youtube.url, backoff },
    streamlabs: { socketToken: STREAMLABS_FAKE_TOKEN, url: streamlabs.url, backoff },
    streamelements: { token: STREAMELEMENTS_FAKE_JWT, method: 'jwt', url: streamelements.url, backoff },
    heartrate: { token: pulsoid.token, url: pulsoid.url, backoff },
    hyperate: { token: hyperate.token, deviceId: HYPERATE_FAKE_DEVICE_ID, url: hyperate.url, backoff },
    multistreamer: { url: multistreamer.url, token: multistreamer.token, backoff },
  };
  return {
    ...fakes,
    connectionOptions,
    dropAllConnections() {
      for (const platform of FAKE_PLATFORMS) fakes[platform].dropConnections();
    },
    async waitForClients(platforms = FAKE_PLATFORMS, timeoutMs) {
      await Promise.all(platforms.map((platform) => fakes[platform].waitForClient(timeoutMs)));
    },
    async close() {
      await Promise.all([
        kickPusher.close(),
        twitch.close(),
        tiktok.close(),
        youtube.close(),
        streamlabs.close(),
        streamelements.close(),
        pulsoid.close(),
        hyperate.close(),
        multistreamer.close(),
      ]);
    },
  };
}
