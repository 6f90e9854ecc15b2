import type { ValidationIssue } from '../errors.js';
import type { Action } from './actions.js';
import type { Rule } from './rule-schema.js';
import { formatPath } from './validate-issues.js';

/** Calls `visit` for every action of a list and of the lists nested in it (`random`, `if`), with its path. */
export function walkActions(actions: readonly Action[], base: PropertyKey[], visit: (action: Action, path: PropertyKey[]) => void): void {
  actions.forEach((action, index) => {
    const path = [...base, index];
    visit(action, path);
    if (action.type === 'random')
      action.choices.forEach((choice, i) => walkActions(choice.actions, [...path, 'choices', i, 'actions'], visit));
    if (action.type === 'if') {
      walkActions(action.then, [...path, 'then'], visit);
      if (action.else) walkActions(action.else, [...path, 'else'], visit);
    }
  });
}

/** Calls `visit` for every action of a rule: its `actions` and, for a command rule, its `onUsage` actions. */
export function walkRuleActions(rule: Rule, prefix: PropertyKey[], visit: (action: Action, path: PropertyKey[]) => void): void {
  walkActions(rule.actions, [...prefix, 'actions'], visit);
  if (rule.onUsage) walkActions(rule.onUsage, [...prefix, 'onUsage'], visit);
}

/**
 * The `runRule` actions of `rule` naming a rule that `known` does not know (by id or name), as
 * issues at their `rule` field (paths prefixed).
 */
export function unknownRuleReferences(rule: Rule, known: (idOrName: string) => boolean, prefix: PropertyKey[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  walkRuleActions(rule, prefix, (action, path) => {
    if (action.type === 'runRule' && !known(action.rule)) {
      issues.push({
        path: formatPath([...path, 'rule']),
        message: `no rule with id or name ${JSON.stringify(action.rule)} (add the rule it runs first, or in the same file)`,
      });
    }
  });
  return issues;
}
