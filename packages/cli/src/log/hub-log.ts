import { dirname } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { pino, stdTimeFunctions, type Level, type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { REDACTED, Secret } from '@vmsc/core';
import { scrubText, scrubValue } from './scrub.js';

/**
 * The hub's log file: pino JSON lines (`time` as an ISO date, `level` as a name), rotated by size
 * with pino-roll (`vmsc.1.log`, `vmsc.2.log`..., the oldest deleted past `keep`), every secret the
 * hub knows redacted before it is written.
 *
 * @packageDocumentation
 */

/** Options of {@link openHubLog}. */
export interface HubLogOptions {
  /** The log file; pino-roll numbers it (`logs/vmsc.log` → `logs/vmsc.1.log`, `logs/vmsc.2.log`...). */
  file: string;
  level: Level;
  /** Past this size (MB) the log moves on to the next file. */
  maxSizeMb: number;
  /** Older files kept besides the current one. */
  keep: number;
  /** Values never written: tokens, credentials (more with {@link HubLog.addSecrets}). */
  secrets?: readonly (string | Secret | undefined)[];
  /** Called when the file cannot be written (once per failure run; the hub goes on). */
  onError?: (error: Error) => void;
}

/** Field names whose values are always written as `[redacted]`, at the top level and one level down. */
const REDACT_KEYS = [
  'token',
  'password',
  'authorization',
  'accessToken',
  'refreshToken',
  'apiKey',
  'jwt',
  'secret',
  'clientSecret',
  'cookie',
];

/** A structured log line's fields. */
export type LogFields = Record<string, unknown>;

/** The open log file. */
export class HubLog {
  readonly #logger: Logger;
  readonly #stream: Awaited<ReturnType<typeof pinoRoll>>;
  readonly #secrets: string[] = [];
  readonly #file: string;
  #closed = false;

  private constructor(logger: Logger, stream: Awaited<ReturnType<typeof pinoRoll>>, file: string) {
    this.#logger = logger;
    this.#stream = stream;
    this.#file = file;
  }

  /** The file name given (pino-roll writes `<name>.<n><ext>` beside it). */
  get file(): string {
    return this.#file;
  }

  /** Adds values that must never appear in the file (shorter than 4 characters: ignored). */
  addSecrets(secrets: readonly (string | Secret | undefined)[]): void {
    for (const secret of secrets) {
      const value = secret instanceof Secret ? secret.reveal() : secret;
      if (value && value.length >= 4 && !this.#secrets.includes(value)) this.#secrets.push(value);
    }
    // Longest first: a secret that contains another is replaced whole.
    this.#secrets.sort((a, b) => b.length - a.length);
  }

  /** Writes one line: `message` and `fields` scrubbed of every known secret. */
  write(level: Level, message: string, fields: LogFields = {}): void {
    if (this.#closed || !this.#logger.isLevelEnabled(level)) return;
    this.#logger[level](scrubValue(fields, this.#secrets) as LogFields, scrubText(message, this.#secrets));
  }

  /** Whether lines of `level` are written. */
  enabled(level: Level): boolean {
    return this.#logger.isLevelEnabled(level);
  }

  /** Writes what is buffered and closes the file. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const stream = this.#stream;
    if (stream.destroyed) return;
    // A stream stuck on a failing disk must not hold the shutdown: 2 s at most.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      timer.unref();
      stream.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      stream.end();
    });
  }

  /** Opens (creating its directory) the log file. Rejects with the file system's error when it cannot. */
  static async open(options: HubLogOptions): Promise<HubLog> {
    await mkdir(dirname(options.file), { recursive: true });
    const stream = await pinoRoll({
      file: options.file,
      size: `${Math.max(1, Math.round(options.maxSizeMb * 1024 * 1024))}b`,
      limit: { count: options.keep },
      mkdir: true,
    });
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      stream.once('ready', () => {
        stream.off('error', failed);
        resolve();
      });
      stream.on('error', failed);
    });
    let failing = false;
    stream.on('error', (error) => {
      if (!failing) options.onError?.(error);
      failing = true;
      setTimeout(() => (failing = false), 60_000).unref();
    });
    const logger = pino(
      {
        level: options.level,
        base: { pid: process.pid },
        timestamp: stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: REDACT_KEYS.flatMap((key) => [key, `*.${key}`]), censor: REDACTED },
      },
      stream,
    );
    const log = new HubLog(logger, stream, options.file);
    log.addSecrets(options.secrets ?? []);
    return log;
  }
}
