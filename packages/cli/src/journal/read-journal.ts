import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseEvent, type StreamEvent, type ValidationError } from '@vmsc/core';

/** One line of a journal: the event, or why the line is not one. */
export type JournalEntry = { line: number; event: StreamEvent } | { line: number; error: ValidationError | Error };

/**
 * Reads a JSON Lines journal, validating each line with `parseEvent`. Bad lines are yielded as
 * errors with their line number, never skipped silently; empty lines are ignored.
 */
export async function* readJournal(file: string): AsyncGenerator<JournalEntry> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      yield { line, error: new Error(`line ${line}: not valid JSON: ${(error as Error).message}`) };
      continue;
    }
    const result = parseEvent(json);
    yield result.ok ? { line, event: result.event } : { line, error: result.error };
  }
}
