import type { ValidationIssue } from '../errors.js';
import { replyProblems } from './builtin-reply.js';
import { queueProblems, type QueueSettings } from './queues.js';
import { unknownRuleReferences } from './references.js';
import { builtinActionRegistry, type ActionRegistry } from './registry.js';
import { ruleSchemaOf, type Rule } from './rule-schema.js';
import { formatPath, toIssues } from './validate-issues.js';

export { formatPath, toIssues } from './validate-issues.js';

/** The result of {@link validateRules}. */
export type ValidateRulesResult = { ok: true; rules: Rule[] } | { ok: false; issues: ValidationIssue[] };

/** Options of {@link validateRules}. */
export interface ValidateRulesOptions {
  /**
   * The action types the rules may use: an engine's `engine.actionRegistry` (its registered types), or
   * an {@link ActionRegistry}. Default: the built-in types only.
   */
  actions?: ActionRegistry;
  /**
   * Ids and names of rules that exist outside the file (an engine's rules), which `runRule` actions
   * may name. Rules of the file itself are always known.
   */
  knownRules?: Iterable<string>;
  /**
   * The event sources whose connectors can send chat (see `chatSourcesOf`). When given, a `reply`
   * action without a `connector` in a rule whose trigger only names other sources is an issue at
   * its path. An engine given `connectors` passes its own.
   */
  chatSources?: Iterable<string>;
  /** The ids of the connectors that can send chat: when given, a `reply` naming another `connector` is an issue. */
  chatConnectors?: Iterable<string>;
  /**
   * The settings rules outside the file gave their named queues (an engine's rules): a rule giving
   * one of them another `maxLength` or `overflow` is an issue. Rules of the file are checked among
   * themselves always.
   */
  knownQueues?: ReadonlyMap<string, QueueSettings>;
}

/**
 * Validates a rules file's content (an array of rules, or `{ "rules": [...] }`) and names **every**
 * problem by path, e.g. `[2].conditions.all[0].op`, including duplicate ids and names, action types
 * that are not registered (`[0].actions[1].type`) and `runRule` actions naming no rule
 * (`[0].actions[2].then[0].rule`).
 *
 * @example
 * ```ts
 * const result = validateRules(JSON.parse(readFileSync('rules.json', 'utf8')));
 * if (!result.ok) for (const issue of result.issues) console.error(`${issue.path}: ${issue.message}`);
 * else for (const rule of result.rules) engine.addRule(rule);
 * ```
 */
export function validateRules(input: unknown, options: ValidateRulesOptions = {}): ValidateRulesResult {
  const schema = ruleSchemaOf(options.actions ?? builtinActionRegistry);
  const wrapped = typeof input === 'object' && input !== null && !Array.isArray(input) && 'rules' in input;
  const list = wrapped ? (input as { rules: unknown }).rules : input;
  const prefix: PropertyKey[] = wrapped ? ['rules'] : [];
  if (!Array.isArray(list)) {
    return { ok: false, issues: [{ path: formatPath(prefix), message: 'expected an array of rules (or an object with a "rules" array)' }] };
  }
  const issues: ValidationIssue[] = [];
  const rules: Array<{ rule: Rule; index: number }> = [];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  list.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) {
      issues.push(...toIssues(result.error, [...prefix, index]));
    } else {
      rules.push({ rule: result.data, index });
    }
    const candidate = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    for (const [key, seen] of [
      ['id', ids],
      ['name', names],
    ] as const) {
      const value = candidate[key];
      if (typeof value !== 'string') continue;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else
        issues.push({
          path: formatPath([...prefix, index, key]),
          message: `duplicate ${key} ${JSON.stringify(value)} (also ${formatPath([...prefix, first])})`,
        });
    }
  });
  const known = new Set(options.knownRules);
  const knows = (idOrName: string) => known.has(idOrName) || ids.has(idOrName) || names.has(idOrName);
  for (const { rule, index } of rules) issues.push(...unknownRuleReferences(rule, knows, [...prefix, index]));
  issues.push(
    ...queueProblems(
      rules.map(({ rule, index }) => ({ rule, path: [...prefix, index] })),
      new Map(options.knownQueues),
    ),
  );
  if (options.chatSources !== undefined) {
    const chatSources = new Set(options.chatSources);
    const chatConnectors = options.chatConnectors === undefined ? undefined : new Set(options.chatConnectors);
    for (const { rule, index } of rules) issues.push(...replyProblems(rule, chatSources, chatConnectors, [...prefix, index]));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rules: rules.map((entry) => entry.rule) };
}
