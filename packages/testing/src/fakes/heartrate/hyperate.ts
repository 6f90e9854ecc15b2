import type { WebSocket } from 'ws';
import { startGatedWsServer, type UpgradeRefusal } from './gated-server.js';

/** Options of {@link startHypeRateFake}. */
export interface HypeRateFakeOptions {
  /** WebSocket API keys the fake accepts (default `['hyperate-test-key-5f2e']`). */
  tokens?: string[];
  /**
   * Close sockets that send nothing (no heartbeat) for this long, ms, as HypeRate does ("send a
   * heartbeat every 10 s, otherwise the connection will be closed"). Default: never.
   */
  idleTimeoutMs?: number;
}

/** A message a client sent, decoded (Phoenix V1 object form). */
export interface PhoenixClientMessage {
  topic: string;
  event: string;
  payload: unknown;
  ref: string | number | null;
}

/**
 * A local HypeRate Phoenix Channels socket (`/socket/websocket?token=`, serializer V1): refuses
 * unknown keys with HTTP 403 (as Phoenix does when `connect/3` fails), answers `phx_join` to
 * `hr:<id>` / `clips:<id>` with `phx_reply` ok (and `unmatched topic` errors for anything else),
 * answers heartbeats on `phoenix`, and pushes `hr_update` to the sockets that joined `hr:<id>`.
 */
export interface HypeRateFake {
  /** `ws://127.0.0.1:<port>/socket/websocket` */
  readonly url: string;
  /** The first accepted key. */
  readonly token: string;
  /** Every message received from clients, in order. */
  readonly received: readonly PhoenixClientMessage[];
  /** Topics currently joined by at least one open socket. */
  joinedTopics(): string[];
  /** Open client connections. */
  readonly connectionCount: number;
  /** Pushes `hr_update` `{hr}` to the sockets that joined `hr:<deviceId>`. */
  sendHeartRate(deviceId: string, hr: number): void;
  /** Pushes any broadcast (`ref: null`) to the sockets that joined `topic` (or to all sockets with `toAll`). */
  push(topic: string, event: string, payload: unknown, toAll?: boolean): void;
  /** Sends a text frame as-is to every client. */
  sendRaw(text: string): void;
  /** Stops or resumes answering heartbeats (the reply watchdog's case). */
  setHeartbeatReplies(enabled: boolean): void;
  /** Refuses joins of `hr:<deviceId>` with this reason from now on. */
  refuseJoin(deviceId: string, reason: string): void;
  /** Sends `phx_error` on `hr:<deviceId>` (the channel process crashed) and forgets the join. */
  crashChannel(deviceId: string): void;
  /** Refuses the next `count` upgrades with this HTTP answer (default 503). */
  failNextUpgrades(count: number, refusal?: UpgradeRefusal): void;
  /** Drops every connection abruptly (no close frame). */
  dropAll(): void;
  /** Resolves with the next accepted connection. */
  nextConnection(timeoutMs?: number): Promise<WebSocket>;
  close(): Promise<void>;
}

const PATH = '/socket/websocket';
const CHANNEL_TOPIC = /^(?:hr|clips):.+$/;

