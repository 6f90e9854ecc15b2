import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvent } from '@vmsc/core';
import { replayCommand } from '../src/commands/replay.js';
import { rulesValidateCommand } from '../src/commands/rules-validate.js';
import { captureIo } from './io.js';

const goodRule = {
  id: '9b2f1f8e-3c1a-4c55-9d4e-0c7f4a3b2a10',
  name: 'Thank Rose streaks',
  trigger: { types: ['gift'], sources: ['tiktok'] },
  conditions: { all: [{ path: 'data.repeatEnd', op: '==', value: true }] },
  actions: [{ type: 'log', message: 'thanks {{user.nickname}} for {{data.repeatCount}} {{data.giftName}}' }],
};

describe('vmsc rules validate', () => {
  it('accepts a valid file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-rules-'));
    await writeFile(join(dir, 'rules.json'), JSON.stringify([goodRule]));
    const io = captureIo(dir);
    expect(await rulesValidateCommand('rules.json', io)).toBe(0);
    expect(io.out()).toContain('1 rule valid');
  });

  it('prints every problem with its path and the file, exit code 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-rules-'));
    const bad = [
      goodRule,
      { ...goodRule, id: 'not-a-uuid', conditions: { all: [{ path: 'data.repeatEnd', op: 'equals', value: true }] } },
      { ...goodRule, id: '1d6c3f0a-8a0e-4b59-8b0c-2b7d9a1e4f22' },
    ];
    await writeFile(join(dir, 'rules.json'), JSON.stringify(bad));
    const io = captureIo(dir);
    expect(await rulesValidateCommand('rules.json', io)).toBe(2);
    const text = io.err();
    expect(text).toContain(join(dir, 'rules.json'));
    expect(text).toMatch(/\[1\]\.id/);
    expect(text).toMatch(/\[1\]\.conditions\.all\[0\]\.op/);
    expect(text).toMatch(/\[2\]\.name/); // duplicate name
  });

  it('reports a missing or broken file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-rules-'));
    await writeFile(join(dir, 'broken.json'), '[{');
    const io = captureIo(dir);
    expect(await rulesValidateCommand('missing.json', io)).toBe(2);
    expect(await rulesValidateCommand('broken.json', io)).toBe(2);
    expect(io.err()).toMatch(/file not found[\s\S]*not valid JSON/);
  });
});

describe('vmsc replay', () => {
  it('plays a journal back through the bus and the rules; a streak fires its rule once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-replay-'));
    const fan = { id: '70345', username: 'rosefan', nickname: 'Rose Fan' };
    const streak = [1, 2, 3].map((count) =>
      createEvent({
        source: 'tiktok',
        type: 'gift',
        user: fan,
        data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: count, repeatEnd: count === 3 },
      }),
    );
    await writeFile(join(dir, 'day.jsonl'), streak.map((event) => JSON.stringify(event)).join('\n') + '\n{"broken": true}\n');
    await writeFile(join(dir, 'rules.json'), JSON.stringify([goodRule]));
    const io = captureIo(dir);
    expect(await replayCommand('day.jsonl', { rules: 'rules.json' }, io)).toBe(1);
    const text = io.out();
    expect(text.match(/Thank Rose streaks → completed/g)).toHaveLength(1);
    expect(text).toContain('thanks Rose Fan for 3 Rose');
    expect(text).toContain('replayed 3 events, 1 bad lines');
    expect(text).toMatch(/line 4: invalid StreamEvent/);
  });
});
