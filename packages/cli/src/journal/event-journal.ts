import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { EventBus, StreamEvent, Unsubscribe } from '@vmsc/core';

/** Options of {@link EventJournal}. */
export interface EventJournalOptions {
  /** Directory of the journal files (created if missing). */
  dir: string;
  /** Keep each event's `raw` platform message too (default false: journals stay small). */
  includeRaw?: boolean;
  /**
   * Called when the journal cannot write (a directory where the file should be, a full disk, no
   * permission): once when writing fails, and once for every event it had to give up (`lost`). The
   * stream goes on; the journal keeps the lines in memory and retries. Default: `console.error`.
   */
  onError?: (error: Error, detail: { waiting: number; lost: number }) => void;
  /** How long after a failure the journal tries the file again, ms. Default 5,000. */
  retryMs?: number;
  /** Lines kept in memory while the file cannot be written; past it, the oldest are given up (reported). Default 10,000. */
  maxBacklog?: number;
}

/** The journal file name for a day: `YYYY-MM-DD.jsonl` (local date). */
export function journalFileName(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.jsonl`;
}

/**
 * Writes every event on the bus to a JSON Lines file, one file per (local) day, so that the history
 * survives a restart. `vmsc replay <file>` plays a file back through the bus and the rules.
 *
 * A write error never stops the stream: it is reported (`onError`), the lines wait in a bounded
 * backlog, and the file is tried again after `retryMs`; a line given up for room is reported too.
 */
export class EventJournal {
  readonly #dir: string;
  readonly #includeRaw: boolean;
  readonly #onError: NonNullable<EventJournalOptions['onError']>;
  readonly #retryMs: number;
  readonly #maxBacklog: number;
  readonly #backlog: Array<{ fileName: string; line: string }> = [];
  #stream: WriteStream | undefined;
  #fileName: string | undefined;
  #written = 0;
  /** Streams of earlier files still finishing their writes. */
  readonly #ending = new Set<Promise<void>>();
  #lost = 0;
  /** While failing: when to try the file again (epoch ms). */
  #retryAt: number | undefined;

  constructor(options: EventJournalOptions) {
    this.#dir = options.dir;
    this.#includeRaw = options.includeRaw ?? false;
    this.#onError =
      options.onError ??
      ((error, detail) => console.error(`[vmsc journal] ${error.message} (${detail.waiting} waiting, ${detail.lost} lost)`));
    this.#retryMs = options.retryMs ?? 5_000;
    this.#maxBacklog = options.maxBacklog ?? 10_000;
  }

  /** Lines waiting in memory for the file to be writable again. */
  get waiting(): number {
    return this.#backlog.length;
  }

  /** Events given up since the journal was created (the backlog was full). */
  get lost(): number {
    return this.#lost;
  }

  /** Events written to a file since the journal was created (counted when the write completed). */
  get written(): number {
    return this.#written;
  }

  /** The file currently written to, if any. */
  get currentFile(): string | undefined {
    return this.#fileName ? join(this.#dir, this.#fileName) : undefined;
  }

  /** Journals every event the bus delivers; returns the unsubscribe function. */
  attach(bus: EventBus): Unsubscribe {
    return bus.onAny((event) => this.write(event));
  }

  /** Appends one event to the file of the event's day (or to the backlog while the file cannot be written). */
  write(event: StreamEvent): void {
    const fileName = journalFileName(new Date(event.timestamp));
    const record = this.#includeRaw || event.raw === undefined ? event : { ...event, raw: undefined };
    const line = `${JSON.stringify(record)}\n`;
    if (this.#retryAt !== undefined) {
      if (Date.now() < this.#retryAt || !this.#reopen()) {
        this.#keep(fileName, line);
        return;
      }
    }
    this.#append(fileName, line);
  }

  #append(fileName: string, line: string): void {
    try {
      if (fileName !== this.#fileName || !this.#stream) this.#open(fileName);
      this.#send(fileName, line);
    } catch (error) {
      this.#fail(error as Error);
      this.#keep(fileName, line);
    }
  }

  /** Writes a line; if the write fails, the line goes back to the backlog (nothing is dropped unseen). */
  #send(fileName: string, line: string): void {
    this.#stream!.write(line, (error) => {
      if (!error) {
        this.#written++;
        return;
      }
      this.#fail(error);
      this.#keep(fileName, line);
    });
  }

  #open(fileName: string): void {
    if (this.#stream) this.#ending.add(this.#end(this.#stream));
    mkdirSync(this.#dir, { recursive: true });
    const stream = createWriteStream(join(this.#dir, fileName), { flags: 'a' });
    stream.on('error', (error) => {
      if (this.#stream === stream) this.#fail(error);
    });
    this.#stream = stream;
    this.#fileName = fileName;
  }

  /** The file failed: report it once, drop the stream, retry later. */
  #fail(error: Error): void {
    const stream = this.#stream;
    this.#stream = undefined;
    this.#fileName = undefined;
    stream?.destroy();
    if (this.#retryAt === undefined)
      this.#onError(new Error(`cannot write the event journal in ${this.#dir}: ${error.message}`), {
        waiting: this.#backlog.length,
        lost: this.#lost,
      });
    this.#retryAt = Date.now() + this.#retryMs;
  }

  /** Tries the file again, writing the backlog first; false when it still fails. */
  #reopen(): boolean {
    this.#retryAt = undefined;
    while (this.#backlog.length > 0 && this.#retryAt === undefined) {
      const { fileName, line } = this.#backlog[0]!;
      try {
        if (fileName !== this.#fileName || !this.#stream) this.#open(fileName);
        this.#backlog.shift();
        this.#send(fileName, line);
      } catch (error) {
        this.#fail(error as Error);
      }
    }
    return this.#retryAt === undefined;
  }

  #keep(fileName: string, line: string): void {
    this.#backlog.push({ fileName, line });
    if (this.#backlog.length > this.#maxBacklog) {
      this.#backlog.shift();
      this.#lost++;
      this.#onError(new Error(`the event journal's backlog is full (${this.#maxBacklog} lines): gave up its oldest line`), {
        waiting: this.#backlog.length,
        lost: this.#lost,
      });
    }
  }

  /** Ends a stream; the promise settles when its last write has finished (or failed). */
  #end(stream: WriteStream): Promise<void> {
    const ended: Promise<void> = new Promise<void>((resolve) => {
      stream.once('close', () => resolve());
      stream.end();
    }).finally(() => this.#ending.delete(ended));
    return ended;
  }

  /** Flushes and closes the current file, and waits for the files of earlier days to finish too. */
  async close(): Promise<void> {
    const stream = this.#stream;
    this.#stream = undefined;
    this.#fileName = undefined;
    if (stream) this.#ending.add(this.#end(stream));
    await Promise.all([...this.#ending]);
  }
}
