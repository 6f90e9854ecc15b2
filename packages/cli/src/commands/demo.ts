import { randomBytes } from 'node:crypto';
import { EventBus, type Connector } from '@vmsc/core';
import type { AllFakes } from '@vmsc/testing';
import { parseConfig } from '../config/load-config.js';
import { DEMO_SOURCES, DEMO_STREAM } from '../demo/demo-stream.js';
import { demoSetup } from '../demo/demo-config.js';
import { loadTesting } from '../demo/load-testing.js';
import { createConnector } from '../hub/create-connector.js';
import { Hub } from '../hub/hub.js';
import { createView } from '../view/hub-view.js';
import type { CommandIo, ExitCode } from './io.js';
import { formatError, loadRules } from './start.js';

/** Options of `vmsc demo`. */
export interface DemoCommandOptions {
  /** Port of the custom WS server (default 7895; 0 picks a free one). */
  port?: number;
  /** Stop after this many seconds (default: run until Ctrl-C). */
  durationS?: number;
  /** Play the scripted stream once, wait for its events, then stop (for tests and CI). */
  once?: boolean;
  /** Pause between two moments of the scripted stream, ms (default 250: a loop lasts about 5 s). */
  stepMs?: number;
  /** Browser origins allowed to connect to the custom WS server (e.g. the overlay's page), see `server.allowedOrigins`. */
  allowOrigins?: readonly string[];
  /**
   * Called once the hub runs, with the hub, the fakes and the token: a test drives the fakes
   * through it (`fakes.kick.dropConnections()` to see a card turn orange and green again).
   */
  onReady?: (demo: DemoHandle) => void;
  /** Stops the demo when aborted (instead of SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

/** The platform fakes of the demo, as far as a test drives them (no `@vmsc/testing` type in the public API: it is optional). */
export interface DemoFakes {
  /** Drops every client connection of one platform's fake abruptly (as a network failure would): its connector reconnects. */
  dropConnections(platform: 'kick' | 'twitch' | 'tiktok' | 'youtube' | 'streamlabs' | 'streamelements' | 'heartrate' | 'hyperate'): void;
  /** Drops every connection of every fake at once. */
  dropAllConnections(): void;
}

/** What {@link DemoCommandOptions.onReady} gets: the running demo's parts. */
export interface DemoHandle {
  readonly hub: Hub;
  readonly fakes: DemoFakes;
  /** The custom WS server's token (every scope: the dashboard logs in with it). */
  readonly token: string;
}

/** Resolves when the demo should stop: abort signal, Ctrl-C, or the duration elapsed. */
function stopTrigger(options: DemoCommandOptions): { stopped: Promise<void>; isStopped: () => boolean; dispose: () => void } {
  let stoppedFlag = false;
  let done!: () => void;
  const stopped = new Promise<void>((resolve) => (done = resolve));
  const stop = () => {
    stoppedFlag = true;
    done();
  };
  const timer = options.durationS !== undefined ? setTimeout(stop, options.durationS * 1_000) : undefined;
  if (options.signal) options.signal.addEventListener('abort', stop, { once: true });
  else {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return {
    stopped,
    isStopped: () => stoppedFlag,
    dispose() {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
    },
  };
}

/** Builds the demo hub: the REAL connectors (from an embedded config, via `createConnector`) aimed at the fakes. */
async function buildDemoHub(
  fakes: AllFakes,
  port: number,
  allowOrigins: readonly string[],
  io: CommandIo,
  view: ReturnType<typeof createView>,
) {
  const setup = demoSetup(fakes, { port, host: '127.0.0.1' });
  const config = parseConfig(setup.config, '(embedded demo config)');
  const rules = await loadRules(config.rules, io.cwd, undefined);
  const bus = new EventBus();
  const connectors: Connector[] = config.connectors.map((entry, index) =>
    createConnector(entry, { bus, env: setup.env, index, overrides: setup.overrides }),
  );
  const token = io.env[config.server.tokenEnv] || randomBytes(18).toString('base64url');
  const hub = new Hub({
    view,
    bus,
    rules,
    connectors,
    server: {
      port: config.server.port,
      host: config.server.host,
      maxConnections: config.server.maxConnections,
      token,
      ...(allowOrigins.length > 0 ? { allowedOrigins: allowOrigins } : {}),
    },
    journalDir: false,
  });
  return { hub, token };
}

/**
 * `vmsc demo`: starts a fake of every platform (real protocols, on 127.0.0.1), connects the real
 * connectors to them through the hub with sample rules and the custom WS server, and plays a
 * scripted stream in a loop, so every platform's events and the rules show within seconds.
 * Runs until Ctrl-C, for `durationS`, or one loop with `once`.
 */
export async function demoCommand(options: DemoCommandOptions, io: CommandIo): Promise<ExitCode> {
  let testing: Awaited<ReturnType<typeof loadTesting>>;
  try {
    testing = await loadTesting();
  } catch (error) {
    io.stderr.write(formatError(error));
    return 2;
  }
  const view = createView(io.stdout);
  const fakes = await testing.startAllFakes();
  let built: Awaited<ReturnType<typeof buildDemoHub>>;
  try {
    built = await buildDemoHub(fakes, options.port ?? 7895, options.allowOrigins ?? [], io, view);
  } catch (error) {
    view.close();
    await fakes.close();
    io.stderr.write(formatError(error));
    return 2;
  }
  const { hub, token } = built;
  const seen = new Set<string>();
  const offSeen = hub.bus.onAny((event) => void seen.add(event.source));
  const trigger = stopTrigger(options);
  let code: ExitCode = 0;
  try {
    view.info('vmsc demo: every platform below is a local fake speaking its real protocol; the connectors are the real ones');
    await hub.start();
    if (hub.server) view.info(`overlay / custom WS clients: connect to ${hub.server.url} with token ${token}`);
    // The demo's token is throw-away: a link that logs in (the fragment never reaches the server; the page removes it).
    if (hub.dashboardUrl) view.info(`open the dashboard: ${hub.dashboardUrl}#token=${encodeURIComponent(token)}`);
    options.onReady?.({
      hub,
      token,
      fakes: { dropConnections: (platform) => fakes[platform].dropConnections(), dropAllConnections: () => fakes.dropAllConnections() },
    });
    view.info(options.once ? 'playing the scripted stream once' : 'playing a scripted stream in a loop (Ctrl-C stops)');
    const pause = (ms: number) => Promise.race([trigger.stopped, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
    for (let round = 0; !trigger.isStopped(); round++) {
      for (const step of DEMO_STREAM) {
        if (trigger.isStopped()) break;
        await step(fakes, round).catch((error: unknown) => view.error('demo', (error as Error).message));
        await pause(options.stepMs ?? 250);
      }
      if (options.once) break;
    }
    if (options.once) {
      // Let the last events arrive (YouTube is polled) before stopping.
      const deadline = Date.now() + 5_000;
      while (!DEMO_SOURCES.every((source) => seen.has(source)) && Date.now() < deadline) await pause(25);
      const missing = DEMO_SOURCES.filter((source) => !seen.has(source));
      if (missing.length > 0) {
        view.error('demo', `no events from ${missing.join(', ')}`);
        code = 1;
      }
    }
  } catch (error) {
    view.error('demo', (error as Error).message);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      view.info('the port is taken: choose another with --port <n> (0 picks a free one)');
    code = 1;
  } finally {
    trigger.dispose();
    offSeen();
    view.info('shutting down…');
    await hub.stop();
    await fakes.close();
  }
  return code;
}
