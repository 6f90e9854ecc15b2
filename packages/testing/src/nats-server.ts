import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerCleanup } from './cleanup.js';
import { freePort, LOOPBACK_HOST } from './loopback.js';

/** Options of {@link startNatsServer}. */
export interface NatsServerOptions {
  /** The `nats-server` binary. Default: `$NATS_SERVER`, else `nats-server` on the PATH (Debian's package). */
  binary?: string;
  /** How long to wait for it to accept connections. Default 10 s. */
  startTimeoutMs?: number;
}

/**
 * A real `nats-server` with JetStream, on 127.0.0.1 and a free port, storing in a temp directory.
 * It is not a fake: the tests of `@vmsc/nats` run against the real server.
 */
export interface NatsServer {
  /** `nats://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The JetStream store directory (kept across {@link restart}). */
  readonly storeDir: string;
  /** Stops the server (SIGTERM, or SIGKILL with `kill: true`) and keeps the store: {@link start} brings it back on the same port. */
  stop(options?: { kill?: boolean }): Promise<void>;
  /** Starts it again on the same port with the same store (after {@link stop}). */
  start(): Promise<void>;
  /** Stops it (if running) and starts it again. */
  restart(options?: { kill?: boolean }): Promise<void>;
  /** Stops it for good and deletes the store. */
  close(): Promise<void>;
}

/**
 * Starts `nats-server -js` for a test. It is closed by `closeAllFakes()` if the test does not close it.
 *
 * @throws `Error` naming the binary when `nats-server` is not installed or does not start in time.
 */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServer> {
  const binary = options.binary ?? process.env.NATS_SERVER ?? 'nats-server';
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const storeDir = await mkdtemp(join(tmpdir(), 'vmsc-nats-'));
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(binary, ['-js', '-a', LOOPBACK_HOST, '-p', String(port), '-sd', storeDir, '-m', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let log = '';
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`${binary} did not accept connections within ${startTimeoutMs} ms:\n${log}`));
      }, startTimeoutMs);
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (/Server is ready/.test(log)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`cannot start ${binary} (install Debian's nats-server, or set NATS_SERVER): ${error.message}`));
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        if (child === proc) child = undefined;
        reject(new Error(`${binary} exited with code ${code} before it was ready:\n${log}`));
      });
    });

  const stop = async ({ kill = false }: { kill?: boolean } = {}) => {
    const proc = child;
    if (!proc) return;
    child = undefined;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill(kill ? 'SIGKILL' : 'SIGTERM');
    });
  };
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      await stop({ kill: true });
      await rm(storeDir, { recursive: true, force: true });
      unregister();
    })());
  const unregister = registerCleanup(close);
  await start();
  return {
    url: `nats://${LOOPBACK_HOST}:${port}`,
    port,
    storeDir,
    stop,
    start,
    restart: async (restartOptions) => {
      await stop(restartOptions);
      await start();
    },
    close,
  };
}
