import { newEventId, parseEvent, ProtocolError, systemUser, toSecret, ValidationError, type EventBus, type StreamEvent } from '@vmsc/core';
import { compileMapping, type CompiledMapping } from './mapping/compile.js';
import type { MessageMapping } from './mapping/types.js';
import { WsConnector, type WsConnectorOptions } from './ws-connector.js';

/** Options of {@link CustomWsClient}. */
export interface CustomWsClientOptions extends Omit<WsConnectorOptions, 'bus'> {
  bus: EventBus;
  /** The `source` of the events this connection produces (e.g. `my-bot`). */
  source: string;
  /**
   * How messages become events: one mapping, or several tried in order (the first whose filter
   * accepts a message is used). Every path is compiled once, here.
   */
  mapping: MessageMapping | readonly MessageMapping[];
}

/** Longest raw text kept in an `unknown` event for a frame that is not JSON. */
const MAX_RAW_TEXT = 2_048;

/**
 * Connects to any WebSocket server and turns its JSON messages into StreamEvents with a JSONPath
 * message mapping (spec 000 "Custom WebSocket Clients"). Runs in Node and browsers (isomorphic-ws).
 *
 * A message no mapping accepts, or whose mapped event does not validate, is published as an
 * `unknown` event of the source (`data: { kind, payload, reason }`) and reported as an error; a
 * frame that is not JSON is reported as a `ProtocolError`. Nothing crashes the client.
 *
 * @example
 * ```ts
 * const client = new CustomWsClient({
 *   bus,
 *   url: 'ws://localhost:9090',
 *   token: process.env.BOT_TOKEN,
 *   source: 'my-bot',
 *   mapping: { type: { const: 'chat' }, 'user.id': '$.from.id', 'user.username': '$.from.name', 'data.message': '$.text' },
 * });
 * await client.connect();
 * ```
 */
export class CustomWsClient extends WsConnector {
  readonly #mappings: readonly CompiledMapping[];

  constructor(options: CustomWsClientOptions) {
    if (typeof options.source !== 'string' || options.source.length === 0) {
      throw new ValidationError('invalid options', [{ path: 'source', message: 'a non-empty source name is required' }]);
    }
    const list = Array.isArray(options.mapping) ? (options.mapping as readonly MessageMapping[]) : [options.mapping as MessageMapping];
    if (list.length === 0) throw new ValidationError('invalid options', [{ path: 'mapping', message: 'at least one mapping is required' }]);
    const mappings = list.map((mapping, index) => compileMapping(mapping, list.length === 1 ? 'mapping' : `mapping.${index}`));
    super(options.source, {
      ...options,
      ...(options.token !== undefined ? { token: toSecret(options.token) } : {}),
    } as WsConnectorOptions & {
      token?: ReturnType<typeof toSecret>;
    });
    this.#mappings = mappings;
  }

  protected onText(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch (error) {
      this.reportError(
        new ProtocolError(`${this.id}: a frame is not JSON (${error instanceof Error ? error.message : 'parse error'})`, {
          code: 'MALFORMED_FRAME',
        }),
      );
      this.publishUnknown('(not JSON)', text.length > MAX_RAW_TEXT ? `${text.slice(0, MAX_RAW_TEXT)}…` : text, 'the frame is not JSON');
      return;
    }
    const event = this.map(message);
    if (event) this.publish(event);
  }

  /**
   * Maps one parsed message: the event, or `undefined` when every mapping's filter rejected it (a
   * deliberate skip) or it could not be mapped (then it is reported and published as `unknown`).
   */
  protected map(message: unknown): StreamEvent | undefined {
    const mapping = this.#mappings.find((candidate) => candidate.accepts(message));
    if (!mapping) return undefined;
    const outcome = mapping.apply(message);
    if (outcome.kind === 'filtered') return undefined;
    if (outcome.kind === 'unmapped') {
      this.#unmapped(message, '(unmapped)', outcome.reason);
      return undefined;
    }
    const user = outcome.user ? completeUser(outcome.user) : systemUser();
    const candidate = {
      id: newEventId(),
      type: outcome.type,
      source: this.source,
      timestamp: this.clock.now(),
      user,
      data: outcome.data,
      raw: message,
    };
    const parsed = parseEvent(candidate);
    if (!parsed.ok) {
      this.#unmapped(message, outcome.type, parsed.error.issues.map((issue) => `${issue.path || 'event'}: ${issue.message}`).join('; '));
      return undefined;
    }
    return parsed.event;
  }

  #unmapped(message: unknown, kind: string, reason: string): void {
    this.reportError(
      new ValidationError(`${this.id}: a message could not be mapped`, [{ path: '', message: reason }], { code: 'UNMAPPED_MESSAGE' }),
    );
    this.publishUnknown(kind, message, reason);
  }
}

function completeUser(user: Record<string, unknown>): Record<string, unknown> {
  const id = user.id ?? user.username;
  const username = user.username ?? id;
  return { ...user, id, username, nickname: user.nickname ?? username };
}
