/**
 * The crash soak of `vmsc start` (issue: a hub that survives an eight-hour stream): the hub as its
 * own process with the REAL Twitch connector on the @vmsc/testing Twitch fake, signed in with
 * `vmsc auth twitch` against the Twitch OAuth fake with short-lived tokens (so logins expire and are
 * refreshed during the run), a rules file counting every chat message and giving points, the
 * journal, the log file and a state save every second. A custom-WS subscriber (the VMSC mirror
 * preset) counts what reaches it by sequence number (`soak#<n>`).
 *
 * Mid-stream the hub is killed with SIGKILL and started again. Twitch does not replay, so the feeder
 * stops before the kill and speaks again once the new hub has subscribed: every message sent is one
 * the platform delivered to a running hub. The soak then reports lost and doubled events, what the
 * state file restored, the refreshes against the expiries, the journal and the log file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '@vmsc/core';
import { VmscMirrorClient } from '@vmsc/custom-ws-client';
import { freePort, startTwitchFake, startTwitchOAuthFake, waitUntil, type FakeTwitch } from '@vmsc/testing';
import { authCommand } from '../../packages/cli/src/commands/auth.js';
import { spawnHub, type HubProcess } from '../hub/spawn-hub.js';

const TOKEN = 'crash-soak-server-token-0123456789';

/** Options of {@link runCrashSoak}. */
export interface CrashSoakOptions {
  /** How long the stream is fed in all, ms (the crash is at the middle). */
  durationMs: number;
  /** Chat messages per second. */
  ratePerSecond: number;
  /** Access token lifetime, s; the hub refreshes 5 min before expiry, so a refresh every `lifetime - 300` s. */
  tokenLifetimeSec?: number;
  onProgress?: (line: string) => void;
}

/** What the crash soak measured. */
export interface CrashSoakResult {
  durationMs: number;
  sent: number;
  received: number;
  lost: number;
  duplicates: number;
  /** Messages counted before the kill, and what the restarted hub's state held of them. */
  beforeCrash: { counted: number; restored: number; saveEveryMs: number };
  /** The counter at the end (the state file after a clean stop) against every message sent. */
  finalCounter: number;
  /** Refreshes the OAuth fake served, and the refreshes due in the run (one per token lifetime minus the margin). */
  refreshes: number;
  refreshesDue: number;
  restartMs: number;
  journal: { lines: number; unreadable: number; soakEvents: number };
  log: { lines: number; unreadable: number; errors: number; warnings: number; tokenLeaks: number };
  exitCode: number | null;
}

function startHub(dir: string, twitch: FakeTwitch, oauthUrl: string): HubProcess {
  return spawnHub(
    {
      dir,
      overrides: { twitch: { urls: { eventsub: twitch.eventsubUrl, helix: twitch.helixUrl, auth: twitch.authUrl } } },
      logins: { twitchOAuthUrl: oauthUrl },
    },
    { env: { TW_ID: twitch.clientId, VMSC_TOKEN: TOKEN } },
  );
}

function chatText(n: number) {
  const text = `soak#${n}`;
  return { message: { text, fragments: [{ type: 'text', text, cheermote: null, emote: null, mention: null }] } };
}

function readLines(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => pattern.test(file))
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '');
}

