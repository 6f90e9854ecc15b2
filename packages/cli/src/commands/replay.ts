import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EventBus, RuleEngine, validateRules } from '@vmsc/core';
import { readJournal } from '../journal/read-journal.js';
import { PlainView } from '../view/hub-view.js';
import type { CommandIo, ExitCode } from './io.js';

/** Options of `vmsc replay`. */
export interface ReplayOptions {
  /** A rules file whose rules run for the replayed events. */
  rules?: string;
  /** Keep the original spacing between events (default: as fast as possible). */
  realtime?: boolean;
}

/**
 * `vmsc replay <file> [--rules rules.json] [--realtime]`: plays a journal (JSON Lines) back through a
 * bus and the rules, printing each event and rule run. Bad lines are reported with their number.
 * Exit code 0 when every line replayed, 1 when some lines were bad, 2 on bad usage.
 */
export async function replayCommand(file: string | undefined, options: ReplayOptions, io: CommandIo): Promise<ExitCode> {
  if (!file) {
    io.stderr.write('usage: vmsc replay <journal.jsonl> [--rules rules.json] [--realtime]\n');
    return 2;
  }
  const bus = new EventBus();
  const view = new PlainView(io.stdout, Boolean(io.stdout.isTTY));
  const engine = new RuleEngine({ bus, logger: (_level, message, context) => view.ruleMessage(context.rule.name, message) });
  if (options.rules) {
    const rulesPath = resolve(io.cwd, options.rules);
    const result = validateRules(JSON.parse(await readFile(rulesPath, 'utf8')));
    if (!result.ok) {
      for (const issue of result.issues) io.stderr.write(`${rulesPath}: ${issue.path}: ${issue.message}\n`);
      return 2;
    }
    engine.addRules(result.rules);
  }
  engine.onRun((run) =>
    view.ruleRun(`${run.rule.name} → ${run.outcome} (${run.durationMs} ms)${run.error ? `: ${run.error.message}` : ''}`),
  );
  bus.onAny((event) => view.event(event));
  let replayed = 0;
  let bad = 0;
  let previous: number | undefined;
  try {
    for await (const entry of readJournal(resolve(io.cwd, file))) {
      if ('error' in entry) {
        bad++;
        view.error('replay', `line ${entry.line}: ${entry.error.message}`);
        continue;
      }
      if (options.realtime && previous !== undefined) {
        await new Promise((done) => setTimeout(done, Math.max(0, Math.min(entry.event.timestamp - previous!, 10_000))));
      }
      previous = entry.event.timestamp;
      bus.publish(entry.event);
      replayed++;
    }
  } catch (error) {
    io.stderr.write(`${resolve(io.cwd, file)}: ${(error as Error).message}\n`);
    return 2;
  }
  await engine.idle();
  engine.close();
  view.info(`replayed ${replayed} events${bad ? `, ${bad} bad lines` : ''}`);
  return bad > 0 ? 1 : 0;
}
