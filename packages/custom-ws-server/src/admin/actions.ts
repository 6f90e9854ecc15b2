import { newEventId, parseEvent, ValidationError } from '@vmsc/core';
import {
  adminRequestSchemas,
  type AdminAck,
  type AdminAction,
  type AdminRequest,
  type ErrorCode,
  type RequestId,
  type ServerMessage,
} from '@vmsc/core/protocol';
import type { ActionContext } from '../actions.js';
import type { Connection } from '../connection.js';
import { withRequestId } from '../outbox.js';
import type { AdminHandler } from './handler.js';

/** The protocol error code for an error an admin handler threw, by its `code`. */
const ERROR_CODES: Record<string, ErrorCode> = {
  RULE_NOT_FOUND: 'RULE_NOT_FOUND',
  RULE_QUEUE_NOT_FOUND: 'QUEUE_NOT_FOUND',
  CONNECTOR_NOT_FOUND: 'CONNECTOR_NOT_FOUND',
  INVALID_RULES: 'INVALID_RULES',
  ADMIN_UNAVAILABLE: 'ADMIN_UNAVAILABLE',
};

/** Runs one admin request on the handler; the answer without its `requestId`. */
async function run(admin: AdminHandler, context: ActionContext, message: AdminRequest, connection: Connection): Promise<AdminAck> {
  switch (message.action) {
    case 'listRules':
      return { action: 'listRules', status: 'ok', rules: admin.listRules() };
    case 'setRuleEnabled':
      return {
        action: 'setRuleEnabled',
        status: 'ok',
        rule: admin.setRuleEnabled((message.ruleId ?? message.ruleName)!, message.enabled),
      };
    case 'getState':
      return { action: 'getState', status: 'ok', ...admin.getState() };
    case 'reloadRules':
      return { action: 'reloadRules', status: 'ok', result: await admin.reloadRules() };
    case 'connectorStatus':
      return { action: 'connectorStatus', status: 'ok', connectors: admin.connectors() };
    case 'explain': {
      const { id, timestamp, user, ...rest } = message.event;
      // Like injectEvent: the display name defaults to the username.
      const parsed = parseEvent({
        ...rest,
        user: { ...user, nickname: user.nickname ?? user.username },
        id: id ?? newEventId(),
        timestamp: timestamp ?? context.clock.now(),
      });
      if (!parsed.ok)
        throw new ValidationError(
          'invalid event',
          parsed.error.issues.map((issue) => ({ path: issue.path ? `event.${issue.path}` : 'event', message: issue.message })),
        );
      const rule = message.ruleId ?? message.ruleName;
      return { action: 'explain', status: 'ok', eventId: parsed.event.id, explanations: admin.explain(parsed.event, rule) };
    }
    case 'pauseQueue':
      return { action: 'pauseQueue', status: 'ok', queue: admin.pauseQueue(message.queue) };
    case 'resumeQueue':
      return { action: 'resumeQueue', status: 'ok', queue: admin.resumeQueue(message.queue) };
    case 'connectConnector':
      return { action: 'connectConnector', status: 'ok', connector: admin.connect(message.connectorId) };
    case 'disconnectConnector':
      return { action: 'disconnectConnector', status: 'ok', connector: await admin.disconnect(message.connectorId) };
    case 'adminSubscribe':
      connection.adminFeed = { runs: message.runs === true, connectors: message.connectors === true, notices: message.notices === true };
      return {
        action: 'adminSubscribe',
        status: 'ok',
        runs: connection.adminFeed.runs,
        connectors: connection.adminFeed.connectors,
        // Present only when asked for, so clients that predate it see the answer they know.
        ...(connection.adminFeed.notices ? { notices: true } : {}),
      };
  }
}

/**
 * Handles an admin action (the inbox checked the `admin` scope): validates the request with its
 * schema, calls the handler, and answers its ack or a protocol error naming what went wrong.
 */
export async function adminAction(
  context: ActionContext,
  connection: Connection,
  action: AdminAction,
  fields: Record<string, unknown>,
  requestId: RequestId | undefined,
): Promise<void> {
  const { outbox, admin } = context;
  if (!admin) {
    outbox.reply(connection, requestId, {
      code: 'ADMIN_UNAVAILABLE',
      message: `${action} is not available: this server has no admin handler`,
    });
    return;
  }
  const parsed = adminRequestSchemas[action].safeParse(fields);
  if (!parsed.success) {
    outbox.invalid(connection, requestId, action, parsed.error);
    return;
  }
  let answer: AdminAck;
  try {
    answer = await run(admin, context, parsed.data as AdminRequest, connection);
  } catch (error) {
    const code: unknown = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    const mapped = typeof code === 'string' ? ERROR_CODES[code] : undefined;
    if (error instanceof ValidationError && (mapped === 'INVALID_RULES' || mapped === undefined)) {
      outbox.reply(connection, requestId, {
        code: mapped ?? 'INVALID_PAYLOAD',
        message: error.message,
        issues: error.issues,
      });
    } else if (mapped) {
      outbox.reply(connection, requestId, { code: mapped, message: error instanceof Error ? error.message : String(error) });
    } else {
      outbox.internalError(connection, requestId, error);
    }
    return;
  }
  outbox.send(connection, withRequestId<ServerMessage>(answer, requestId));
}
