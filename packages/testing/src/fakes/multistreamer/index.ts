import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { startWsServer } from '../../loopback.js';
import { multistreamerFixtures, streamGoesLive, type MultistreamerClientMessage, type MultistreamerStatusMessage } from './fixtures.js';

export { multistreamerFixtures } from './fixtures.js';
export type {
  MultistreamerAccount,
  MultistreamerStatusMessage,
  MultistreamerChatMessage,
  MultistreamerViewCountResult,
  MultistreamerWriterResult,
  MultistreamerClientMessage,
} from './fixtures.js';

/** Options of {@link startMultistreamerFake}. */
export interface MultistreamerFakeOptions {
  /** The access token clients must pass as `?token=` (default `ms-token`); others get HTTP 401. */
  token?: string;
  /** The stream id of the URL `/ws/:id` (default 21); other paths get HTTP 404. */
  streamId?: number;
  /** The status answered to `{type:"status"}` (default: the wiki's "Stream goes live"). */
  status?: MultistreamerStatusMessage;
  /** Viewer count answered to `viewcount` (default 0, as in the wiki). */
  viewerCount?: number;
  /** Answer `writer` requests with `writerresult` (default true); `false` never answers. */
  grantWriters?: boolean;
  /** Delay before the `writerresult`, ms (default 10). */
  writerDelayMs?: number;
}

/** A local multistreamer WebSocket API (spec 004) on 127.0.0.1. */
export interface MultistreamerFake {
  /** `ws://127.0.0.1:<port>/ws/<streamId>` (add `?token=`). */
  readonly url: string;
  readonly token: string;
  readonly streamId: number;
  /** Every JSON message clients sent, in order. */
  readonly received: readonly MultistreamerClientMessage[];
  /** Every accepted upgrade request. */
  readonly requests: readonly IncomingMessage[];
  /** The status the fake currently reports. */
  readonly status: MultistreamerStatusMessage;
  /** Sends a message (JSON-encoded) to every connected client. */
  send(message: object): void;
  /** Sends raw text to every client (malformed frames). */
  sendRaw(text: string): void;
  /** Sends one of the wiki's examples. */
  sendFixture(name: keyof typeof multistreamerFixtures): void;
  /** Replaces the status and broadcasts it. */
  setStatus(status: MultistreamerStatusMessage): void;
  /** Resolves with the next (or an already received, unconsumed) client message of `type`. */
  waitForMessage<T extends MultistreamerClientMessage['type']>(
    type: T,
    options?: { timeoutMs?: number },
  ): Promise<Extract<MultistreamerClientMessage, { type: T }>>;
  /** Resolves with the next client connection. */
  nextConnection(options?: { timeoutMs?: number; existing?: boolean }): Promise<WebSocket>;
  /** Drops every connection abruptly (no close frame). */
  dropAll(): void;
  close(): Promise<void>;
}

/**
 * Starts a fake multistreamer WebSocket API (spec 004): `ws://127.0.0.1:<port>/ws/<id>?token=`.
 * It answers `status`, `viewcount` and `writer` (then marks the account ready) like the real one,
 * records what clients send, and lets a test push the wiki's messages.
 *
 * @example
 * ```ts
 * const fake = await startMultistreamerFake();
 * const client = new MultistreamerClient({ bus, url: fake.url, token: fake.token });
 * await client.connect();
 * fake.sendFixture('twitchText');
 * ```
 */
export async function startMultistreamerFake(options: MultistreamerFakeOptions = {}): Promise<MultistreamerFake> {
  const token = options.token ?? 'ms-token';
  const streamId = options.streamId ?? 21;
  let status: MultistreamerStatusMessage = structuredClone(options.status ?? streamGoesLive);
  const received: MultistreamerClientMessage[] = [];
  const consumed = new Set<number>();
  const listeners = new Set<() => void>();
  const server = await startWsServer({
    verifyClient: (request) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      return url.pathname === `/ws/${streamId}` && url.searchParams.get('token') === token;
    },
    onMessage: (socket, data) => {
      let message: MultistreamerClientMessage;
      try {
        message = JSON.parse(String(data)) as MultistreamerClientMessage;
      } catch {
        return;
      }
      received.push(message);
      for (const listener of listeners) listener();
      respond(socket, message);
    },
  });

  const sendTo = (socket: WebSocket, message: object) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const send = (message: object) => server.broadcast(JSON.stringify(message));

  function respond(socket: WebSocket, message: MultistreamerClientMessage): void {
    switch (message.type) {
      case 'status':
        sendTo(socket, status);
        break;
      case 'viewcount':
        for (const [id, account] of Object.entries(status.accounts)) {
          if (account.live)
            sendTo(socket, {
              type: 'viewcountresult',
              viewer_count: options.viewerCount ?? 0,
              stream_id: streamId,
              account_id: Number(id),
            });
        }
        break;
      case 'writer':
        if (options.grantWriters === false) break;
        setTimeout(() => {
          const account = status.accounts[String(message.account_id)];
          if (account) account.ready = true;
          send({ type: 'writerresult', account_id: message.account_id, cur_stream_account_id: message.cur_stream_account_id });
        }, options.writerDelayMs ?? 10);
        break;
      default:
        break;
    }
  }

  return {
    url: `${server.url}/ws/${streamId}`,
    token,
    streamId,
    received,
    requests: server.requests,
    get status() {
      return status;
    },
    send,
    sendRaw: (text) => server.broadcast(text),
    sendFixture: (name) => send(multistreamerFixtures[name]),
    setStatus(next) {
      status = structuredClone(next);
      send(status);
    },
    waitForMessage(type, { timeoutMs = 5_000 } = {}) {
      type Wanted = Extract<MultistreamerClientMessage, { type: typeof type }>;
      return new Promise<Wanted>((resolve, reject) => {
        const check = () => {
          const index = received.findIndex((message, i) => message.type === type && !consumed.has(i));
          if (index < 0) return;
          consumed.add(index);
          listeners.delete(check);
          clearTimeout(timer);
          resolve(received[index] as Wanted);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no "${type}" message from a multistreamer client within ${timeoutMs} ms`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    nextConnection: (opts) => server.nextConnection(opts),
    dropAll: () => server.dropAll(),
    close: () => server.close(),
  };
}
