import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { LOOPBACK_HOST, startWsServer, type LoopbackWsServer } from '../../loopback.js';
import { kickEventFrames, type KickFixtureName } from './fixtures.js';

/** Kick's current public Pusher app key (what a connector uses by default). */
export const KICK_FAKE_DEFAULT_APP_KEY = '32cbd69e4b950bf97679';

/** Options of {@link startKickPusherFake}. */
export interface KickPusherFakeOptions {
  /** The app key the server accepts. Default Kick's current public key. */
  appKey?: string;
  /** `activity_timeout` announced in `connection_established`, seconds. Default 120 (Kick's). */
  activityTimeout?: number;
}

/** A frame a client sent, parsed. */
export interface KickClientFrame {
  event: string;
  data?: unknown;
  channel?: string;
}

/** A running Pusher-protocol-7 server speaking like `ws-us2.pusher.com` for Kick. */
export interface KickPusherFake {
  /** `127.0.0.1`: give it to the connector as `wsHost`. */
  readonly host: string;
  /** Give it as `wsPort` (with `forceTLS: false`). */
  readonly port: number;
  readonly url: string;
  /** The app key currently accepted. */
  readonly appKey: string;
  /** Sockets open now. */
  readonly openConnections: number;
  /** Connections accepted (handshake completed) since start. */
  readonly connectionsAccepted: number;
  /** Every upgrade request (URL carries `/app/{key}?protocol=7&client=js&version=…`). */
  readonly requests: readonly IncomingMessage[];
  /** Every frame clients sent, in order. */
  readonly received: readonly KickClientFrame[];
  /** Channels subscribed on any open socket. */
  subscriptions(): string[];
  /** Resolves once some open socket is subscribed to `channel`. */
  waitForSubscription(channel: string, timeoutMs?: number): Promise<void>;
  /**
   * Sends an event to every socket subscribed to `channel`, Pusher style: `data` is JSON-encoded
   * into a string unless it already is one. Returns the number of sockets reached.
   */
  sendEvent(channel: string, event: string, data: unknown): number;
  /**
   * Replays a captured frame byte-exact to the sockets subscribed to its channel. `channel`
   * rewrites the frame's channel (to aim a capture at the test's channel ids).
   */
  sendFixture(name: KickFixtureName, channel?: string): number;
  /** Sends raw text to every open socket (malformed frames, unusual envelopes). */
  sendRaw(text: string): void;
  /** Sends `pusher:ping` to every open socket. */
  ping(): void;
  /** Stop answering and sending anything (a half-dead socket): the client's watchdog must notice. */
  setSilent(silent: boolean): void;
  /** Accept `appKey` from now on and reject the old one with 4001; `kick` also closes current sockets with 4001. */
  rotateKey(appKey: string, options?: { kick?: boolean }): void;
  /** Refuse the next handshakes with `pusher:error` + close `code` (e.g. 4100 over capacity); `0` stops refusing. */
  refuseNext(code: number, count?: number): void;
  /** Answer future subscriptions to `channel` with `pusher:subscription_error` (as for a channel needing auth). */
  refuseSubscription(channel: string): void;
  /** Sends `pusher:error {code, message}` then closes with `code` (Pusher's way of ending a connection). */
  errorAndClose(code: number, message?: string): void;
  /** Close frames with `code` to every socket. */
  closeAll(code?: number, reason?: string): void;
  /** Drops every socket abruptly (no close frame), as a network failure would. */
  dropAll(): void;
  close(): Promise<void>;
}

interface SocketState {
  channels: Set<string>;
}

const PUSHER_ERROR_MESSAGES: Record<number, string> = {
  4001: 'Application does not exist',
  4007: 'Unsupported protocol version',
  4008: 'No protocol version supplied',
  4100: 'Over capacity',
  4200: 'Generic reconnect immediately',
  4201: 'Pong reply not received',
};

/**
 * Starts a fake of Kick's Pusher endpoint on 127.0.0.1: a real `ws` server speaking Pusher
 * protocol 7 (`connection_established`, `pusher:subscribe` → `pusher_internal:subscription_succeeded`,
 * `pusher:ping`/`pusher:pong`, `pusher:error` with close codes) that replays real Kick captures.
 *
 * @example
 * ```ts
 * const pusher = await startKickPusherFake();
 * const kick = new KickConnector({ bus, channel: { chatroomId: 668, channelId: 668 }, wsHost: pusher.host, wsPort: pusher.port, forceTLS: false });
 * await kick.connect();
 * pusher.sendFixture('ChatMessageEvent', 'chatrooms.668.v2');
 * ```
 */
