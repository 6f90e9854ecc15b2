import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startCommand } from '@vmsc/cli';
import { captureIo } from '../capture-io.js';
import { ManualClock, startAllFakes, waitUntil, type AllFakes } from '@vmsc/testing';

/**
 * The streamer-rules example: `rules.json` (points, `!points`, `!top`, a moderators-only `!dice`, a
 * timer posting every 10 minutes after 5 chat messages, three alerts sharing one queue) run by
 * `vmsc start` against the Twitch fake. The hub's rule engine runs on a {@link ManualClock}, so that
 * ten minutes of timers pass in a moment while the sockets stay real.
 *
 * @packageDocumentation
 */

/** The example's config file, next to this module. */
export const CONFIG_FILE = fileURLToPath(new URL('./vmsc.config.json', import.meta.url));

/** Where the hub saves the engine's state (points included) between runs. */
const STATE_FILE = fileURLToPath(new URL('./vmsc-state.json', import.meta.url));

/** One step of the scripted stream and the chat messages the hub sent during it. */
export interface StreamStep {
  step: string;
  sent: string[];
}

/** What one run of the example saw. */
export interface StreamerRulesRun {
  /** Every step, with the hub's chat messages that came of it. */
  steps: StreamStep[];
  /** What the hub printed. */
  output: string;
}

/** The chat messages the hub sent to the Twitch fake so far. */
function sentMessages(fakes: AllFakes): string[] {
  return fakes.twitch.raw.chatMessages.map((message) => String(message.body.message));
}

/**
 * Starts the Twitch fake and the hub, plays a short stream (chat, commands from a viewer and a
 * moderator, twenty minutes of timers, a follow, a sub and a cheer) and returns what the hub said
 * after each step.
 */
export async function runStreamerRules(options: { echo?: (text: string) => void } = {}): Promise<StreamerRulesRun> {
  // The hub keeps points, cooldowns and counters in vmsc-state.json beside its config: start afresh.
  await rm(STATE_FILE, { force: true });
  const platforms = await startAllFakes();
  const twitch = platforms.twitch;
  const o = platforms.connectionOptions;
  const env: NodeJS.ProcessEnv = {
    TWITCH_CLIENT_ID: o.twitch.clientId,
    TWITCH_TOKEN: o.twitch.auth,
    VMSC_TOKEN: 'streamer-rules-example-token',
  };
  const io = captureIo(env, options.echo);
  const clock = new ManualClock();
  const abort = new AbortController();
  const hub = startCommand(
    {
      config: CONFIG_FILE,
      signal: abort.signal,
      server: { port: 0 },
      clock,
      overrides: { twitch: { urls: o.twitch.urls, backoff: o.twitch.backoff } },
    },
    io,
  );
  const steps: StreamStep[] = [];
  let seen = 0;
  /** Runs a step and waits until the hub sent `expect` more chat messages (and the rules settled). */
  const step = async (name: string, expect: number, action: () => Promise<unknown>) => {
    await action();
    await waitUntil(() => sentMessages(platforms).length >= seen + expect, `${expect} chat message(s) after "${name}"`);
    // Give a message that should not come the time to show up anyway.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sent = sentMessages(platforms).slice(seen);
    seen += sent.length;
    steps.push({ step: name, sent });
  };
  try {
    await platforms.waitForClients(['twitch']);
    await waitUntil(() => twitch.raw.enabledSubscriptions().some((s) => s.type === 'stream.online'), 'the stream.online subscription');
    await step('the stream goes live', 0, async () => {
      twitch.raw.notify('stream.online', {
        event: { broadcaster_user_id: '1337', broadcaster_user_login: 'cool_user', broadcaster_user_name: 'Cool_User', type: 'live' },
      });
    });
    await step('viewers chat', 0, async () => {
      for (const [username, text] of [
        ['viewer_a', 'hello'],
        ['viewer_b', 'hi'],
        ['viewer_a', 'how is it going'],
        ['viewer_b', 'great stream'],
        ['viewer_a', 'gg'],
      ] as const)
        await twitch.chat({ username, text });
    });
    await step('viewer_a types !points', 1, () => twitch.chat({ username: 'viewer_a', text: '!points' }));
    await step('viewer_a (not a moderator) types !dice', 0, () => twitch.chat({ username: 'viewer_a', text: '!dice' }));
    await step('mod_m types !dice', 1, () => twitch.chat({ username: 'mod_m', text: '!dice', badges: ['moderator'] }));
    await step('mod_m types !dice again at once', 0, () => twitch.chat({ username: 'mod_m', text: '!roll', badges: ['moderator'] }));
    await step('30 seconds later, mod_m types !dice', 1, async () => {
      await clock.advance(30_000);
      await twitch.chat({ username: 'mod_m', text: '!dice', badges: ['moderator'] });
    });
    await step('ten minutes pass', 1, () => clock.advance(570_000));
    await step('viewer_b types !top', 1, () => twitch.chat({ username: 'viewer_b', text: '!top' }));
    await step('ten more quiet minutes pass', 0, () => clock.advance(600_000));
    await step('a follow, a sub and a cheer arrive together', 1, async () => {
      await twitch.follow({ username: 'new_follower' });
      await twitch.subscribe({ username: 'subber' });
      await twitch.cheer({ username: 'cheerer', bits: 100 });
    });
    await step('the follow alert ends (8 s)', 1, () => clock.advance(8_000));
    await step('the cheer alert ends (8 s)', 1, () => clock.advance(8_000));
    await step('cheerer types !points', 1, () => twitch.chat({ username: 'cheerer', text: '!points' }));
    await step('the sub alert ends (8 s)', 0, () => clock.advance(8_000));
    return { steps, output: io.output() };
  } finally {
    abort.abort();
    await hub;
    await platforms.close();
  }
}
