import type { WebSocket } from 'ws';
import { ConnectionError, VmscError, type EventBus, type StreamEvent, type ValidationIssue } from '@vmsc/core';
import { CLOSE_CODES, type AdminPushMessage, type ErrorCode, type RequestId, type ServerMessage } from '@vmsc/core/protocol';
import type { z } from 'zod';
import type { Connection } from './connection.js';
import type { BufferedEvent } from './replay-buffer.js';

/** The `origin` of the server's error notices on the bus. */
export const ORIGIN = 'custom-ws-server';
/** How long a connection closed for being slow may take to flush its close frame before it is cut. */
const SLOW_CONSUMER_GRACE_MS = 2_000;
/** Send options for a pre-encoded JSON frame: a text frame, not a binary one. */
const TEXT_FRAME = { binary: false } as const;

/** A protocol `error` message to send, before its `requestId` is added. */
export interface ProtocolErrorReply {
  code: ErrorCode;
  message: string;
  issues?: readonly ValidationIssue[];
  retryAfterMs?: number;
}

/** Notifies the bus of a server-side error (a refused connection, a dropped client). */
export function notifyError(bus: EventBus, error: VmscError): void {
  bus.notify({ kind: 'error', origin: ORIGIN, error });
}

/** `message` with `requestId` echoed, when the request had one. */
export function withRequestId<M extends ServerMessage>(message: M, requestId: RequestId | undefined): M {
  return requestId === undefined ? message : { ...message, requestId };
}

/** An event with its `event` frame encoded once, for the replay buffer and every subscriber. */
export function toBuffered(event: StreamEvent): BufferedEvent {
  // `raw` is for local debugging only: it is never sent to clients.
  const sent = event.raw === undefined ? event : { ...event, raw: undefined };
  return { event, frame: Buffer.from(`{"action":"event","event":${JSON.stringify(sent)}}`, 'utf8') };
}

/** Sends a message on an open socket (nothing once it is closing or closed). */
export function sendTo(socket: WebSocket, message: ServerMessage | AdminPushMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/**
 * Everything the server sends to its clients: replies, protocol errors and event frames, each
 * followed by the backpressure check that closes a subscriber which does not read (close code
 * `SLOW_CONSUMER`) and removes it from `connections`.
 */
export class Outbox {
  readonly #bus: EventBus;
  readonly #connections: Set<Connection>;
  readonly #maxBufferedBytes: number;

  constructor(options: { bus: EventBus; connections: Set<Connection>; maxBufferedBytes: number }) {
    this.#bus = options.bus;
    this.#connections = options.connections;
    this.#maxBufferedBytes = options.maxBufferedBytes;
  }

  /** Sends a message to a connection the server has not decided to close. */
  send(connection: Connection, message: ServerMessage | AdminPushMessage): void {
    if (connection.closing) return;
    sendTo(connection.socket, message);
    this.#checkBackpressure(connection);
  }

  /** Sends a pre-encoded event frame. */
  sendFrame(connection: Connection, entry: BufferedEvent): void {
    if (connection.closing) return;
    connection.socket.send(entry.frame, TEXT_FRAME);
    this.#checkBackpressure(connection);
  }

  /** Sends a protocol `error` message (with the request's `requestId`). */
  reply(connection: Connection, requestId: RequestId | undefined, error: ProtocolErrorReply): void {
    const message: ServerMessage = {
      action: 'error',
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: [...error.issues] } : {}),
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
    this.send(connection, withRequestId(message, requestId));
  }

  /** Replies `INVALID_PAYLOAD` with the schema's issues. */
  invalid(connection: Connection, requestId: RequestId | undefined, action: string, error: z.ZodError): void {
    const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    this.reply(connection, requestId, {
      code: 'INVALID_PAYLOAD',
      message: `Invalid ${action}: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`,
      issues,
    });
  }

  /** Reports an unexpected failure on the bus and replies `INTERNAL_ERROR`. */
  internalError(connection: Connection, requestId: RequestId | undefined, error: unknown): void {
    const wrapped =
      error instanceof VmscError
        ? error
        : new VmscError('INTERNAL', error instanceof Error ? error.message : String(error), { cause: error });
    notifyError(this.#bus, wrapped);
    this.reply(connection, requestId, { code: 'INTERNAL_ERROR', message: wrapped.message });
  }

  #checkBackpressure(connection: Connection): void {
    if (connection.socket.bufferedAmount <= this.#maxBufferedBytes) return;
    connection.closing = true;
    this.#connections.delete(connection);
    const socket = connection.socket;
    socket.close(CLOSE_CODES.SLOW_CONSUMER, `slow consumer: more than ${this.#maxBufferedBytes} bytes unsent`);
    const timer = setTimeout(() => socket.terminate(), SLOW_CONSUMER_GRACE_MS);
    socket.once('close', () => clearTimeout(timer));
    notifyError(
      this.#bus,
      new ConnectionError(`dropped a slow subscriber (more than ${this.#maxBufferedBytes} bytes unsent)`, { code: 'SLOW_CONSUMER' }),
    );
  }
}
