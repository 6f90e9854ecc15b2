import type { ValidationIssue } from '../errors.js';
import { RunQueue, type OverflowPolicy, type QueueStatus } from './queue.js';
import { DEFAULT_QUEUE_LENGTH, type Rule } from './rule-schema.js';
import { formatPath } from './validate-issues.js';

/** What a rule says of a named queue's settings (only what it gives), and who said it. */
export interface QueueSettings {
  maxLength?: number;
  overflow?: OverflowPolicy;
  /** The rule that gave them (its name). */
  by: string;
}

type QueueRun = Extract<Rule['run'], { mode: 'queue' }>;

/** The named queue a rule uses, if any. */
function namedQueue(rule: Rule): (QueueRun & { queue: string }) | undefined {
  return rule.run.mode === 'queue' && rule.run.queue !== undefined ? (rule.run as QueueRun & { queue: string }) : undefined;
}

/** Records the settings `rule` gives its named queue, if any, in `settings` (name → settings; the first rule to give one wins). */
export function recordQueueSettings(settings: Map<string, QueueSettings>, rule: Rule): void {
  const run = namedQueue(rule);
  if (!run || (run.maxLength === undefined && run.overflow === undefined)) return;
  const known: QueueSettings = { ...(settings.get(run.queue) ?? { by: rule.name }) };
  if (known.maxLength === undefined && run.maxLength !== undefined) known.maxLength = run.maxLength;
  if (known.overflow === undefined && run.overflow !== undefined) known.overflow = run.overflow;
  settings.set(run.queue, known);
}

/**
 * The rules (each at its `path`) that give a named queue a `maxLength` or
 * `overflow` another rule gave differently, as issues at `run.maxLength` / `run.overflow`. `known`
 * holds the settings of rules already added; it is extended with the rules checked (pass a copy).
 */
export function queueProblems(
  rules: ReadonlyArray<{ rule: Rule; path: PropertyKey[] }>,
  known: Map<string, QueueSettings>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const { rule, path } of rules) {
    const run = namedQueue(rule);
    if (!run) continue;
    const settled = known.get(run.queue);
    for (const key of ['maxLength', 'overflow'] as const) {
      const given = run[key];
      const earlier = settled?.[key];
      if (given !== undefined && earlier !== undefined && given !== earlier) {
        issues.push({
          path: formatPath([...path, 'run', key]),
          message: `queue "${run.queue}" has ${key} ${JSON.stringify(earlier)} (rule "${settled!.by}"): rules sharing a queue must agree (or leave it out)`,
        });
      }
    }
    recordQueueSettings(known, rule);
  }
  return issues;
}

/**
 * The engine's queues: one per named queue (shared by the rules naming it) and one per rule in queue
 * mode without a name. A named queue lives as long as the engine (pausing it holds for rules added
 * later); its settings are those a rule gave, else the defaults.
 */
export class QueueRegistry {
  readonly #named = new Map<string, RunQueue>();

  /** The queue of a rule in queue mode (created on first use), or `undefined` for a concurrent rule. */
  queueOf(rule: Rule): RunQueue | undefined {
    if (rule.run.mode !== 'queue') return undefined;
    const { queue: name, maxLength, overflow } = rule.run;
    if (name === undefined) return new RunQueue(`rule:${rule.name}`, maxLength ?? DEFAULT_QUEUE_LENGTH, overflow ?? 'drop-oldest');
    let queue = this.#named.get(name);
    if (!queue) {
      queue = new RunQueue(name, maxLength ?? DEFAULT_QUEUE_LENGTH, overflow ?? 'drop-oldest');
      this.#named.set(name, queue);
    } else if (maxLength !== undefined || overflow !== undefined) {
      queue.configure(maxLength ?? queue.maxLength, overflow ?? queue.overflow);
    }
    return queue;
  }

  /** A named queue. */
  get(name: string): RunQueue | undefined {
    return this.#named.get(name);
  }

  /** Every named queue's state, in creation order. */
  statuses(): QueueStatus[] {
    return [...this.#named.values()].map((queue) => queue.status());
  }

  /** Every named queue. */
  values(): IterableIterator<RunQueue> {
    return this.#named.values();
  }
}
