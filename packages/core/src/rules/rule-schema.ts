import { z } from 'zod';
import { lazyShape, once } from '../util/lazy-shape.js';
import { eventTypes, isStreamEventType } from '../events/registry.js';
import type { Action } from './actions.js';
import { actionSchema } from './action-schema.js';
import { checkOnUsage, checkTriggerKind, commandTriggerFields } from './command-schema.js';
import { conditionSchema } from './condition-schema.js';
import { timerSchema } from './timer-schema.js';
import { jsonValueSchema } from './json.js';
import { queuePriorities } from './queue.js';
import type { ActionRegistry } from './registry.js';

/** The longest cooldown a rule may declare: 7 days. */
const MAX_COOLDOWN_MS = 7 * 24 * 3_600_000;
const cooldownMs = once(() => z.number().int().min(0).max(MAX_COOLDOWN_MS));

const triggerFields = z.strictObject(
  lazyShape(() => ({
    /** Event types (catalogue names, e.g. `"gift"`); absent = any type. */
    types: z
      .array(
        z.string().refine(isStreamEventType, { message: `not an event type of the catalogue (e.g. ${eventTypes.slice(0, 4).join(', ')})` }),
      )
      .min(1)
      .optional(),
    /** Event sources (`"tiktok"`, or a custom source name); absent = any source. */
    sources: z.array(z.string().min(1)).min(1).optional(),
    ...commandTriggerFields(),
    /** A timer trigger instead: the rule runs every N seconds (see docs/rules.md, "Timers"); `sources` say whose chat counts. */
    timer: timerSchema().optional(),
  })),
);

/**
 * Which events start a rule. Both lists optional; an empty trigger (`{}`) matches every event. With
 * `command`, a command trigger instead (chat messages starting with the command; see docs/rules.md);
 * with `timer`, a timer trigger (every N seconds).
 */
export const triggerSchema = triggerFields.superRefine(checkTriggerKind);

/**
 * Cooldowns. A blocked run is reported (outcome `cooldown`) and its actions do not run. Per-user
 * cooldowns key on the event's platform and **stable user id** (`user.id`), never the display name.
 */
export const cooldownSchema = z.strictObject(
  lazyShape(() => ({
    /** The rule runs at most once per this many ms. */
    globalMs: cooldownMs().optional(),
    /** Each user triggers the rule at most once per this many ms. */
    perUserMs: cooldownMs().optional(),
    /** A cooldown shared by every rule naming the same group ("one sound alert per 10 s"). */
    group: z.strictObject(lazyShape(() => ({ name: z.string().min(1), ms: cooldownMs() }))).optional(),
    /**
     * Whether these cooldowns apply to simulated events (`meta.simulated`, e.g. injected over the custom
     * WS server or by `vmsc simulate`): `apply` (default) or `ignore` (neither checked nor started, so
     * testing an alert does not block real viewers).
     */
    simulated: z.enum(['apply', 'ignore']).optional(),
  })),
);

/** The default number of runs that may wait in a queue. */
export const DEFAULT_QUEUE_LENGTH = 100;

/** A queue's name: letters, digits, `_`, `-`, `.` and `:`. */
const queueName = once(() =>
  z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\w.:-]+$/, 'a queue name is letters, digits, "_", "-", "." and ":"'),
);

/** The discriminator of the queue mode (built now: the union checks it when it is made). */
const queueMode = { mode: z.literal('queue') };

/**
 * How runs of one rule relate: overlap freely, or wait in a bounded queue: the rule's own, or a named
 * one shared with every rule naming it (alerts of different rules play one after another).
 */