export async function startKickPusherFake(options: KickPusherFakeOptions = {}): Promise<KickPusherFake> {
  let appKey = options.appKey ?? KICK_FAKE_DEFAULT_APP_KEY;
  const activityTimeout = options.activityTimeout ?? 120;
  const sockets = new Map<WebSocket, SocketState>();
  const received: KickClientFrame[] = [];
  const subscriptionWaiters: Array<{ channel: string; resolve: () => void }> = [];
  let silent = false;
  let accepted = 0;
  let refuseCode = 0;
  let refuseCount = 0;
  let socketSeq = 0;
  const refusedChannels = new Set<string>();

  const send = (socket: WebSocket, frame: KickClientFrame | string) => {
    if (silent || socket.readyState !== socket.OPEN) return;
    socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  };
  const errorFrame = (code: number, message?: string): KickClientFrame => ({
    event: 'pusher:error',
    data: { message: message ?? PUSHER_ERROR_MESSAGES[code] ?? 'Error', code },
  });

  const onConnection = (socket: WebSocket, request: IncomingMessage) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const match = /^\/app\/([^/]+)$/.exec(url.pathname);
    const protocol = url.searchParams.get('protocol');
    let refusal: number | undefined;
    if (!match || match[1] !== appKey) refusal = 4001;
    else if (protocol === null) refusal = 4008;
    else if (protocol !== '7') refusal = 4007;
    else if (refuseCount > 0) {
      refuseCount--;
      refusal = refuseCode;
    }
    if (refusal !== undefined) {
      socket.send(JSON.stringify(errorFrame(refusal)));
      socket.close(refusal, PUSHER_ERROR_MESSAGES[refusal] ?? 'refused');
      return;
    }
    accepted++;
    sockets.set(socket, { channels: new Set() });
    socket.on('close', () => sockets.delete(socket));
    socketSeq++;
    send(socket, {
      event: 'pusher:connection_established',
      data: JSON.stringify({ socket_id: `${100000 + socketSeq}.${200000 + socketSeq}`, activity_timeout: activityTimeout }),
    });
  };

  const onMessage = (socket: WebSocket, raw: string | Buffer) => {
    let frame: KickClientFrame;
    try {
      frame = JSON.parse(raw.toString()) as KickClientFrame;
    } catch {
      send(socket, errorFrame(4200, 'Invalid JSON'));
      return;
    }
    received.push(frame);
    const state = sockets.get(socket);
    if (!state || silent) return;
    const data = (frame.data ?? {}) as { channel?: unknown };
    switch (frame.event) {
      case 'pusher:ping':
        send(socket, { event: 'pusher:pong', data: {} });
        return;
      case 'pusher:subscribe': {
        const channel = typeof data.channel === 'string' ? data.channel : '';
        if (channel === '' || channel.startsWith('private-') || channel.startsWith('presence-') || refusedChannels.has(channel)) {
          send(socket, {
            event: 'pusher:subscription_error',
            channel,
            data: JSON.stringify({ type: 'AuthError', error: 'Invalid signature', status: 401 }),
          });
          return;
        }
        state.channels.add(channel);
        send(socket, { event: 'pusher_internal:subscription_succeeded', data: '{}', channel });
        for (const waiter of subscriptionWaiters.splice(0)) {
          if (waiter.channel === channel) waiter.resolve();
          else subscriptionWaiters.push(waiter);
        }
        return;
      }
      case 'pusher:unsubscribe':
        if (typeof data.channel === 'string') state.channels.delete(data.channel);
        return;
      default:
        if (frame.event.startsWith('client-')) {
          send(socket, errorFrame(4301, 'Client event rejected - only supported on private and presence channels'));
        }
    }
  };

  const server: LoopbackWsServer = await startWsServer({ onConnection, onMessage });

  const subscribers = (channel: string) => [...sockets].filter(([, state]) => state.channels.has(channel)).map(([socket]) => socket);

  return {
    host: LOOPBACK_HOST,
    port: server.port,
    url: server.url,
    get appKey() {
      return appKey;
    },
    get openConnections() {
      return sockets.size;
    },
    get connectionsAccepted() {
      return accepted;
    },
    requests: server.requests,
    received,
    subscriptions() {
      const all = new Set<string>();
      for (const state of sockets.values()) for (const channel of state.channels) all.add(channel);
      return [...all];
    },
    waitForSubscription(channel, timeoutMs = 5_000) {
      for (const state of sockets.values()) if (state.channels.has(channel)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no subscription to ${channel} within ${timeoutMs} ms`)), timeoutMs);
        subscriptionWaiters.push({
          channel,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    sendEvent(channel, event, data) {
      const text = JSON.stringify({ event, data: typeof data === 'string' ? data : JSON.stringify(data), channel });
      const targets = subscribers(channel);
      for (const socket of targets) send(socket, text);
      return targets.length;
    },
    sendFixture(name, channel) {
      let text: string = kickEventFrames[name];
      const original = (JSON.parse(text) as KickClientFrame).channel ?? '';
      if (channel !== undefined) text = text.replace(`"channel":${JSON.stringify(original)}`, `"channel":${JSON.stringify(channel)}`);
      const targets = subscribers(channel ?? original);
      for (const socket of targets) send(socket, text);
      return targets.length;
    },
    sendRaw(text) {
      for (const socket of sockets.keys()) send(socket, text);
    },
    ping() {
      for (const socket of sockets.keys()) send(socket, { event: 'pusher:ping', data: {} });
    },
    setSilent(value) {
      silent = value;
    },
    rotateKey(next, { kick = false } = {}) {
      appKey = next;
      if (kick) {
        for (const socket of sockets.keys()) {
          socket.send(JSON.stringify(errorFrame(4001)));
          socket.close(4001, PUSHER_ERROR_MESSAGES[4001]);
        }
      }
    },
    refuseNext(code, count = 1) {
      refuseCode = code;
      refuseCount = code === 0 ? 0 : count;
    },
    refuseSubscription(channel) {
      refusedChannels.add(channel);
    },
    errorAndClose(code, message) {
      for (const socket of sockets.keys()) {
        socket.send(JSON.stringify(errorFrame(code, message)));
        socket.close(code, message ?? PUSHER_ERROR_MESSAGES[code] ?? 'closed');
      }
    },
    closeAll(code = 1000, reason = '') {
      server.closeAll(code, reason);
    },
    dropAll() {
      server.dropAll();
    },
    close: () => server.close(),
  };
}
