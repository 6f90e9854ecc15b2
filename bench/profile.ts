/**
 * A CPU profile of one bench task, in-process (V8's sampling profiler through `node:inspector`):
 * the task runs for a while under the profiler and the samples are summed by function (self time).
 * This is what a figure above its target is explained with: where the time of a frame goes.
 *
 * @packageDocumentation
 */
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One function's share of the profiled time. */
export interface ProfileRow {
  /** `name (file)`, the file relative to the repository (lines are left out: tsx's output is not the source's). */
  where: string;
  /** Share of all samples, 0–1. */
  share: number;
}

/** A task's profile: the functions with the most self time, and what the rest adds up to. */
export interface TaskProfile {
  task: string;
  /** Time per operation while profiled, ns (slower than unprofiled: read the shares, not this). */
  samples: number;
  rows: ProfileRow[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

const root = fileURLToPath(new URL('../', import.meta.url));

function describe(frame: ProfileNode['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.startsWith('file://') ? relative(root, fileURLToPath(frame.url)) : frame.url;
  return `${name} (${file.replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')})`;
}

/**
 * Runs `fn` for `ms` under V8's sampling profiler (every 50 µs) and returns the `top` functions by
 * self time. Functions of the same name and place are summed; GC shows as `(garbage collector)`.
 */
export async function profileTask(task: string, fn: () => unknown, options: { ms?: number; top?: number } = {}): Promise<TaskProfile> {
  const ms = options.ms ?? 600;
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 50 });
    await session.post('Profiler.start');
    const deadline = performance.now() + ms;
    let keep = 0;
    while (performance.now() < deadline) {
      for (let i = 0; i < 64; i++) {
        const result = fn();
        if (result instanceof Promise) await result;
        else if (result === keep) keep++;
      }
    }
    const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
    const byPlace = new Map<string, number>();
    let total = 0;
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
      const where = describe(node.callFrame);
      byPlace.set(where, (byPlace.get(where) ?? 0) + hits);
      total += hits;
    }
    const rows = [...byPlace]
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.top ?? 12)
      .map(([where, hits]) => ({ where, share: hits / total }));
    return { task, samples: total, rows };
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}

/** The profile as a Markdown table (share of self time per function). */
export function profileMarkdown(profile: TaskProfile): string {
  const lines = [
    `Profile of "${profile.task}" (V8 sampling profiler, ${profile.samples.toLocaleString('en-US')} samples; self time per function, the top ${profile.rows.length}):`,
    '',
    '| function | self time |',
    '|---|---:|',
  ];
  for (const row of profile.rows) lines.push(`| \`${row.where.replace(/\|/g, '\\|')}\` | ${(row.share * 100).toFixed(1)} % |`);
  return lines.join('\n');
}
