import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ValidationError, type Rule, type RuleEngine } from '@vmsc/core';
import type { AdminReloadResult } from '@vmsc/core/protocol';

/**
 * Live rule changes: reading the rules file again, diffing it with what was loaded last, and
 * applying the difference to the running engine without touching its state.
 *
 * @packageDocumentation
 */

/** Where the hub's rules come from, for reloads: the files read and how to read and validate them. */
export interface RulesSource {
  /** The rules file(s) (absolute paths); these are watched. */
  files: readonly string[];
  /** Reads and validates them (core's rule validation, with the hub's action types); throws a `ValidationError` naming every problem. */
  load(): Promise<Rule[]>;
}

const key = (rule: Rule): string => JSON.stringify(rule);

/**
 * Applies a new version of the rules file to the engine: rules that disappeared are removed, rules
 * whose definition changed are replaced (same id: their cooldowns stay), new ones added; rules the
 * file did not change are left alone (a rule disabled over the admin API stays disabled). Counters,
 * variables, cooldowns and viewers' points are not touched. All or nothing: if the engine refuses
 * the new rules, the previous ones are put back and the error is thrown.
 */
export class RulesReloader {
  readonly #engine: RuleEngine;
  /** The rules as the file defined them last, by id. */
  #loaded = new Map<string, { rule: Rule; key: string }>();

  constructor(engine: RuleEngine, initial: readonly Rule[]) {
    this.#engine = engine;
    for (const rule of initial) this.#loaded.set(rule.id, { rule, key: key(rule) });
  }

  /** Applies `next` (already validated) and says what changed. */
  apply(next: readonly Rule[], files: readonly string[]): AdminReloadResult {
    const engine = this.#engine;
    const nextIds = new Set(next.map((rule) => rule.id));
    const removed = [...this.#loaded.values()].filter((entry) => !nextIds.has(entry.rule.id)).map((entry) => entry.rule);
    const changed = next.filter((rule) => {
      const before = this.#loaded.get(rule.id);
      return before !== undefined && before.key !== key(rule);
    });
    const added = next.filter((rule) => !this.#loaded.has(rule.id));
    const outgoing = [...removed, ...changed.map((rule) => this.#loaded.get(rule.id)!.rule)];
    // What runs now (a rule may have been switched off at run time): put back as it was on failure.
    const running = outgoing.map((rule) => engine.getRule(rule.id)).filter((rule): rule is Rule => rule !== undefined);
    for (const rule of outgoing) engine.removeRule(rule.id);
    try {
      engine.addRules([...changed, ...added]);
    } catch (error) {
      for (const rule of [...changed, ...added]) engine.removeRule(rule.id);
      engine.addRules(running);
      throw error;
    }
    this.#loaded = new Map(next.map((rule) => [rule.id, { rule, key: key(rule) }]));
    return {
      files: [...files],
      added: added.map((rule) => rule.name),
      replaced: changed.map((rule) => rule.name),
      removed: removed.map((rule) => rule.name),
      unchanged: next.length - added.length - changed.length,
    };
  }
}

/** Options of {@link watchRulesFiles}. */
export interface WatchRulesOptions {
  files: readonly string[];
  /** Called once the files stopped changing for `debounceMs`. */
  onChange: () => void;
  /** A watcher could not be set up or failed. */
  onError: (error: Error) => void;
  /** Default 300 ms: editors write a file in several steps (truncate, write, rename). */
  debounceMs?: number;
}

/**
 * Watches rules files (through their directories, so a file an editor replaces by a rename is still
 * seen) and calls `onChange` once they settle. Returns the function that stops watching.
 */
export function watchRulesFiles(options: WatchRulesOptions): () => void {
  const debounceMs = options.debounceMs ?? 300;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchers: FSWatcher[] = [];
  const byDir = new Map<string, Set<string>>();
  for (const file of options.files) {
    const names = byDir.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    byDir.set(dirname(file), names);
  }
  for (const [dir, names] of byDir) {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, filename) => {
        if (filename !== null && !names.has(basename(filename.toString()))) return;
        clearTimeout(timer);
        timer = setTimeout(options.onChange, debounceMs);
      });
      watcher.on('error', (error) => options.onError(error));
      watchers.push(watcher);
    } catch (error) {
      options.onError(error as Error);
    }
  }
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}

/** Every problem of a refused reload, one line each, with its file and path. */
export function describeReloadError(error: unknown, files: readonly string[]): string {
  if (error instanceof ValidationError) {
    const lines = error.issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`);
    return `${error.message.split(': ')[0]}; kept the running rules:\n${lines.join('\n')}`;
  }
  return `cannot reload ${files.join(', ')}: ${error instanceof Error ? error.message : String(error)}; kept the running rules`;
}
