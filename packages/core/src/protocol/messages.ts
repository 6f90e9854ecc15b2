import { z } from 'zod';
import { eventMetaSchema } from '../events/meta.js';
import type { StreamEvent } from '../events/stream-event.js';
import { alertMessageSchema, type AlertMessage } from './alerts.js';
import { parseEvent } from '../events/validate.js';
import { adminAckSchema, adminActions, adminRequestSchema, type AdminAck, type AdminRequest } from './admin.js';

/**
 * Every message of the VMSC Custom WebSocket protocol, both directions, as zod schemas with their
 * TypeScript types. Browser clients import them from `@vmsc/core/protocol` (no `ws`, no server).
 *
 * Spec 000 defines `injectEvent`, `triggerRule`, `subscribe`, `event` and `error`; VMSC adds the
 * optional `requestId` correlation on every message, `since` on `subscribe`, the `hello` action,
 * and the error codes `FORBIDDEN` and `INTERNAL_ERROR`. Unknown extra fields are ignored.
 *
 * @packageDocumentation
 */

/** A client-chosen correlation id, echoed on the reply (string of at most 128 characters, or a number). */
export const requestIdSchema = /* @__PURE__ */ z.union([z.string().max(128), z.number()]);

/** A client-chosen correlation id (see {@link requestIdSchema}). */
export type RequestId = z.output<typeof requestIdSchema>;

/**
 * The error codes of `{action:"error"}`: spec 000's five, plus `FORBIDDEN` and `INTERNAL_ERROR`,
 * and those of the admin actions: `CONNECTOR_NOT_FOUND`, `QUEUE_NOT_FOUND`, `INVALID_RULES` (a
 * reload refused: `issues` names every problem with its file) and `ADMIN_UNAVAILABLE` (the server
 * has no admin handler attached).
 */
export const errorCodes = [
  'INVALID_ACTION',
  'INVALID_PAYLOAD',
  'RULE_NOT_FOUND',
  'AUTH_FAILED',
  'RATE_LIMITED',
  'FORBIDDEN',
  'INTERNAL_ERROR',
  'CONNECTOR_NOT_FOUND',
  'QUEUE_NOT_FOUND',
  'INVALID_RULES',
  'ADMIN_UNAVAILABLE',
] as const;

/** One error code (see {@link errorCodes}). */
export type ErrorCode = (typeof errorCodes)[number];

/**
 * The scopes a token can carry: `subscribe` (also `hello`), `inject` (`injectEvent`), `trigger`
 * (`triggerRule`), `admin` (the admin actions: `listRules`, `setRuleEnabled`, `reloadRules`...).
 */
export const tokenScopes = ['subscribe', 'inject', 'trigger', 'admin'] as const;

/** One token scope (see {@link tokenScopes}). */
export type TokenScope = (typeof tokenScopes)[number];

/**
 * A {@link StreamEvent} checked with core's `parseEvent` (envelope and the catalogue schema of its
 * type); issues keep their dotted paths.
 */
export const streamEventSchema: z.ZodType<StreamEvent, unknown> = /* @__PURE__ */ z.unknown().transform((value, ctx) => {
  const result = parseEvent(value);
  if (result.ok) return result.event;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path ? issue.path.split('.') : [] });
  }
  return z.NEVER;
});

// ---------------------------------------------------------------- client -> server

/** The event of an `injectEvent`: a StreamEvent without `id`/`timestamp` (the server assigns them). */
export const injectedEventSchema = /* @__PURE__ */ z.looseObject({
  type: z.string().min(1),
  source: z.string().min(1),
  /** Spec 000: "at least id and username"; `nickname` defaults to `username`. */
  user: z.looseObject({ id: z.string(), username: z.string(), nickname: z.string().optional() }),
  data: z.record(z.string(), z.unknown()),
  meta: eventMetaSchema.loose().optional(),
});

/** The event of an `injectEvent`. */
export type InjectedEvent = z.output<typeof injectedEventSchema>;

/** `injectEvent`: send an event into the bus and the rules, as if a platform had sent it. */
export const injectEventMessageSchema = /* @__PURE__ */ z.object({
  action: z.literal('injectEvent'),
  event: injectedEventSchema,
  requestId: requestIdSchema.optional(),
});

