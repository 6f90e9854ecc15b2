import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus, createEvent } from '@vmsc/core';
import { sampleEvents } from '@vmsc/testing';
import { EventJournal, journalFileName } from '../src/journal/event-journal.js';
import { readJournal, type JournalEntry } from '../src/journal/read-journal.js';

describe('event journal', () => {
  it('writes every bus event as JSON Lines into one file per day, without raw by default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-journal-'));
    const bus = new EventBus();
    const journal = new EventJournal({ dir });
    journal.attach(bus);
    const day1 = new Date(2026, 10, 24, 23, 59).getTime();
    const day2 = new Date(2026, 10, 25, 0, 1).getTime();
    bus.publish(createEvent({ source: 'kick', type: 'chat', timestamp: day1, data: { message: 'late' }, raw: { big: 'x'.repeat(100) } }));
    bus.publish(createEvent({ source: 'kick', type: 'chat', timestamp: day2, data: { message: 'early' } }));
    await journal.close();
    expect(journal.written).toBe(2);
    const first = await readFile(join(dir, journalFileName(new Date(day1))), 'utf8');
    const second = await readFile(join(dir, journalFileName(new Date(day2))), 'utf8');
    expect(journalFileName(new Date(day1))).toBe('2026-11-24.jsonl');
    expect(first.trim().split('\n')).toHaveLength(1);
    expect(first).not.toContain('"raw"');
    expect(JSON.parse(second).data.message).toBe('early');
  });

  it('a write error (a directory where the file should be) is reported, keeps the stream going, and the lines are written on retry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-journal-'));
    const when = new Date(2026, 10, 24, 12).getTime();
    const file = join(dir, journalFileName(new Date(when)));
    await mkdir(file); // the journal cannot open its file
    const errors: string[] = [];
    const bus = new EventBus();
    const delivered: string[] = [];
    bus.on('chat', (event) => void delivered.push(event.data.message));
    const journal = new EventJournal({ dir, retryMs: 50, onError: (error) => errors.push(error.message) });
    journal.attach(bus);
    const chat = (message: string) => createEvent({ source: 'kick', type: 'chat', timestamp: when, data: { message } });
    bus.publish(chat('one'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    bus.publish(chat('two'));
    expect(delivered).toEqual(['one', 'two']);
    expect(errors).toEqual([expect.stringMatching(/cannot write the event journal in .*EISDIR/)]);
    expect(journal.waiting).toBe(2);
    // The disk is fixed; the next event after the retry time writes the backlog first, in order.
    await rm(file, { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 60));
    bus.publish(chat('three'));
    await journal.close();
    const lines = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).data.message);
    expect(lines).toEqual(['one', 'two', 'three']);
    expect(journal.waiting).toBe(0);
    expect(journal.lost).toBe(0);
  });

  it('a full backlog gives up its oldest lines and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-journal-'));
    const when = new Date(2026, 10, 24, 12).getTime();
    await mkdir(join(dir, journalFileName(new Date(when))));
    const details: Array<{ waiting: number; lost: number }> = [];
    const journal = new EventJournal({ dir, retryMs: 60_000, maxBacklog: 2, onError: (_error, detail) => details.push(detail) });
    journal.write(createEvent({ source: 'kick', type: 'chat', timestamp: when, data: { message: 'a' } }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    for (const message of ['b', 'c', 'd']) journal.write(createEvent({ source: 'kick', type: 'chat', timestamp: when, data: { message } }));
    expect(journal.waiting).toBe(2);
    expect(journal.lost).toBe(2);
    expect(details.at(-1)).toEqual({ waiting: 2, lost: 2 });
    await journal.close();
  });

  it('reads a journal back, validating each line and reporting bad lines by number', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-journal-'));
    const file = join(dir, 'day.jsonl');
    const events = sampleEvents();
    await writeFile(file, events.map((event) => JSON.stringify(event)).join('\n') + '\n');
    await appendFile(file, '{not json}\n\n{"type":"gift","source":"tiktok"}\n');
    const entries: JournalEntry[] = [];
    for await (const entry of readJournal(file)) entries.push(entry);
    const good = entries.filter((entry) => 'event' in entry);
    const bad = entries.filter((entry) => 'error' in entry);
    expect(good).toHaveLength(events.length);
    expect(bad.map((entry) => entry.line)).toEqual([events.length + 1, events.length + 3]);
    expect(String((bad[1] as { error: Error }).error.message)).toContain('id');
  });
});
