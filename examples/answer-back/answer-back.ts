import { fileURLToPath } from 'node:url';
import { startCommand } from '@vmsc/cli';
import { captureIo } from '../capture-io.js';
import { EventBus } from '@vmsc/core';
import type { OverlayAlert } from '@vmsc/core/protocol';
import { VmscMirrorClient } from '@vmsc/custom-ws-client';
import {
  generateKickWebhookKeys,
  KickWebhookSender,
  startAllFakes,
  startKickApiFake,
  startObsFake,
  startWebhookReceiver,
  waitUntil,
  type AllFakes,
  type KickApiFake,
  type ObsFake,
  type WebhookReceiver,
} from '@vmsc/testing';

/**
 * The answer-back example: `rules.json` run by `vmsc start` with `vmsc.config.json`, against local
 * fakes of Twitch, YouTube, Kick and OBS and a local webhook. The rules answer `!dice` on the
 * platform that asked, switch OBS to the "BRB" scene on `!brb`, and on a follow call the streamer's
 * alert webhook and thank the follower. Only endpoints (the fakes' random ports) and the fakes'
 * credentials (environment variables, by the names the config gives) come from here: the rules file
 * and the config are exactly what a streamer writes.
 *
 * @packageDocumentation
 */

/** The example's config file, next to this module. */
export const CONFIG_FILE = fileURLToPath(new URL('./vmsc.config.json', import.meta.url));

/** What one run of the example saw. */
export interface AnswerBackRun {
  /** The chat messages each platform received from the hub. */
  replies: { twitch: string[]; youtube: string[]; kick: string[] };
  /** OBS's program scene afterwards. */
  programScene: string;
  /** The JSON bodies the alert webhook received. */
  webhookCalls: unknown[];
  /** The alerts an overlay connected to the hub was shown. */
  overlayAlerts: OverlayAlert[];
  /** What the hub printed. */
  output: string;
}

/** The running fakes the example's hub talks to. */
interface Fakes {
  platforms: AllFakes;
  kickApi: KickApiFake;
  obs: ObsFake;
  /** The streamer's alert webhook (the config's http target `alerts`). */
  webhook: WebhookReceiver;
}

const KICK_CHAT_TOKEN = 'kick-example-chat-token';
/** Kick signs its webhooks with its private key; the example signs with a key pair of its own. */
const KICK_WEBHOOK_KEYS = generateKickWebhookKeys();
const OBS_PASSWORD = 'obs-example-password';

async function startFakes(): Promise<Fakes> {
  const [platforms, kickApi, obs, webhook] = await Promise.all([
    startAllFakes(),
    startKickApiFake({ chatToken: KICK_CHAT_TOKEN }),
    startObsFake({ password: OBS_PASSWORD }),
    startWebhookReceiver(),
  ]);
  return { platforms, kickApi, obs, webhook };
}

function replies(fakes: Fakes): AnswerBackRun['replies'] {
  return {
    twitch: fakes.platforms.twitch.raw.chatMessages.map((message) => String(message.body.message)),
    youtube: fakes.platforms.youtube.raw.inserted.map((message) => String(message.snippet.displayMessage)),
    kick: fakes.kickApi.chatMessages.map((message) => message.body.content),
  };
}

/**
 * Starts the fakes and the hub (`vmsc start --config vmsc.config.json`), has a viewer type `!dice` on
 * Twitch, YouTube and Kick and the streamer `!brb` on Twitch, a viewer follow on Twitch (EventSub)
 * and on Kick (a signed official webhook), waits for every answer, then stops.
 */
