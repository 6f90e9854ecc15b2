/**
 * A small typed client of the VMSC Custom WebSocket protocol (`@vmsc/core/protocol`): requests with
 * a `requestId` resolve with their ack or reject with the server's error; `event` messages go to
 * `onEvent`. Any language can do the same with a WebSocket library (see examples/custom-ws).
 */
import {
  CUSTOM_WS_SUBPROTOCOL,
  serverMessageSchema,
  TOKEN_SUBPROTOCOL_PREFIX,
  type ClientMessage,
  type ErrorMessage,
  type HelloAck,
  type InjectEventAck,
  type InjectedEvent,
  type ServerMessage,
  type SubscribeAck,
  type TriggerRuleAck,
} from '@vmsc/core/protocol';
import { ConnectionError, ProtocolError, VmscError, type StreamEvent } from '@vmsc/core';
import WebSocket from 'ws';

/** The server answered a request with an `error` message. */
export class HubRequestError extends VmscError {
  readonly issues: ErrorMessage['issues'];
  constructor(error: ErrorMessage) {
    super(error.code, error.message);
    this.issues = error.issues;
  }
}

type Pending = { resolve: (message: ServerMessage) => void; reject: (error: Error) => void };
type WithoutRequestId<T> = T extends unknown ? Omit<T, 'requestId'> : never;

/** A connection to a hub's custom WebSocket server. */
export class HubConnection {
  readonly #socket: WebSocket;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Called for every subscribed event. */
  onEvent: (event: StreamEvent) => void = () => undefined;
  /** Called for a problem that belongs to no request (a malformed frame, the socket closing). */
  onError: (error: Error) => void = () => undefined;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data) => this.#receive(String(data)));
    socket.on('close', (code, reason) => {
      const error = new ConnectionError(`hub closed the connection (${code}${reason.length ? ` ${String(reason)}` : ''})`);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      if (code !== 1000) this.onError(error);
    });
  }

  /** Opens a connection, authenticating with the token subprotocol (what browsers must use too). */
  static open(url: string, token: string): Promise<HubConnection> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, [CUSTOM_WS_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${token}`]);
      socket.once('open', () => resolve(new HubConnection(socket)));
      socket.once('unexpected-response', (_request, response) =>
        reject(new ConnectionError(`hub refused the connection: HTTP ${response.statusCode}`)),
      );
      socket.once('error', (error) => reject(new ConnectionError(`cannot reach the hub at ${url}: ${error.message}`, { cause: error })));
    });
  }

  hello(): Promise<HelloAck> {
    return this.#request({ action: 'hello' }) as Promise<HelloAck>;
  }

  subscribe(filter: { eventTypes?: string[]; sources?: string[] }): Promise<SubscribeAck> {
    return this.#request({ action: 'subscribe', ...filter }) as Promise<SubscribeAck>;
  }

  injectEvent(event: InjectedEvent): Promise<InjectEventAck> {
    return this.#request({ action: 'injectEvent', event }) as Promise<InjectEventAck>;
  }

  triggerRule(ruleName: string): Promise<TriggerRuleAck> {
    return this.#request({ action: 'triggerRule', ruleName }) as Promise<TriggerRuleAck>;
  }

  close(): Promise<void> {
    if (this.#socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.#socket.once('close', () => resolve());
      this.#socket.close(1000);
    });
  }

  #request(message: WithoutRequestId<ClientMessage>): Promise<ServerMessage> {
    const requestId = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(requestId, { resolve, reject });
      this.#socket.send(JSON.stringify({ ...message, requestId } satisfies ClientMessage));
    });
  }

  #receive(text: string): void {
    let parsed;
    try {
      parsed = serverMessageSchema.safeParse(JSON.parse(text));
    } catch {
      this.onError(new ProtocolError(`hub sent a frame that is not JSON: ${text.slice(0, 80)}`));
      return;
    }
    if (!parsed.success) {
      this.onError(new ProtocolError(`hub sent an unexpected message: ${parsed.error.message.slice(0, 200)}`));
      return;
    }
    const message = parsed.data as ServerMessage;
    if (message.action === 'event') {
      this.onEvent(message.event);
      return;
    }
    if (message.action === 'alert') return; // overlay alerts: only sent to overlays that subscribed to them
    const id = typeof message.requestId === 'number' ? message.requestId : undefined;
    const pending = id === undefined ? undefined : this.#pending.get(id);
    if (!pending) {
      if (message.action === 'error') this.onError(new HubRequestError(message));
      return;
    }
    this.#pending.delete(id!);
    if (message.action === 'error') pending.reject(new HubRequestError(message));
    else pending.resolve(message);
  }
}
