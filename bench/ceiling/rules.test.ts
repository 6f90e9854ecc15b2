import { describe, expect, it } from 'vitest';
import { validateRules } from '@vmsc/core';
import { hubRuleValidation } from '../../packages/cli/src/hub/hub-actions.js';
import { generateRules, RULE_MIX } from './rules.js';

describe("the ceiling bench's rules", () => {
  it('are 1,000 rules the hub accepts, with unique ids and names, and no action that leaves the machine', () => {
    const rules = generateRules();
    expect(rules).toHaveLength(1_000);
    expect(Object.values(RULE_MIX).reduce((sum, n) => sum + n, 0)).toBe(1_000);
    const result = validateRules(rules, hubRuleValidation([], {}));
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(1_000);
    expect(new Set(rules.map((rule) => rule.name)).size).toBe(1_000);
    const text = JSON.stringify(rules);
    expect(text).not.toMatch(/"type":"(reply|http|obs)"/);
    expect(text).not.toMatch(/token|secret|password/i);
  });
});
