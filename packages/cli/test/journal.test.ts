import { mkdtemp, readFile, writeFile, appendFile } from 'node:fs/promises';
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