/** `injectEvent` (client → server). */
export type InjectEventMessage = z.output<typeof injectEventMessageSchema>;

/** `triggerRule`: run one rule by `ruleId` or `ruleName` (one of them is required). */
export const triggerRuleMessageSchema = z
  .object({
    action: z.literal('triggerRule'),
    ruleId: z.string().min(1).optional(),
    ruleName: z.string().min(1).optional(),
    requestId: requestIdSchema.optional(),
  })
  .refine((message) => message.ruleId !== undefined || message.ruleName !== undefined, {
    message: 'provide ruleId or ruleName',
    path: ['ruleId'],
  });

/** `triggerRule` (client → server). */
export type TriggerRuleMessage = z.output<typeof triggerRuleMessageSchema>;

/**
 * `subscribe`: receive matching events. Omitted filters match everything; a later `subscribe`
 * replaces the earlier filters. `since` (an event id) replays the buffered events after it.
 */
export const subscribeMessageSchema = /* @__PURE__ */ z.object({
  action: z.literal('subscribe'),
  eventTypes: z.array(z.string()).optional(),
  sources: z.array(z.string()).optional(),
  since: z.string().min(1).optional(),
  /** Also receive overlay alerts (`alert` messages); default false, so clients that do not know them never get one. */
  alerts: z.boolean().optional(),
  requestId: requestIdSchema.optional(),
});

/** `subscribe` (client → server). */
export type SubscribeMessage = z.output<typeof subscribeMessageSchema>;

/** `hello`: ask for the protocol version, limits, the event catalogue and the rules. */
export const helloMessageSchema = /* @__PURE__ */ z.object({
  action: z.literal('hello'),
  /** The version the client speaks; the server answers an error if it does not support it. */
  protocolVersion: z.number().int().positive().optional(),
  requestId: requestIdSchema.optional(),
});

/** `hello` (client → server). */
export type HelloMessage = z.output<typeof helloMessageSchema>;

/** The actions a client may send: spec 000's, `hello`, and the admin actions (`admin` scope). */
// `concat` marked pure (not a spread), so a bundle that never reads it drops it and the admin actions with it.
export const clientActions: readonly ClientAction[] = /* @__PURE__ */ (
  ['injectEvent', 'triggerRule', 'subscribe', 'hello'] as ClientAction[]
).concat(adminActions);

/** One client action name. */
export type ClientAction = 'injectEvent' | 'triggerRule' | 'subscribe' | 'hello' | (typeof adminActions)[number];

/** Any message a client may send. */
export const clientMessageSchema = /* @__PURE__ */ z.union([
  injectEventMessageSchema,
  triggerRuleMessageSchema,
  subscribeMessageSchema,
  helloMessageSchema,
  adminRequestSchema,
]);

/** Any message a client may send. */
export type ClientMessage = InjectEventMessage | TriggerRuleMessage | SubscribeMessage | HelloMessage | AdminRequest;

// ---------------------------------------------------------------- server -> client

/** Ack of `injectEvent` (spec 000), with the id the server gave the event. */
export const injectEventAckSchema = /* @__PURE__ */ z.object({
  action: z.literal('injectEvent'),
  status: z.literal('ok'),
  eventId: z.string(),
  requestId: requestIdSchema.optional(),
});

/** Ack of `injectEvent` (server → client). */
export type InjectEventAck = z.output<typeof injectEventAckSchema>;

/**
 * Ack of `triggerRule`: the rule ran (sent once the engine's run finished). `outcome` is the run's
 * outcome as the engine reports it (`completed`, `failed`...), when it reports one.
 */
export const triggerRuleAckSchema = /* @__PURE__ */ z.object({
  action: z.literal('triggerRule'),
  status: z.literal('ok'),
  ruleId: z.string(),
  ruleName: z.string(),
  outcome: z.string().optional(),
  requestId: requestIdSchema.optional(),
});

/** Ack of `triggerRule` (server → client). */
export type TriggerRuleAck = z.output<typeof triggerRuleAckSchema>;

