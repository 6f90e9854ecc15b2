import { compileRule, type CompiledRule } from './compiled-rule.js';
import { DuplicateRuleError, RuleNotFoundError } from './errors.js';
import type { QueueRegistry } from './queues.js';
import type { ActionRegistry } from './registry.js';
import type { Rule } from './rule-schema.js';
import { TriggerIndex } from './trigger-index.js';

/** Freezes a (JSON) value and everything in it; rules are shared, never copied, so nobody may change them. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * The engine's rules: by id, by name, indexed by trigger for event matching, and a cached frozen list.
 * One rule's name is never another's id (lookups take either).
 */
export class RuleSet {
  readonly #byId = new Map<string, CompiledRule>();
  readonly #byName = new Map<string, CompiledRule>();
  readonly index = new TriggerIndex<CompiledRule>();
  #snapshot: readonly Rule[] | undefined;
  #order = 0;

  constructor(
    readonly actions: ActionRegistry,
    readonly queues: QueueRegistry,
  ) {}

  /** Every compiled rule, in the order they were added. */
  values(): IterableIterator<CompiledRule> {
    return this.#byId.values();
  }

  /** Every rule's id and name (for `runRule` references). */
  names(): string[] {
    return [...this.#byId.values()].flatMap((compiled) => [compiled.rule.id, compiled.rule.name]);
  }

  /** A rule by id or name. */
  find(idOrName: string): CompiledRule | undefined {
    return this.#byId.get(idOrName) ?? this.#byName.get(idOrName);
  }

  /** @throws {@link RuleNotFoundError} for an unknown id or name. */
  require(idOrName: string): CompiledRule {
    const compiled = this.find(idOrName);
    if (!compiled) throw new RuleNotFoundError(idOrName);
    return compiled;
  }

  /** @throws {@link DuplicateRuleError} when `rule`'s id or name is taken (as an id or a name). */
  checkUnique(rule: Rule): void {
    if (this.#byId.has(rule.id)) throw new DuplicateRuleError(`a rule with id ${rule.id} already exists`);
    if (this.#byName.has(rule.name)) throw new DuplicateRuleError(`a rule named "${rule.name}" already exists`);
    if (this.#byId.has(rule.name) || this.#byName.has(rule.id)) {
      throw new DuplicateRuleError(`rule "${rule.name}" (${rule.id}): its name or id is another rule's id or name`);
    }
  }

  /** Compiles and adds a validated rule (frozen); returns its compiled form. */
  insert(parsed: Rule): CompiledRule {
    const rule = deepFreeze(parsed);
    const compiled = compileRule(rule, this.#order++, this.actions, this.queues);
    this.#snapshot = undefined;
    this.#byId.set(rule.id, compiled);
    this.#byName.set(rule.name, compiled);
    this.index.add(compiled);
    return compiled;
  }

  /** Removes a rule; returns it, or `undefined` when there is none. */
  remove(idOrName: string): CompiledRule | undefined {
    const compiled = this.find(idOrName);
    if (!compiled) return undefined;
    this.#byId.delete(compiled.rule.id);
    this.#byName.delete(compiled.rule.name);
    this.index.remove(compiled);
    this.#snapshot = undefined;
    return compiled;
  }

  /** Replaces a rule's `enabled` flag (the rule object is replaced, never mutated). */
  setEnabled(compiled: CompiledRule, enabled: boolean): void {
    if (compiled.rule.enabled === enabled) return;
    compiled.rule = deepFreeze({ ...compiled.rule, enabled });
    this.#snapshot = undefined;
  }

  /** Every rule, in the order they were added (a frozen snapshot, cached until the set changes). */
  list(): readonly Rule[] {
    this.#snapshot ??= Object.freeze([...this.#byId.values()].map((compiled) => compiled.rule));
    return this.#snapshot;
  }
}
