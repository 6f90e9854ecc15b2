import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { openFakeCount, waitUntil } from '@vmsc/testing';
import { runCli } from '../src/cli.js';
import { demoCommand } from '../src/commands/demo.js';
import { captureIo } from './io.js';

describe('vmsc demo', () => {
  it('--once: the real connectors of every platform connect to the fakes, events of every platform flow, every sample rule fires', async () => {
    const io = captureIo(tmpdir(), {});
    expect(await runCli(['demo', '--once', '--port', '0'], io)).toBe(0);
    const out = io.out();
    expect(io.err()).toBe('');
    // Every connector reached `connected` through the hub (status lines of the plain view).
    for (const id of ['kick', 'twitch', 'tiktok', 'youtube', 'streamlabs', 'streamelements', 'pulsoid', 'hyperate'])
      expect(out, id).toMatch(new RegExp(`status\\s+${id} \\(\\w+\\) connected`));
    // Events of every platform, typed and described by the view.
    expect(out).toMatch(/event\s+kick chat: \w+: !dice/);
    expect(out).toMatch(/event\s+twitch follow: \w+ followed/);
    expect(out).toMatch(/event\s+twitch cheer: \w+ cheered 500 bits/);
    expect(out).toMatch(/event\s+tiktok gift: \w+ sent 3× Rose/);
    expect(out).toMatch(/event\s+youtube super_chat: @\w+ gave 10 USD/);
    expect(out).toMatch(/event\s+streamlabs donation: \w+ gave 5 USD/);
    expect(out).toMatch(/event\s+streamelements tip: \w+ gave 3 EUR/);
    expect(out).toMatch(/event\s+heartrate bpm_update: heart rate 146 bpm/);
    // Every sample rule ran, with its output.
    expect(out).toMatch(/rule\s+Thank gift streaks: thank you \w+ for 3x Rose!/);
    expect(out.match(/Thank gift streaks for tiktok gift → completed/g)).toHaveLength(1); // once per streak, not per step
    expect(out).toMatch(/rule\s+Dice on Kick: @\w+ rolled a [1-6] 🎲/);
    expect(out).toMatch(/rule\s+Follow alert: new follower on twitch: \w+ \(follow #\d\)/);
    expect(out).toMatch(/rule\s+Thank tips: thanks \w+ for 5 USD on streamlabs!/);
    expect(out).toMatch(/rule\s+High heart rate: heart rate 146 bpm: breathe!/);
    expect(out).not.toMatch(/High heart rate: heart rate 88/);
    // The overlay's connection details, and a clean shutdown.
    expect(out).toMatch(/connect to ws:\/\/127\.0\.0\.1:\d+ with token [\w-]{20,}/);
    expect(out).toContain('shutting down…');
    expect(out).not.toMatch(/\berror\b/);
    expect(openFakeCount()).toBe(0);
  }, 30_000);

  it('runs in a loop until stopped (Ctrl-C is an abort here), then shuts everything down cleanly', async () => {
    const io = captureIo(tmpdir(), { VMSC_TOKEN: 'my-overlay-token-123' });
    const abort = new AbortController();
    const running = demoCommand({ port: 0, stepMs: 5, signal: abort.signal }, io);
    // A second loop starts (usernames carry the loop number).
    await waitUntil(() => /event\s+kick chat: \w+_1:/.test(io.out()), 'the second loop', { timeoutMs: 15_000 });
    abort.abort();
    expect(await running).toBe(0);
    expect(io.out()).toContain('with token my-overlay-token-123');
    expect(io.out()).toMatch(/shutting down…[\s\S]*status\s+kick \(kick\) disconnected/);
    expect(openFakeCount()).toBe(0);
  }, 30_000);

  it('--duration stops by itself; a bad option value is refused with exit code 2', async () => {
    const io = captureIo(tmpdir(), {});
    expect(await runCli(['demo', '--port', '0', '--duration', '0.5'], io)).toBe(0);
    expect(io.out()).toContain('shutting down…');
    const bad = captureIo(tmpdir(), {});
    expect(await runCli(['demo', '--port', 'many'], bad)).toBe(2);
    expect(bad.err()).toMatch(/--port must be a non-negative number/);
  }, 20_000);
});
