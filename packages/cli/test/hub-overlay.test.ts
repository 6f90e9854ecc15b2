import { describe, expect, it } from 'vitest';
import { rulesValidateCommand } from '../src/commands/rules-validate.js';
import { startCommand } from '../src/commands/start.js';
import { captureIo, hubDir } from './io.js';

const alertRule = (action: Record<string, unknown>) => ({
  id: '8d2e3f40-5b6c-4d7e-9f80-a1b2c3d4e5f6',
  name: 'Follow alert',
  trigger: { types: ['follow'] },
  actions: [{ type: 'overlay', ...action }],
});

describe('the hub shows overlay alerts', () => {
  it('refuses overlay rules by path when the custom WS server is disabled', async () => {
    const dir = await hubDir({ server: { enabled: false } }, [alertRule({ title: '{{user.nickname}} followed!' })]);
    const io = captureIo(dir, {});
    expect(await startCommand({ config: 'vmsc.config.json' }, io)).toBe(2);
    expect(io.err()).toMatch(/\[0\]\.actions\[0\]\.type: "overlay" actions need the custom WS server/);
  });

  it('`vmsc rules validate` checks the shape of overlay actions', async () => {
    const dir = await hubDir({}, [alertRule({ durationMs: 5 })]);
    const io = captureIo(dir, {});
    expect(await rulesValidateCommand('rules.json', io)).toBe(2);
    expect(io.err()).toMatch(/\[0\]\.actions\[0\]\.title: an overlay alert needs a "title" or a "message"/);
    expect(io.err()).toMatch(/\[0\]\.actions\[0\]\.durationMs/);
  });
});
