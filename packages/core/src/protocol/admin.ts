import { z } from 'zod';
import { eventMetaSchema } from '../events/meta.js';
import {
  adminConnectorInfoSchema,
  adminConnectorStates,
  adminExplanationSchema,
  adminQueueStatusSchema,
  adminReloadResultSchema,
  adminRuleRunSchema,
  adminRuleSchema,
} from './admin-results.js';
import { dedupedMessageSchema, type DedupedMessage } from './admin-notices.js';

/**
 * The admin actions of the custom WebSocket protocol (VMSC extension, protocol version 1): what a
 * token with the `admin` scope may ask the hub — list and switch rules, read the state, reload the
 * rules files, see and drive the connectors, explain an event, pause queues — and the stream of
 * run reports and connector status changes it may subscribe to (`adminSubscribe`).
 *
 * Every request is `{ action, requestId?, ...params }`; its answer is `{ action, status: "ok",
 * requestId?, ...result }` or an `error` message with the same `requestId`. A token without the
 * `admin` scope gets `FORBIDDEN`; a server with no admin handler attached answers `ADMIN_UNAVAILABLE`.
 *
 * @packageDocumentation
 */

const requestId = z.union([z.string().max(128), z.number()]).optional();

function request<A extends string, S extends z.ZodRawShape>(action: A, shape: S) {
  return z.object({ action: z.literal(action), requestId, ...shape });
}

function ack<A extends string, S extends z.ZodRawShape>(action: A, shape: S) {
  return z.object({ action: z.literal(action), status: z.literal('ok'), requestId, ...shape });
}

/** A rule by `ruleId` or `ruleName` (one is required). */
const ruleRef = { ruleId: z.string().min(1).optional(), ruleName: z.string().min(1).optional() };
const hasRuleRef = (message: { ruleId?: string | undefined; ruleName?: string | undefined }) =>
  message.ruleId !== undefined || message.ruleName !== undefined;

/**
 * The event `explain` explains: a StreamEvent, whose `id` and `timestamp` may be left out (the
 * server fills them in), e.g. an event of the feed or one a test button would send.
 */
export const explainEventSchema = z.looseObject({
  id: z.string().min(1).optional(),
  timestamp: z.number().optional(),
  type: z.string().min(1),
  source: z.string().min(1),
  user: z.looseObject({ id: z.string(), username: z.string(), nickname: z.string().optional() }),
  data: z.record(z.string(), z.unknown()),
  meta: eventMetaSchema.loose().optional(),
});

/** The event of an `explain` request. */
export type ExplainEvent = z.output<typeof explainEventSchema>;

/** The engine's saved state as `getState` answers it: variables and counters, cooldowns, viewers with their points. */
export const adminEngineStateSchema = z.looseObject({
  version: z.number(),
  variables: z.record(z.string(), z.unknown()),
  viewers: z.array(z.looseObject({ source: z.string(), id: z.string(), vars: z.record(z.string(), z.unknown()) })),
});

/** The request schema of every admin action, by action name. */
export const adminRequestSchemas = {
  /** Every rule, in the order they were added. */
  listRules: request('listRules', {}),
  /** Enables or disables a rule (until the next reload that changes it). */
  setRuleEnabled: request('setRuleEnabled', { ...ruleRef, enabled: z.boolean() }).refine(hasRuleRef, {
    message: 'provide ruleId or ruleName',
    path: ['ruleId'],
  }),
  /** Counters, variables, cooldowns, viewers (points) and the named queues. */
  getState: request('getState', {}),
  /** Reads the rules file(s) again: a bad file keeps the running rules and answers `INVALID_RULES` with every problem. */
  reloadRules: request('reloadRules', {}),
  /** Every connector's status and health. */
  connectorStatus: request('connectorStatus', {}),
  /** Why each rule (or only the one named) would or would not run for this event. Nothing runs. */
  explain: request('explain', { event: explainEventSchema, ...ruleRef }),
  /** Pauses a named queue: runs keep queueing, none starts until `resumeQueue`. */
  pauseQueue: request('pauseQueue', { queue: z.string().min(1) }),
  /** Resumes a paused named queue. */
  resumeQueue: request('resumeQueue', { queue: z.string().min(1) }),
  /** Starts connecting a connector; answers at once with its status (follow it with `adminSubscribe`). */
  connectConnector: request('connectConnector', { connectorId: z.string().min(1) }),
  /** Disconnects a connector; answers when it is disconnected. */
  disconnectConnector: request('disconnectConnector', { connectorId: z.string().min(1) }),
  /** Receive `ruleRun`, `connectorStatusChanged` and/or `deduped` (`notices`) messages; a later one replaces the earlier choice. */
  adminSubscribe: request('adminSubscribe', {
    runs: z.boolean().optional(),
    connectors: z.boolean().optional(),
    notices: z.boolean().optional(),
  }),
};

