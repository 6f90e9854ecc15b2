import type { z } from 'zod';
import type { ValidationIssue } from '../errors.js';
import { ruleSchema, type Rule } from './rule-schema.js';

/** The result of {@link validateRules}. */
export type ValidateRulesResult = { ok: true; rules: Rule[] } | { ok: false; issues: ValidationIssue[] };

/** Formats a zod path as `[2].conditions.all[0].op`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out.length === 0 ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Turns zod issues into {@link ValidationIssue}s, paths prefixed. */
export function toIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

/**
 * Validates a rules file's content (an array of rules, or `{ "rules": [...] }`) and names **every**
 * problem by path, e.g. `[2].conditions.all[0].op`, including duplicate ids and names.
 *
 * @example
 * ```ts
 * const result = validateRules(JSON.parse(readFileSync('rules.json', 'utf8')));
 * if (!result.ok) for (const issue of result.issues) console.error(`${issue.path}: ${issue.message}`);
 * else for (const rule of result.rules) engine.addRule(rule);
 * ```
 */
export function validateRules(input: unknown): ValidateRulesResult {
  const wrapped = typeof input === 'object' && input !== null && !Array.isArray(input) && 'rules' in input;
  const list = wrapped ? (input as { rules: unknown }).rules : input;
  const prefix: PropertyKey[] = wrapped ? ['rules'] : [];
  if (!Array.isArray(list)) {
    return { ok: false, issues: [{ path: formatPath(prefix), message: 'expected an array of rules (or an object with a "rules" array)' }] };
  }
  const issues: ValidationIssue[] = [];
  const rules: Rule[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  list.forEach((item, index) => {
    const result = ruleSchema.safeParse(item);
    if (!result.success) {
      issues.push(...toIssues(result.error, [...prefix, index]));
    } else {
      rules.push(result.data);
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
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rules };
}