/**
 * Ack of `subscribe`, sent before any replayed event. `replayed` events follow it; `sinceFound` is
 * `false` when `since` was given but is no longer buffered (everything buffered is replayed, and
 * older events may be lost). `lastEventId` is the newest buffered event when the subscribe was
 * processed (absent while nothing is buffered): a client that drops before receiving any event
 * resumes with `since: lastEventId`.
 */
export const subscribeAckSchema = /* @__PURE__ */ z.object({
  action: z.literal('subscribe'),
  status: z.literal('ok'),
  eventTypes: z.array(z.string()).optional(),
  sources: z.array(z.string()).optional(),
  replayed: z.number().int().nonnegative(),
  sinceFound: z.boolean().optional(),
  lastEventId: z.string().optional(),
  /** Present (true) when the connection subscribed to overlay alerts. */
  alerts: z.boolean().optional(),
  requestId: requestIdSchema.optional(),
});

/** Ack of `subscribe` (server → client). */
export type SubscribeAck = z.output<typeof subscribeAckSchema>;

/** A JSON Schema document (draft 2020-12), as generated from core's zod schemas. */
export type JsonSchema = Record<string, unknown>;

/** The event catalogue in `hello`: JSON Schemas of the envelope and of every platform's event `data`. */
export const helloCatalogueSchema = /* @__PURE__ */ z.object({
  /** JSON Schema of the StreamEvent envelope (id, type, source, timestamp, user, data, meta). */
  envelope: z.record(z.string(), z.unknown()),
  /** For every built-in platform, its event types with the JSON Schema of their `data`. */
  sources: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()))),
  /** For every admin action, the JSON Schemas of its request and of its answer (generated from `adminRequestSchemas` / `adminAckSchemas`). */
  admin: z
    .record(z.string(), z.object({ request: z.record(z.string(), z.unknown()), response: z.record(z.string(), z.unknown()) }))
    .optional(),
});

/** The event catalogue in `hello`. */
export type HelloCatalogue = z.output<typeof helloCatalogueSchema>;

/** The answer to `hello`. */
export const helloAckSchema = /* @__PURE__ */ z.object({
  action: z.literal('hello'),
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  supportedVersions: z.array(z.number().int()),
  /** The scopes of the token this connection authenticated with. */
  scopes: z.array(z.enum(tokenScopes)),
  limits: z.object({
    messagesPerSecond: z.number(),
    maxFrameBytes: z.number(),
    maxConnections: z.number(),
    replayBufferSize: z.number(),
  }),
  catalogue: helloCatalogueSchema,
  rules: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The actions this connection's token may use (the admin actions only with the `admin` scope and an admin handler). */
  actions: z.array(z.string()).optional(),
  requestId: requestIdSchema.optional(),
});

/** The answer to `hello` (server → client). */
export type HelloAck = z.output<typeof helloAckSchema>;

/** An event forwarded to a subscriber (spec 000). */
export const eventMessageSchema = /* @__PURE__ */ z.object({
  action: z.literal('event'),
  event: streamEventSchema,
});

/** An event forwarded to a subscriber (server → client). */
export type EventMessage = { action: 'event'; event: StreamEvent };

/**
 * An error (spec 000). `issues` names each invalid field for `INVALID_PAYLOAD`; `retryAfterMs` says
 * when the next message will be accepted for `RATE_LIMITED`.
 */
export const errorMessageSchema = /* @__PURE__ */ z.object({
  action: z.literal('error'),
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  retryAfterMs: z.number().optional(),
  requestId: requestIdSchema.optional(),
});

/** An error (server → client). */
export type ErrorMessage = z.output<typeof errorMessageSchema>;

/** Any message the server sends. */
export const serverMessageSchema = /* @__PURE__ */ z.union([
  injectEventAckSchema,
  triggerRuleAckSchema,
  subscribeAckSchema,
  helloAckSchema,
  eventMessageSchema,
  errorMessageSchema,
  alertMessageSchema,
  adminAckSchema,
]);

/** Any message the server sends. */
export type ServerMessage =
  InjectEventAck | TriggerRuleAck | SubscribeAck | HelloAck | EventMessage | ErrorMessage | AlertMessage | AdminAck;
