import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCommand } from '../src/commands/start.js';
import { captureIo, hubDir } from './io.js';

const listeners = () => [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('vmsc start and signals', () => {
  it('SIGTERM after SIGINT is answered, not obeyed; the state is saved and every listener removed', async () => {
    const before = listeners();
    for (const [first, second] of [
      ['SIGINT', 'SIGTERM'],
      ['SIGTERM', 'SIGINT'],
    ] as const) {
      const dir = await hubDir({ connectors: [], server: { enabled: false } }, []);
      const io = captureIo(dir);
      const run = startCommand({ config: join(dir, 'vmsc.config.json') }, io);
      await until(() => process.listenerCount('SIGINT') > before[0]!);
      process.emit(first);
      process.emit(second);
      expect(await run).toBe(0);
      expect(io.out()).toMatch(/shutting down/);
      expect(io.out()).toMatch(/still shutting down/);
      expect(existsSync(join(dir, 'vmsc-state.json'))).toBe(true);
      expect(listeners()).toEqual(before);
    }
  });
});