export const runModeSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('concurrent') }),
  z.strictObject(
    lazyShape(
      () => ({
        mode: queueMode.mode,
        /**
         * A queue shared by every rule naming it (`"alerts"`), which `engine.pauseQueue` / `resumeQueue` /
         * `clearQueue` control. Absent: the rule's own queue.
         */
        queue: queueName().optional(),
        /** Runs of higher priority start first (`high`, `normal`, `low`). Default `normal`. */
        priority: z.enum(queuePriorities).optional(),
        /**
         * Runs that may wait (the running one not counted). Default 100. Rules sharing a named queue
         * that give it must agree.
         */
        maxLength: z.number().int().min(1).max(100_000).optional(),
        /**
         * When the queue is full: `drop-oldest` (the longest-waiting run is dropped), `drop-newest` (the
         * new run is dropped) or `reject` (like drop-newest, but `engine.trigger()` rejects with
         * `RuleQueueFullError`). A run of higher priority than the lowest waiting one always gets in (the
         * newest of those is dropped). Every overflow is reported. Default `drop-oldest`; rules sharing a
         * named queue that give it must agree.
         */
        overflow: z.enum(['drop-oldest', 'drop-newest', 'reject']).optional(),
      }),
      queueMode,
    ),
  ),
]);

/**
 * Zod schema of a rule: a plain JSON object that can be stored, loaded and sent over the wire.
 *
 * @example
 * ```json
 * {
 *   "id": "0b5f2c4e-8f7a-4d7e-9a51-3f0b7f1f2a10",
 *   "name": "Thank gift streaks",
 *   "trigger": { "types": ["gift"], "sources": ["tiktok"] },
 *   "conditions": { "path": "data.repeatEnd", "op": "==", "value": true },
 *   "cooldown": { "perUserMs": 10000 },
 *   "actions": [{ "type": "log", "message": "{{user.nickname}} sent {{data.repeatCount}}x {{data.giftName}}" }]
 * }
 * ```
 */
export const ruleSchema = ruleSchemaWith(actionSchema);

/** The rule schema whose actions are checked by `actions` (a registry's schema). */
function ruleSchemaWith(actions: z.ZodType<Action, Action>) {
  const schema = z.strictObject(
    lazyShape(() => ({
      /** UUID; state (cooldowns, no-repeat memory) is saved under it, so keep it stable. */
      id: z.uuid(),
      /** Unique among the engine's rules; `trigger` and `explain` accept it instead of the id. */
      name: z.string().min(1).max(200),
      enabled: z.boolean().default(true),
      description: z.string().optional(),
      /** Absent: the rule only runs through `engine.trigger()`. */
      trigger: triggerSchema.optional(),
      conditions: conditionSchema.optional(),
      cooldown: cooldownSchema.optional(),
      run: runModeSchema.default({ mode: 'concurrent' }),
      actions: z.array(actions).min(1),
      /** For a command trigger with `args`: the actions run when the arguments do not fit (e.g. reply `{{command.usage}}`). */
      onUsage: z.array(actions).min(1).optional(),
      /** Free-form data of the application (UI position, author...), kept as is. */
      meta: z.record(z.string(), jsonValueSchema()).optional(),
    })),
  );
  return schema.superRefine(checkOnUsage);
}

const schemas = new WeakMap<ActionRegistry, typeof ruleSchema>();

/** The rule schema whose actions are validated against `registry` (its registered types). */
export function ruleSchemaOf(registry: ActionRegistry): typeof ruleSchema {
  let schema = schemas.get(registry);
  if (!schema) {
    schema = ruleSchemaWith(registry.schema);
    schemas.set(registry, schema);
  }
  return schema;
}

/** A validated rule (defaults filled in). */
export type Rule = z.output<typeof ruleSchema>;
/** A rule as written (`enabled` and `run` optional). */
export type RuleInput = z.input<typeof ruleSchema>;
/** A rule's trigger. */
export type RuleTrigger = z.output<typeof triggerSchema>;
/** A rule's cooldowns. */
export type RuleCooldown = z.output<typeof cooldownSchema>;
/** A rule's run mode. */
export type RuleRunMode = z.output<typeof runModeSchema>;
