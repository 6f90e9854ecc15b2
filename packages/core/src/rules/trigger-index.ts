import type { StreamEvent } from '../events/stream-event.js';
import { commandKeyOf, commandKeys } from './command.js';
import type { Condition } from './conditions.js';
import { isPrimitive, type JsonPrimitive } from './json.js';
import { compilePath, type PathGetter, type Scope } from './path.js';
import type { RuleTrigger } from './rule-schema.js';

/** What the index needs to know of a rule. */
export interface Indexable {
  /** Insertion order: candidates come back in it. */
  readonly order: number;
  readonly trigger: RuleTrigger | undefined;
  readonly conditions: Condition | undefined;
}

interface EqualityIndex<T> {
  read: PathGetter;
  byValue: Map<JsonPrimitive, T[]>;
}

interface Bucket<T> {
  /** Rules that must be checked for every event of the bucket. */
  plain: T[];
  /** Rules with a required `path == constant` condition, found by the value at the path. */
  byPath: Map<string, EqualityIndex<T>>;
}

const ANY = '\u0000*';

function bucketKey(source: string, type: string): string {
  return `${source}\u0001${type}`;
}

/**
 * The equality test every match of the condition requires (`path == constant` at the top, or at the
 * top of an `all`), if any. Such rules are indexed by the constant, so that ten thousand
 * `data.giftName == "..."` rules cost one map lookup per event instead of ten thousand tests.
 */
export function requiredEquality(condition: Condition | undefined): { path: string; value: JsonPrimitive } | undefined {
  if (!condition) return undefined;
  if ('all' in condition) {
    for (const child of condition.all) {
      const found = requiredEquality(child);
      if (found) return found;
    }
    return undefined;
  }
  if (
    'path' in condition &&
    condition.op === '==' &&
    condition.valueFrom === undefined &&
    !condition.ignoreCase &&
    isPrimitive(condition.value)
  ) {
    if (condition.path === 'rule' || condition.path.startsWith('rule.') || condition.path.startsWith('rule[')) return undefined;
    return { path: condition.path, value: condition.value };
  }
  return undefined;
}

/**
 * Rules indexed by trigger (source × type, with wildcards) and, inside each bucket, by a required
 * equality condition. Finding the candidates for an event costs four map lookups plus one per
 * indexed path of the matching buckets, whatever the number of rules that cannot match.
 * Candidates still have their full conditions evaluated by the engine.
 */
export class TriggerIndex<T extends Indexable> {
  readonly #buckets = new Map<string, Bucket<T>>();
  /** Command rules by their lowercased names: a chat message costs one lookup of its first word. */
  readonly #commands = new Map<string, T[]>();

  #keys(entry: T): string[] {
    const trigger = entry.trigger;
    if (!trigger || trigger.command !== undefined || trigger.timer !== undefined) return [];
    const sources = trigger.sources ?? [ANY];
    const types = trigger.types ?? [ANY];
    return sources.flatMap((source) => types.map((type) => bucketKey(source, type)));
  }

  /** Adds a rule (a rule without a trigger is manual-only and never a candidate). */
  add(entry: T): void {
    for (const key of commandKeys(entry.trigger)) {
      const list = this.#commands.get(key);
      if (list) list.push(entry);
      else this.#commands.set(key, [entry]);
    }
    const equality = requiredEquality(entry.conditions);
    for (const key of new Set(this.#keys(entry))) {
      let bucket = this.#buckets.get(key);
      if (!bucket) {
        bucket = { plain: [], byPath: new Map() };
        this.#buckets.set(key, bucket);
      }
      if (!equality) {
        bucket.plain.push(entry);
        continue;
      }
      let index = bucket.byPath.get(equality.path);
      if (!index) {
        index = { read: compilePath(equality.path), byValue: new Map() };
        bucket.byPath.set(equality.path, index);
      }
      const list = index.byValue.get(equality.value);
      if (list) list.push(entry);
      else index.byValue.set(equality.value, [entry]);
    }
  }

  /** Removes a rule. */
  remove(entry: T): void {
    for (const key of commandKeys(entry.trigger)) {
      const kept = (this.#commands.get(key) ?? []).filter((item) => item !== entry);
      if (kept.length === 0) this.#commands.delete(key);
      else this.#commands.set(key, kept);
    }
    for (const key of new Set(this.#keys(entry))) {
      const bucket = this.#buckets.get(key);
      if (!bucket) continue;
      bucket.plain = bucket.plain.filter((item) => item !== entry);
      for (const [path, index] of bucket.byPath) {
        for (const [value, list] of index.byValue) {
          const kept = list.filter((item) => item !== entry);
          if (kept.length === 0) index.byValue.delete(value);
          else index.byValue.set(value, kept);
        }
        if (index.byValue.size === 0) bucket.byPath.delete(path);
      }
      if (bucket.plain.length === 0 && bucket.byPath.size === 0) this.#buckets.delete(key);
    }
  }

  /** The rules whose trigger matches the event and whose indexed equality holds, in insertion order. */
  candidates(event: StreamEvent, scope: Scope): T[] {
    let out: T[] | undefined;
    let sources = 0;
    const collect = (key: string) => {
      const bucket = this.#buckets.get(key);
      if (!bucket) return;
      if (bucket.plain.length > 0) {
        out = out ? out.concat(bucket.plain) : bucket.plain.slice();
        sources++;
      }
      for (const index of bucket.byPath.values()) {
        const value = index.read(scope);
        if (!isPrimitive(value)) continue;
        const list = index.byValue.get(value);
        if (!list) continue;
        out = out ? out.concat(list) : list.slice();
        sources++;
      }
    };
    collect(bucketKey(event.source, event.type));
    collect(bucketKey(event.source, ANY));
    collect(bucketKey(ANY, event.type));
    collect(bucketKey(ANY, ANY));
    if (this.#commands.size > 0 && event.type === 'chat') {
      const key = commandKeyOf(event);
      const list = key === undefined ? undefined : this.#commands.get(key);
      if (list) {
        out = out ? out.concat(list) : list.slice();
        sources++;
      }
    }
    if (!out) return [];
    if (sources > 1) out.sort((a, b) => a.order - b.order);
    return out;
  }
}
