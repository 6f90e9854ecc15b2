import type { RawData } from 'ws';
import { RateLimitedError } from '@vmsc/core';
import { CLOSE_CODES, adminActions, clientActions, requestIdSchema, type ClientAction, type RequestId } from '@vmsc/core/protocol';
import { hello, injectEvent, subscribe, triggerRule, type ActionContext } from './actions.js';
import { adminAction } from './admin/actions.js';
import { actionScope } from './scopes.js';
import type { Connection } from './connection.js';
import { notifyError } from './outbox.js';

/**
 * Handles one frame from a client: the rate limit (and the flood close), JSON, `requestId`,
 * `action` and scope checks, each refused with a protocol `error`; then the action itself.
 */
export function handleMessage(context: ActionContext, connection: Connection, data: RawData, isBinary: boolean): void {
  if (connection.closing) return;
  const { outbox, limits } = context;
  const now = context.clock.now();
  const waitMs = connection.limiter.take(now);
  if (waitMs > 0) {
    // The message is not processed, but its requestId (if any) is echoed so the client knows which one to resend.
    outbox.reply(connection, peekRequestId(data, isBinary), {
      code: 'RATE_LIMITED',
      message: `Rate limit exceeded: at most ${limits.messagesPerSecond} messages per second; message not processed`,
      retryAfterMs: waitMs,
    });
    if (connection.flood.record(now)) {
      connection.closing = true;
      connection.socket.close(CLOSE_CODES.FLOODING, 'flooding: too many rate-limited messages');
      notifyError(
        context.bus,
        new RateLimitedError(
          `disconnected a client that kept flooding (> ${limits.floodThreshold} rate-limited messages in ${limits.floodWindowMs} ms)`,
          { code: 'FLOODING' },
        ),
      );
    }
    return;
  }
  let message: unknown;
  try {
    message = JSON.parse(rawToString(data, isBinary));
  } catch (error) {
    outbox.reply(connection, undefined, {
      code: 'INVALID_PAYLOAD',
      message: `Malformed JSON: ${error instanceof Error ? error.message : 'cannot parse'}`,
    });
    return;
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    outbox.reply(connection, undefined, { code: 'INVALID_PAYLOAD', message: 'A message must be a JSON object with an "action" field' });
    return;
  }
  const fields = message as Record<string, unknown>;
  const parsedId = requestIdSchema.safeParse(fields.requestId);
  const requestId = parsedId.success ? parsedId.data : undefined;
  if (fields.requestId !== undefined && !parsedId.success) {
    outbox.reply(connection, undefined, {
      code: 'INVALID_PAYLOAD',
      message: 'Invalid requestId: a string of at most 128 characters or a number',
      issues: [{ path: 'requestId', message: 'expected a string (≤ 128 chars) or a number' }],
    });
    return;
  }
  const action = fields.action as ClientAction;
  if (typeof action !== 'string' || !(clientActions as readonly string[]).includes(action)) {
    outbox.reply(connection, requestId, {
      code: 'INVALID_ACTION',
      message: typeof action === 'string' ? `Unknown action: ${action.slice(0, 64)}` : 'Missing action',
    });
    return;
  }
  const scope = actionScope(action);
  if (scope && !connection.grant.scopes.includes(scope)) {
    outbox.reply(connection, requestId, { code: 'FORBIDDEN', message: `This token lacks the "${scope}" scope needed for ${action}` });
    return;
  }
  try {
    switch (action) {
      case 'injectEvent':
        injectEvent(context, connection, fields, requestId);
        break;
      case 'triggerRule':
        void triggerRule(context, connection, fields, requestId);
        break;
      case 'subscribe':
        subscribe(context, connection, fields, requestId);
        break;
      case 'hello':
        hello(context, connection, fields, requestId);
        break;
      default:
        if ((adminActions as readonly string[]).includes(action))
          void adminAction(context, connection, action as (typeof adminActions)[number], fields, requestId);
    }
  } catch (error) {
    outbox.internalError(connection, requestId, error);
  }
}

function rawToString(data: RawData, _isBinary: boolean): string {
  if (typeof data === 'string') return data;
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** The valid `requestId` of a message that will not be processed (rate limited), or undefined. */
function peekRequestId(data: RawData, isBinary: boolean): RequestId | undefined {
  try {
    const message = JSON.parse(rawToString(data, isBinary)) as unknown;
    if (typeof message !== 'object' || message === null) return undefined;
    const parsed = requestIdSchema.safeParse((message as { requestId?: unknown }).requestId);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