/** Runs the crash soak and returns its figures. Everything it starts is stopped before it returns. */
export async function runCrashSoak(options: CrashSoakOptions): Promise<CrashSoakResult> {
  const progress = options.onProgress ?? (() => undefined);
  const lifetimeSec = options.tokenLifetimeSec ?? 330;
  const saveEveryMs = 1_000;
  const twitch = await startTwitchFake({});
  const oauth = await startTwitchOAuthFake({ twitch, tokenLifetimeSec: lifetimeSec, intervalSec: 1 });
  const dir = await mkdtemp(join(tmpdir(), 'vmsc-crash-soak-'));
  const port = await freePort();
  await writeFile(
    join(dir, 'rules.json'),
    JSON.stringify([
      {
        id: '6b1f3a52-2c4d-4e8f-9a1b-0c2d3e4f5a61',
        name: 'count chat',
        trigger: { types: ['chat'] },
        conditions: { path: 'data.message', op: 'startsWith', value: 'soak#' },
        actions: [
          { type: 'counter', name: 'messages' },
          { type: 'addPoints', amount: 1 },
        ],
      },
    ]),
  );
  await writeFile(
    join(dir, 'vmsc.config.json'),
    JSON.stringify({
      rules: 'rules.json',
      server: { port, host: '127.0.0.1' },
      state: { saveEveryMs },
      connectors: [{ type: 'twitch', broadcaster: 'cool_user', clientIdEnv: 'TW_ID', events: ['chat'] }],
    }),
  );

  // vmsc auth twitch: the device code flow against the fake, approved at once.
  let authOut = '';
  const authIo = {
    cwd: dir,
    env: { TW_ID: twitch.clientId },
    stdout: { write: (text: string) => (authOut += text) },
    stderr: { write: (text: string) => (authOut += text) },
  };
  const signingIn = authCommand('twitch', { oauthUrl: oauth.url }, authIo);
  await waitUntil(() => authOut.includes('enter the code'), 'the device code');
  oauth.approve();
  if ((await signingIn) !== 0) throw new Error(`vmsc auth twitch failed:\n${authOut}`);
  const signedInAt = Date.now();

  const bus = new EventBus({ idMemory: 100_000 });
  const seen = new Map<number, number>();
  bus.on('chat', (event) => {
    const match = /^soak#(\d+)$/.exec(event.data.message);
    if (match) seen.set(Number(match[1]), (seen.get(Number(match[1])) ?? 0) + 1);
  });
  const mirror = new VmscMirrorClient({
    bus,
    url: `ws://127.0.0.1:${port}`,
    token: TOKEN,
    eventTypes: ['chat'],
    backoff: { initialDelayMs: 100, maxDelayMs: 500, jitterMs: 0 },
  });

  let hub = startHub(dir, twitch, oauth.url);
  const children = [hub.child];
  let sent = 0;
  try {
    const subscribed = () => twitch.enabledSubscriptions().length > 0;
    await waitUntil(subscribed, `the hub to subscribe:\n${hub.output()}`, { timeoutMs: 30_000 });
    void mirror.connect();
    await waitUntil(() => mirror.status === 'connected', 'the subscriber to connect', { timeoutMs: 30_000 });

    const intervalMs = 1_000 / options.ratePerSecond;
    /** Sends at the rate until `untilMs`, numbering on from what was sent before. */
    const feed = async (untilMs: number) => {
      const base = sent;
      const started = Date.now();
      while (Date.now() < untilMs) {
        const due = base + Math.floor(((Date.now() - started) * options.ratePerSecond) / 1_000);
        while (sent < due) {
          twitch.notify('channel.chat.message', { event: chatText(sent) });
          sent++;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.max(5, intervalMs)));
      }
    };
    const start = Date.now();
    const crashAt = start + options.durationMs / 2;
    progress(`feeding ${options.ratePerSecond}/s; the crash at ${Math.round(options.durationMs / 2_000)} s`);
    await feed(crashAt);

    // The crash: the feeder stops (Twitch does not replay), the hub is killed without warning.
    await waitUntil(() => seen.size >= sent, 'the subscriber to receive what was sent before the crash', { timeoutMs: 15_000 }).catch(
      () => undefined,
    );
    const counted = sent;
    hub.child.kill('SIGKILL');
    await hub.exited();
    const killedAt = Date.now();
    progress(`killed the hub after ${sent} messages`);
    await waitUntil(() => !subscribed(), 'the fake to see the socket go', { timeoutMs: 15_000 });
    hub = startHub(dir, twitch, oauth.url);
    children.push(hub.child);
    await waitUntil(subscribed, `the restarted hub to subscribe:\n${hub.output()}`, { timeoutMs: 30_000 });
    const restartMs = Date.now() - killedAt;
    const restoredLine = /restored rule state[^\n]*/.exec(hub.output())?.[0];
    progress(`restarted in ${restartMs} ms (${restoredLine ?? 'no state restored'})`);
    await waitUntil(() => mirror.status === 'connected', 'the subscriber to reconnect', { timeoutMs: 30_000 });
    // What the restarted hub restored: the state file it read (saved before the kill).
    const restored = readState(dir)?.variables?.messages ?? 0;

    await feed(start + options.durationMs);
    await waitUntil(() => seen.size >= sent, 'the subscriber to catch up', { timeoutMs: 15_000 }).catch(() => undefined);
    const durationMs = Date.now() - start;
    hub.child.kill('SIGTERM');
    const exitCode = await hub.exited();
    await mirror.disconnect();

    const final = readState(dir)?.variables?.messages ?? 0;
    let lost = 0;
    let duplicates = 0;
    for (let n = 0; n < sent; n++) {
      const times = seen.get(n) ?? 0;
      if (times === 0) lost++;
      else if (times > 1) duplicates += times - 1;
    }
    const journalLines = readLines(join(dir, 'journal'), /\.jsonl$/);
    let unreadableJournal = 0;
    let soakEvents = 0;
    for (const line of journalLines) {
      try {
        const event = JSON.parse(line) as { data?: { message?: string } };
        if (event.data?.message?.startsWith('soak#')) soakEvents++;
      } catch {
        unreadableJournal++;
      }
    }
    const logLines = readLines(join(dir, 'logs'), /\.log$/);
    const secrets = readSecrets(dir);
    let unreadableLog = 0;
    let errors = 0;
    let warnings = 0;
    for (const line of logLines) {
      try {
        const entry = JSON.parse(line) as { level?: string; time?: string };
        if (entry.level === 'error' || entry.level === 'fatal') errors++;
        if (entry.level === 'warn') warnings++;
        if (typeof entry.time !== 'string') unreadableLog++;
      } catch {
        unreadableLog++;
      }
    }
    const tokenLeaks = logLines.filter((line) => secrets.some((secret) => line.includes(secret))).length;
    return {
      durationMs,
      sent,
      received: seen.size,
      lost,
      duplicates,
      beforeCrash: { counted, restored, saveEveryMs },
      finalCounter: final,
      refreshes: oauth.refreshCount,
      refreshesDue: Math.floor((Date.now() - signedInAt) / ((lifetimeSec - 300) * 1_000)),
      restartMs,
      journal: { lines: journalLines.length, unreadable: unreadableJournal, soakEvents },
      log: { lines: logLines.length, unreadable: unreadableLog, errors, warnings, tokenLeaks },
      exitCode,
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await mirror.disconnect().catch(() => undefined);
    await oauth.close();
    await twitch.close();
  }
}

function readState(dir: string): { variables?: Record<string, number> } | undefined {
  const file = join(dir, 'vmsc-state.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { variables?: Record<string, number> }) : undefined;
}

/** Every token the run used: the server token and the logins' access and refresh tokens. */
function readSecrets(dir: string): string[] {
  const secrets = [TOKEN];
  const store = join(dir, '.vmsc-auth.json');
  if (existsSync(store)) {
    const logins = (JSON.parse(readFileSync(store, 'utf8')) as { logins?: Record<string, { accessToken?: string; refreshToken?: string }> })
      .logins;
    for (const login of Object.values(logins ?? {})) {
      if (login.accessToken) secrets.push(login.accessToken);
      if (login.refreshToken) secrets.push(login.refreshToken);
    }
  }
  return secrets;
}
