import { z } from 'zod';

/**
 * The JSON shapes the admin actions of the custom WebSocket protocol answer with: rules, connector
 * status, queues, run reports, reload results. Plain JSON (errors as `{ code, message }`, never an
 * Error object), so a browser page can show them as they are.
 *
 * @packageDocumentation
 */

/** The connector states (core's `ConnectorStatus`), as the dashboard colours them. */
export const adminConnectorStates = ['disconnected', 'connecting', 'connected', 'reconnecting', 'error'] as const;

/** An error as admin messages carry it: its code and message (secrets already redacted). */
export const adminErrorInfoSchema = z.object({ code: z.string(), message: z.string() });

/** An error as admin messages carry it. */
export type AdminErrorInfo = z.output<typeof adminErrorInfoSchema>;

/** A rule as `listRules` answers it: the engine's rule (with its defaults filled in), as JSON. */
export const adminRuleSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  description: z.string().optional(),
  trigger: z.unknown().optional(),
  actions: z.array(z.unknown()),
});

/** A rule as `listRules` answers it. */
export type AdminRule = z.output<typeof adminRuleSchema>;

/** One connector's status and health. */
export const adminConnectorInfoSchema = z.object({
  id: z.string(),
  source: z.string(),
  status: z.enum(adminConnectorStates),
  /** The last error, in plain words. */
  lastError: adminErrorInfoSchema.optional(),
  /** When the last stream event arrived (epoch ms). */
  lastEventAt: z.number().optional(),
  /** When the current connection was established (epoch ms). */
  connectedAt: z.number().optional(),
  eventCount: z.number().int().nonnegative(),
  /** Reconnect attempts since the last successful connection. */
  reconnectAttempts: z.number().int().nonnegative(),
  /** The last gap reported (events may be missing between `from` and `to`, epoch ms). */
  lastGap: z.object({ from: z.number(), to: z.number(), reason: z.string() }).optional(),
});

/** One connector's status and health. */
export type AdminConnectorInfo = z.output<typeof adminConnectorInfoSchema>;

/** A named queue's state (core's `QueueStatus`). */
export const adminQueueStatusSchema = z.object({
  name: z.string(),
  waiting: z.number().int().nonnegative(),
  running: z.boolean(),
  paused: z.boolean(),
  maxLength: z.number(),
  overflow: z.string(),
});

/** A named queue's state. */
export type AdminQueueStatus = z.output<typeof adminQueueStatusSchema>;

/** One action of a run report: where it sits in its rule, what happened, why it failed. */
export const adminActionRecordSchema = z.object({
  path: z.string(),
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  error: adminErrorInfoSchema.optional(),
});

/** One action of a run report. */
export type AdminActionRecord = z.output<typeof adminActionRecordSchema>;

/** A rule run as the admin stream reports it (core's `RuleRunResult`, as JSON). */
export const adminRuleRunSchema = z.object({
  runId: z.string(),
  rule: z.object({ id: z.string(), name: z.string() }),
  /** `event`, `trigger` or `timer`. */
  cause: z.string(),
  /** The event it ran for: id, type, source (absent for a trigger without one). */
  event: z.object({ id: z.string(), type: z.string(), source: z.string() }).optional(),
  /** `completed`, `failed`, `cooldown`, `disabled`, `conditions-not-met`, `dropped`, `rejected`, `forbidden`, `usage`. */
  outcome: z.string(),
  startedAt: z.number(),
  durationMs: z.number(),
  actions: z.array(adminActionRecordSchema),
  error: adminErrorInfoSchema.optional(),
  /** The path of the action that failed (`actions[1]`), when one did. */
  failedAction: z.string().optional(),
});

/** A rule run as the admin stream reports it. */
export type AdminRuleRun = z.output<typeof adminRuleRunSchema>;

/** What `reloadRules` changed: rule names added, replaced (changed), removed, and how many stayed as they were. */
export const adminReloadResultSchema = z.object({
  /** The rules file(s) read. */
  files: z.array(z.string()),
  added: z.array(z.string()),
  replaced: z.array(z.string()),
  removed: z.array(z.string()),
  unchanged: z.number().int().nonnegative(),
});

/** What `reloadRules` changed. */
export type AdminReloadResult = z.output<typeof adminReloadResultSchema>;

/** Why one rule would or would not run for an event (core's `RuleExplanation`, as JSON). */
export const adminExplanationSchema = z.looseObject({
  rule: z.object({ id: z.string(), name: z.string() }),
  wouldRun: z.boolean(),
  enabled: z.boolean(),
  reasons: z.array(z.string()),
});

/** Why one rule would or would not run for an event. */
export type AdminExplanation = z.output<typeof adminExplanationSchema>;
