import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { EventBus, StreamEvent, Unsubscribe } from '@vmsc/core';

/** Options of {@link EventJournal}. */
export interface EventJournalOptions {
  /** Directory of the journal files (created if missing). */
  dir: string;
  /** Keep each event's `raw` platform message too (default false: journals stay small). */
  includeRaw?: boolean;
}

/** The journal file name for a day: `YYYY-MM-DD.jsonl` (local date). */
export function journalFileName(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.jsonl`;
}

/**
 * Writes every event on the bus to a JSON Lines file, one file per (local) day, so that the history
 * survives a restart. `vmsc replay <file>` plays a file back through the bus and the rules.
 */
export class EventJournal {
  readonly #dir: string;
  readonly #includeRaw: boolean;
  #stream: WriteStream | undefined;
  #fileName: string | undefined;
  #written = 0;

  constructor(options: EventJournalOptions) {
    this.#dir = options.dir;
    this.#includeRaw = options.includeRaw ?? false;
  }

  /** Events written since the journal was created. */
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

  /** Appends one event to the file of the event's day. */
  write(event: StreamEvent): void {
    const fileName = journalFileName(new Date(event.timestamp));
    if (fileName !== this.#fileName || !this.#stream) {
      this.#stream?.end();
      mkdirSync(this.#dir, { recursive: true });
      this.#stream = createWriteStream(join(this.#dir, fileName), { flags: 'a' });
      this.#fileName = fileName;
    }
    const record = this.#includeRaw || event.raw === undefined ? event : { ...event, raw: undefined };
    this.#stream.write(`${JSON.stringify(record)}\n`);
    this.#written++;
  }

  /** Flushes and closes the current file. */
  close(): Promise<void> {
    const stream = this.#stream;
    this.#stream = undefined;
    this.#fileName = undefined;
    if (!stream) return Promise.resolve();
    return new Promise((resolve) => stream.end(() => resolve()));
  }
}
