import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { captureIo } from './io.js';

describe('vmsc command line', () => {
  it('prints usage for help, and an error plus usage for an unknown command', async () => {
    const help = captureIo(process.cwd());
    expect(await runCli(['help'], help)).toBe(0);
    expect(help.out()).toContain('vmsc simulate <type>');
    const unknown = captureIo(process.cwd());
    expect(await runCli(['teleport', 'now'], unknown)).toBe(2);
    expect(unknown.err()).toMatch(/unknown command "teleport now"[\s\S]*usage:/);
  });

  it('rejects unknown options with a clear message', async () => {
    const io = captureIo(process.cwd());
    expect(await runCli(['replay', 'x.jsonl', '--speed', '2'], io)).toBe(2);
    expect(io.err()).toMatch(/--speed/);
  });
});