export async function runAnswerBack(options: { echo?: (text: string) => void } = {}): Promise<AnswerBackRun> {
  const fakes = await startFakes();
  const o = fakes.platforms.connectionOptions;
  const env: NodeJS.ProcessEnv = {
    TWITCH_CLIENT_ID: o.twitch.clientId,
    TWITCH_TOKEN: o.twitch.auth,
    YOUTUBE_TOKEN: fakes.platforms.youtube.raw.accessToken,
    KICK_CHAT_TOKEN,
    OBS_PASSWORD,
    ALERTS_WEBHOOK_URL: `${fakes.webhook.url}/hooks/vmsc`,
    VMSC_TOKEN: 'answer-back-example-hub-token',
  };
  const io = captureIo(env, options.echo);
  const abort = new AbortController();
  const hub = startCommand(
    {
      config: CONFIG_FILE,
      signal: abort.signal,
      server: { port: 0 },
      obs: { url: fakes.obs.url },
      overrides: {
        twitch: { urls: o.twitch.urls, backoff: o.twitch.backoff },
        youtube: { apiBaseUrl: o.youtube.apiBaseUrl, backoff: o.youtube.backoff },
        kick: { wsHost: o.kick.wsHost, wsPort: o.kick.wsPort, forceTLS: false, keyRefresh: false, apiUrl: fakes.kickApi.url },
        kickWebhook: { port: 0, publicKey: KICK_WEBHOOK_KEYS.publicKey },
      },
    },
    io,
  );
  const overlayAlerts: OverlayAlert[] = [];
  let overlay: VmscMirrorClient | undefined;
  try {
    await waitUntil(() => /listening on ws:\/\/127\.0\.0\.1:\d+/.test(io.output()), 'the hub to listen');
    // An overlay (what examples/overlay does in OBS): subscribes to the hub's alerts.
    overlay = new VmscMirrorClient({
      bus: new EventBus(),
      url: /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(io.output())![1]!,
      token: env.VMSC_TOKEN!,
      eventTypes: [],
      onAlert: (alert) => void overlayAlerts.push(alert),
    });
    await overlay.connect();
    await fakes.platforms.waitForClients(['twitch', 'youtube', 'kick']);
    await waitUntil(() => fakes.obs.identifiedCount > 0, 'the hub to connect to OBS');
    await fakes.platforms.twitch.chat({ username: 'twitch_viewer', text: '!dice' });
    await fakes.platforms.youtube.chat({ username: 'youtube_viewer', text: '!dice' });
    await fakes.platforms.kick.chat({ username: 'kick_viewer', content: '!dice' });
    await fakes.platforms.twitch.chat({ username: 'twitch_viewer', text: '!brb' }); // not a moderator: forbidden
    await fakes.platforms.twitch.chat({ username: 'cool_user', text: '!brb', badges: ['broadcaster'] });
    await fakes.platforms.twitch.follow({ username: 'new_follower' });
    // A named follow on Kick: only Kick's official webhooks carry it.
    await waitUntil(() => /receiving Kick webhooks at (http:\S+)/.test(io.output()), 'the Kick webhook receiver');
    const webhookUrl = /receiving Kick webhooks at (http:\S+)/.exec(io.output())![1]!;
    const kickFollower = {
      is_anonymous: false,
      user_id: 4242,
      username: 'kick_follower',
      is_verified: false,
      profile_picture: '',
      channel_slug: 'kick_follower',
      identity: null,
    };
    const broadcaster = { ...kickFollower, user_id: 676, username: 'vmsc_demo', channel_slug: 'vmsc_demo' };
    await new KickWebhookSender(webhookUrl, KICK_WEBHOOK_KEYS.privateKey).send({
      type: 'channel.followed',
      body: { broadcaster, follower: kickFollower },
    });
    await waitUntil(() => {
      const sent = replies(fakes);
      return (
        sent.twitch.length >= 3 &&
        sent.youtube.length >= 1 &&
        sent.kick.length >= 2 &&
        fakes.obs.state.programScene.sceneName === 'BRB' &&
        fakes.webhook.requests.length >= 2 &&
        overlayAlerts.length >= 2
      );
    }, 'every answer');
    return {
      replies: replies(fakes),
      programScene: fakes.obs.state.programScene.sceneName,
      webhookCalls: fakes.webhook.requests.map((request) => ({ url: request.url, json: request.json })),
      overlayAlerts,
      output: io.output(),
    };
  } finally {
    await overlay?.disconnect();
    abort.abort();
    await hub;
    await Promise.all([fakes.platforms.close(), fakes.kickApi.close(), fakes.obs.close(), fakes.webhook.close()]);
  }
}
