import { z } from 'zod';
import { lazyShape, once } from '../util/lazy-shape.js';
import { jsonValueSchema, type JsonValue } from './json.js';
import { savedViewerSchema } from './viewers.js';

const stateFields = once(() => ({
  /** When it was saved (epoch ms). */
  savedAt: z.number().int().nonnegative(),
  cooldowns: z.record(z.string(), z.number().int().nonnegative()),
  variables: z.record(z.string(), jsonValueSchema()),
  noRepeat: z.record(z.string(), z.array(z.number().int().nonnegative())),
}));

/** The discriminators of the two versions (built now: the union checks them when it is made). */
const version1 = { version: z.literal(1) };
const version2 = { version: z.literal(2) };

/**
 * Zod schema of the engine's saved state: running cooldowns (key → expiry epoch ms), variables and
 * counters, the no-repeat memory of weighted choices, and the viewers with their variables (least
 * recently seen first). Plain JSON: write it to a file at shutdown, read it back with
 * `engine.loadState()` after a restart. A version 1 state (before viewers) is read as one without
 * viewers and comes out as version 2.
 */
export const ruleEngineStateSchema = z
  .discriminatedUnion('version', [
    z.strictObject(lazyShape(() => ({ version: version1.version, ...stateFields() }), version1)),
    z.strictObject(lazyShape(() => ({ version: version2.version, ...stateFields(), viewers: z.array(savedViewerSchema) }), version2)),
  ])
  .transform((state) => (state.version === 2 ? state : { ...state, version: 2 as const, viewers: [] }));

/** The engine's saved state. */
export type RuleEngineState = z.output<typeof ruleEngineStateSchema>;

/** The variables and counters rules read (`vars.name`) and write (`counter`, `setVariable`). */
export class VariableStore {
  /** Prototype-free, so that no variable name can reach `Object.prototype`. */
  readonly #values: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;

  /** The live values (read-only view for paths and templates). */
  get values(): Readonly<Record<string, JsonValue>> {
    return this.#values;
  }

  get(name: string): JsonValue | undefined {
    return Object.hasOwn(this.#values, name) ? this.#values[name] : undefined;
  }

  set(name: string, value: JsonValue): void {
    this.#values[name] = value;
  }

  delete(name: string): void {
    delete this.#values[name];
  }

  toJSON(): Record<string, JsonValue> {
    return { ...this.#values };
  }

  load(saved: Record<string, JsonValue>): void {
    for (const name of Object.keys(this.#values)) delete this.#values[name];
    Object.assign(this.#values, saved);
  }
}
