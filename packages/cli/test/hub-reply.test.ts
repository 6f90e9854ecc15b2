import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesValidateCommand } from '../src/commands/rules-validate.js';
import { startCommand } from '../src/commands/start.js';
import { captureIo } from './io.js';

const replyRule = (sources: string[]) => ({
  id: '9b0c3f4e-1a2d-4e5f-8a6b-7c8d9e0f1a2b',
  name: 'Dice',
  trigger: { types: ['chat'], sources },
  actions: [{ type: 'reply', text: '{{user.nickname}} rolled a 4' }],
});

describe('the hub knows the reply action', () => {
  it('`vmsc rules validate` accepts a rules file that replies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-reply-'));
    await writeFile(join(dir, 'rules.json'), JSON.stringify([replyRule(['twitch', 'kick'])]));
    const io = captureIo(dir, {});
    expect(await rulesValidateCommand('rules.json', io)).toBe(0);
    expect(io.out()).toMatch(/1 rule valid/);
  });

  it('`vmsc start` refuses a reply whose trigger only matches sources no configured connector can send on, by path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmsc-reply-'));
    await writeFile(join(dir, 'rules.json'), JSON.stringify([replyRule(['tiktok'])]));
    await writeFile(
      join(dir, 'vmsc.config.json'),
      JSON.stringify({ server: { enabled: false }, rules: 'rules.json', journal: { enabled: false } }),
    );
    const io = captureIo(dir, {});
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/\[0\]\.actions\[0\]/);
    expect(io.err()).toMatch(/tiktok/);
  });
});
