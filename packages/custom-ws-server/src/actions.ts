import { isPlatform, newEventId, parseEvent, type Clock, type EventBus } from '@vmsc/core';
import {
  PROTOCOL_VERSION,
  helloMessageSchema,
  subscribeMessageSchema,
  triggerRuleMessageSchema,
  type RequestId,
  type ServerMessage,
} from '@vmsc/core/protocol';
import { helloCatalogue } from './catalogue.js';
import type { Connection } from './connection.js';
import type { AdminHandler } from './admin/handler.js';
import type { RuleEngineLike, RuleSummary } from './options.js';
import { allowedActions } from './scopes.js';
import { withRequestId, type Outbox } from './outbox.js';
import type { ReplayBuffer } from './replay-buffer.js';

/** The limits a `hello` reports and the inbox enforces. */
export interface ServerLimits {
  readonly messagesPerSecond: number;
  readonly floodThreshold: number;
  readonly floodWindowMs: number;
  readonly maxFrameBytes: number;
  readonly maxConnections: number;
}

/** What the client actions work with: the server's bus, rules, clock, replay buffer and outbox. */
export interface ActionContext {
  readonly bus: EventBus;
  readonly engine: RuleEngineLike | undefined;
  readonly clock: Pick<Clock, 'now'>;
  readonly buffer: ReplayBuffer;
  readonly outbox: Outbox;
  readonly limits: ServerLimits;
  /** What the admin actions call; absent: they answer `ADMIN_UNAVAILABLE`. */
  readonly admin: AdminHandler | undefined;
}

/** The fields of a client message that passed the inbox's checks (JSON object, known action, scope). */
type Fields = Record<string, unknown>;