/** Starts a {@link HypeRateFake} on 127.0.0.1 (port 0); closed by `closeAllFakes()`. */
export async function startHypeRateFake(options: HypeRateFakeOptions = {}): Promise<HypeRateFake> {
  const tokens = new Set(options.tokens ?? ['hyperate-test-key-5f2e']);
  const received: PhoenixClientMessage[] = [];
  const joins = new Map<WebSocket, Set<string>>();
  const refusedJoins = new Map<string, string>();
  const injected: UpgradeRefusal[] = [];
  let heartbeatReplies = true;

  const send = (socket: WebSocket, topic: string, event: string, payload: unknown, ref: string | number | null) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event, payload, ref, topic }));
  };
  const reply = (socket: WebSocket, topic: string, ref: string | number | null, status: 'ok' | 'error', response: object = {}) =>
    send(socket, topic, 'phx_reply', { response, status }, ref);

  const onMessage = (socket: WebSocket, text: string) => {
    let message: PhoenixClientMessage;
    try {
      const value = JSON.parse(text) as Partial<PhoenixClientMessage>;
      if (typeof value.topic !== 'string' || typeof value.event !== 'string') throw new Error('not a Phoenix message');
      message = { topic: value.topic, event: value.event, payload: value.payload, ref: value.ref ?? null };
    } catch {
      // Phoenix's serializer crashes the socket process on undecodable frames: the connection closes.
      socket.close(1011, 'undecodable frame');
      return;
    }
    received.push(message);
    const topics = joins.get(socket)!;
    const { topic, event, ref } = message;
    if (topic === 'phoenix' && event === 'heartbeat') {
      if (heartbeatReplies) reply(socket, 'phoenix', ref, 'ok');
      return;
    }
    if (event === 'phx_join') {
      const refusal = refusedJoins.get(topic);
      if (!CHANNEL_TOPIC.test(topic)) return reply(socket, topic, ref, 'error', { reason: 'unmatched topic' });
      if (refusal) return reply(socket, topic, ref, 'error', { reason: refusal });
      topics.add(topic);
      return reply(socket, topic, ref, 'ok');
    }
    if (!topics.has(topic)) return reply(socket, topic, ref, 'error', { reason: 'unmatched topic' });
    if (event === 'phx_leave') {
      topics.delete(topic);
      reply(socket, topic, ref, 'ok');
      send(socket, topic, 'phx_close', {}, ref);
      return;
    }
    reply(socket, topic, ref, 'ok');
  };

  const server = await startGatedWsServer({
    path: PATH,
    gate(_request, url) {
      const refusal = injected.shift();
      if (refusal) return refusal;
      const token = url.searchParams.get('token');
      return token !== null && tokens.has(token) ? undefined : { status: 403, body: '' };
    },
    onConnection(socket) {
      joins.set(socket, new Set());
      let idle: ReturnType<typeof setTimeout> | undefined;
      const armIdle = () => {
        if (options.idleTimeoutMs === undefined) return;
        if (idle) clearTimeout(idle);
        idle = setTimeout(() => socket.close(1000, 'heartbeat timeout'), options.idleTimeoutMs);
      };
      armIdle();
      socket.on('message', (data, isBinary) => {
        armIdle();
        if (!isBinary) onMessage(socket, data.toString());
      });
      socket.on('close', () => {
        if (idle) clearTimeout(idle);
        joins.delete(socket);
      });
    },
  });

  const open = () => [...server.clients].filter((client) => client.readyState === client.OPEN);
  const pushTo = (topic: string, event: string, payload: unknown, toAll = false) => {
    for (const socket of open()) if (toAll || joins.get(socket)?.has(topic)) send(socket, topic, event, payload, null);
  };

  return {
    url: server.url,
    token: [...tokens][0]!,
    received,
    joinedTopics: () => [...new Set(open().flatMap((socket) => [...(joins.get(socket) ?? [])]))],
    get connectionCount() {
      return open().length;
    },
    sendHeartRate(deviceId, hr) {
      pushTo(`hr:${deviceId}`, 'hr_update', { hr });
    },
    push: pushTo,
    sendRaw(text) {
      for (const socket of open()) socket.send(text);
    },
    setHeartbeatReplies(enabled) {
      heartbeatReplies = enabled;
    },
    refuseJoin(deviceId, reason) {
      refusedJoins.set(`hr:${deviceId}`, reason);
    },
    crashChannel(deviceId) {
      const topic = `hr:${deviceId}`;
      for (const socket of open()) {
        if (joins.get(socket)?.delete(topic)) send(socket, topic, 'phx_error', {}, null);
      }
    },
    failNextUpgrades(count, refusal = { status: 503, body: 'Service Unavailable' }) {
      for (let i = 0; i < count; i++) injected.push(refusal);
    },
    dropAll: server.dropAll,
    nextConnection: server.nextConnection,
    close: server.close,
  };
}