/** The answer (ack) schema of every admin action, by action name. */
export const adminAckSchemas = {
  listRules: ack('listRules', { rules: z.array(adminRuleSchema) }),
  setRuleEnabled: ack('setRuleEnabled', { rule: adminRuleSchema }),
  getState: ack('getState', { state: adminEngineStateSchema, queues: z.array(adminQueueStatusSchema) }),
  reloadRules: ack('reloadRules', { result: adminReloadResultSchema }),
  connectorStatus: ack('connectorStatus', { connectors: z.array(adminConnectorInfoSchema) }),
  explain: ack('explain', { eventId: z.string(), explanations: z.array(adminExplanationSchema) }),
  pauseQueue: ack('pauseQueue', { queue: adminQueueStatusSchema }),
  resumeQueue: ack('resumeQueue', { queue: adminQueueStatusSchema }),
  connectConnector: ack('connectConnector', { connector: adminConnectorInfoSchema }),
  disconnectConnector: ack('disconnectConnector', { connector: adminConnectorInfoSchema }),
  adminSubscribe: ack('adminSubscribe', { runs: z.boolean(), connectors: z.boolean(), notices: z.boolean().optional() }),
};

/** The admin action names. */
export const adminActions = Object.keys(adminRequestSchemas) as AdminAction[];

/** One admin action name. */
export type AdminAction = keyof typeof adminRequestSchemas;

/** Every admin action with its request and its answer (the typed request/response pairs). */
export type AdminActionMap = {
  [A in AdminAction]: {
    request: z.output<(typeof adminRequestSchemas)[A]>;
    response: z.output<(typeof adminAckSchemas)[A]>;
  };
};

/** The request message of admin action `A`. */
export type AdminRequest<A extends AdminAction = AdminAction> = AdminActionMap[A]['request'];

/** The answer of admin action `A`. */
export type AdminAck<A extends AdminAction = AdminAction> = AdminActionMap[A]['response'];

/** What a caller passes for admin action `A` (its request without `action` and `requestId`). */
export type AdminParams<A extends AdminAction> = Omit<AdminRequest<A>, 'action' | 'requestId'>;

/** What admin action `A` gives back (its answer without `action`, `status` and `requestId`). */
export type AdminResult<A extends AdminAction> = Omit<AdminAck<A>, 'action' | 'status' | 'requestId'>;

/** Any admin request (client → server). */
export const adminRequestSchema = z.union([
  adminRequestSchemas.listRules,
  adminRequestSchemas.setRuleEnabled,
  adminRequestSchemas.getState,
  adminRequestSchemas.reloadRules,
  adminRequestSchemas.connectorStatus,
  adminRequestSchemas.explain,
  adminRequestSchemas.pauseQueue,
  adminRequestSchemas.resumeQueue,
  adminRequestSchemas.connectConnector,
  adminRequestSchemas.disconnectConnector,
  adminRequestSchemas.adminSubscribe,
]);

/** Any admin answer (server → client). */
export const adminAckSchema = z.union([
  adminAckSchemas.listRules,
  adminAckSchemas.setRuleEnabled,
  adminAckSchemas.getState,
  adminAckSchemas.reloadRules,
  adminAckSchemas.connectorStatus,
  adminAckSchemas.explain,
  adminAckSchemas.pauseQueue,
  adminAckSchemas.resumeQueue,
  adminAckSchemas.connectConnector,
  adminAckSchemas.disconnectConnector,
  adminAckSchemas.adminSubscribe,
]);

// ---------------------------------------------------------------- pushed to admin subscribers

/** `ruleRun` (server → client): a rule run ended. Sent to connections that subscribed with `adminSubscribe { runs: true }`. */
export const ruleRunMessageSchema = z.object({ action: z.literal('ruleRun'), run: adminRuleRunSchema });

/** `ruleRun` (server → client). */
export type RuleRunMessage = z.output<typeof ruleRunMessageSchema>;

/**
 * `connectorStatusChanged` (server → client): a connector changed status. Sent to connections that
 * subscribed with `adminSubscribe { connectors: true }`.
 */
export const connectorStatusChangedMessageSchema = z.object({
  action: z.literal('connectorStatusChanged'),
  connector: adminConnectorInfoSchema,
  previous: z.enum(adminConnectorStates),
});

/** `connectorStatusChanged` (server → client). */
export type ConnectorStatusChangedMessage = z.output<typeof connectorStatusChangedMessageSchema>;

/**
 * What the server pushes to admin subscribers only (never to other clients, so it is not part of
 * `ServerMessage`): run reports, connector status changes and dedupe notices.
 */
export const adminPushMessageSchema = z.union([ruleRunMessageSchema, connectorStatusChangedMessageSchema, dedupedMessageSchema]);

/** What the server pushes to admin subscribers (see {@link adminPushMessageSchema}). */
export type AdminPushMessage = RuleRunMessage | ConnectorStatusChangedMessage | DedupedMessage;