/** `injectEvent`: validates the event (new id and timestamp; built-in sources marked simulated) and publishes it. */
export function injectEvent(context: ActionContext, connection: Connection, fields: Fields, requestId: RequestId | undefined): void {
  const input = fields.event;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    context.outbox.reply(connection, requestId, {
      code: 'INVALID_PAYLOAD',
      message: 'Invalid injectEvent: event: expected an object',
      issues: [{ path: 'event', message: 'expected an object' }],
    });
    return;
  }
  const given = input as Record<string, unknown>;
  const user = given.user;
  const candidate: Record<string, unknown> = { ...given, id: newEventId(), timestamp: context.clock.now() };
  if (typeof user === 'object' && user !== null && !Array.isArray(user)) {
    const userFields = user as Record<string, unknown>;
    // Spec 000 requires "at least id and username": the display name defaults to the username.
    if (userFields.nickname === undefined && typeof userFields.username === 'string')
      candidate.user = { ...userFields, nickname: userFields.username };
  }
  if (typeof given.source === 'string' && isPlatform(given.source)) {
    const meta = (typeof given.meta === 'object' && given.meta !== null ? given.meta : {}) as Record<string, unknown>;
    // An event claiming to come from a built-in platform did not: it is a simulation of one.
    if (meta.simulated === undefined) candidate.meta = { ...meta, simulated: true };
  }
  const result = parseEvent(candidate);
  if (!result.ok) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path ? `event.${issue.path}` : 'event', message: issue.message }));
    context.outbox.reply(connection, requestId, {
      code: 'INVALID_PAYLOAD',
      message: `Invalid injectEvent: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
      issues,
    });
    return;
  }
  context.bus.publish(result.event);
  context.outbox.send(connection, withRequestId({ action: 'injectEvent', status: 'ok', eventId: result.event.id }, requestId));
}

/** `triggerRule`: finds the rule by id or name and runs it. */
export async function triggerRule(
  context: ActionContext,
  connection: Connection,
  fields: Fields,
  requestId: RequestId | undefined,
): Promise<void> {
  const { outbox, engine } = context;
  const parsed = triggerRuleMessageSchema.safeParse(fields);
  if (!parsed.success) {
    outbox.invalid(connection, requestId, 'triggerRule', parsed.error);
    return;
  }
  const { ruleId, ruleName } = parsed.data;
  const wanted = ruleId !== undefined ? `id "${ruleId}"` : `name "${ruleName}"`;
  let rule: RuleSummary | undefined;
  try {
    rule = engine?.listRules().find((candidate) => (ruleId !== undefined ? candidate.id === ruleId : candidate.name === ruleName));
  } catch (error) {
    outbox.internalError(connection, requestId, error);
    return;
  }
  if (!engine || !rule) {
    outbox.reply(connection, requestId, {
      code: 'RULE_NOT_FOUND',
      message: engine ? `Rule not found: ${wanted}` : `Rule not found: ${wanted} (no rule engine is attached)`,
    });
    return;
  }
  let result: unknown;
  try {
    result = await engine.trigger(rule.id);
  } catch (error) {
    if (error instanceof Error && (error as { code?: unknown }).code === 'RULE_NOT_FOUND') {
      outbox.reply(connection, requestId, { code: 'RULE_NOT_FOUND', message: `Rule not found: ${wanted}` });
    } else {
      outbox.internalError(connection, requestId, error);
    }
    return;
  }
  const outcome = typeof result === 'object' && result !== null ? (result as { outcome?: unknown }).outcome : undefined;
  outbox.send(
    connection,
    withRequestId(
      { action: 'triggerRule', status: 'ok', ruleId: rule.id, ruleName: rule.name, ...(typeof outcome === 'string' ? { outcome } : {}) },
      requestId,
    ),
  );
}

/** `subscribe`: sets the connection's filter, acks, and replays the buffered events after `since`. */
export function subscribe(context: ActionContext, connection: Connection, fields: Fields, requestId: RequestId | undefined): void {
  const { outbox, buffer } = context;
  const parsed = subscribeMessageSchema.safeParse(fields);
  if (!parsed.success) {
    outbox.invalid(connection, requestId, 'subscribe', parsed.error);
    return;
  }
  const { eventTypes, sources, since, alerts } = parsed.data;
  connection.alerts = alerts === true;
  connection.filter = {
    eventTypes: eventTypes ? new Set(eventTypes) : undefined,
    sources: sources ? new Set(sources) : undefined,
  };
  const replay = since !== undefined ? buffer.after(since) : undefined;
  const entries = replay ? replay.entries.filter((entry) => connection.wants(entry.event.type, entry.event.source)) : [];
  const lastEventId = buffer.newestId;
  const ack: ServerMessage = {
    action: 'subscribe',
    status: 'ok',
    replayed: entries.length,
    ...(eventTypes ? { eventTypes } : {}),
    ...(sources ? { sources } : {}),
    ...(replay ? { sinceFound: replay.found } : {}),
    ...(lastEventId !== undefined ? { lastEventId } : {}),
    ...(connection.alerts ? { alerts: true } : {}),
  };
  outbox.send(connection, withRequestId(ack, requestId));
  // Replay and the switch to live delivery happen in the same tick: nothing is missed or sent twice.
  for (const entry of entries) outbox.sendFrame(connection, entry);
}

/** `hello`: the protocol version, the token's scopes, the limits, the event catalogue and the rules. */
export function hello(context: ActionContext, connection: Connection, fields: Fields, requestId: RequestId | undefined): void {
  const { outbox, limits } = context;
  const parsed = helloMessageSchema.safeParse(fields);
  if (!parsed.success) {
    outbox.invalid(connection, requestId, 'hello', parsed.error);
    return;
  }
  const version = parsed.data.protocolVersion;
  if (version !== undefined && version !== PROTOCOL_VERSION) {
    outbox.reply(connection, requestId, {
      code: 'INVALID_PAYLOAD',
      message: `Unsupported protocol version ${version}; this server speaks ${PROTOCOL_VERSION}`,
      issues: [{ path: 'protocolVersion', message: `supported: ${PROTOCOL_VERSION}` }],
    });
    return;
  }
  const rules = (context.engine?.listRules() ?? []).map((rule) => ({ id: rule.id, name: rule.name }));
  outbox.send(
    connection,
    withRequestId(
      {
        action: 'hello',
        status: 'ok',
        protocolVersion: PROTOCOL_VERSION,
        supportedVersions: [PROTOCOL_VERSION],
        scopes: [...connection.grant.scopes],
        limits: {
          messagesPerSecond: limits.messagesPerSecond,
          maxFrameBytes: limits.maxFrameBytes,
          maxConnections: limits.maxConnections,
          replayBufferSize: context.buffer.capacity,
        },
        catalogue: helloCatalogue(),
        rules,
        actions: allowedActions(connection.grant.scopes, context.admin !== undefined),
      },
      requestId,
    ),
  );
}
