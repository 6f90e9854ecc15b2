import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { startGatedWsServer, type UpgradeRefusal } from './gated-server.js';

/** Options of {@link startPulsoidFake}. */
export interface PulsoidFakeOptions {
  /** Access tokens the fake accepts (default `['pulsoid-test-token-8c4da3ce']`). */
  tokens?: string[];
}

/** One upgrade request the fake received, as the fake understood it. */
export interface PulsoidFakeRequest {
  /** How the token came: `header` (`Authorization: Bearer`), `query` (`access_token`) or not at all. */
  tokenIn: 'header' | 'query' | 'none';
  token: string | undefined;
  responseMode: string;
  /** Whether the upgrade was accepted. */
  accepted: boolean;
}

/**
 * A local Pulsoid real-time WebSocket (`/api/v1/data/real_time`): checks the token (query
 * `access_token` or `Authorization: Bearer`) and refuses upgrades with Pulsoid's documented HTTP
 * statuses and `{error_code, error_message}` bodies; pushes readings as JSON or, for clients that
 * asked for `response_mode=text_plain_only_heart_rate`, as the bare number.
 */
export interface PulsoidFake {
  /** `ws://127.0.0.1:<port>/api/v1/data/real_time` */
  readonly url: string;
  /** The first accepted token. */
  readonly token: string;
  /** Every upgrade request, in order. */
  readonly requests: readonly PulsoidFakeRequest[];
  /** Open client connections. */
  readonly connectionCount: number;
  /** Sends a reading to every client in its response mode (`measuredAt` defaults to now). */
  sendReading(bpm: number, measuredAt?: number): void;
  /** Sends a text frame as-is to every client (malformed frames, unknown shapes, error bodies). */
  sendRaw(text: string): void;
  /** From now on refuse `token` as expired (7006, HTTP 403). */
  expireToken(token: string): void;
  /** From now on answer `token` with 7007 premium_required (HTTP 402). */
  requirePremium(token: string): void;
  /** Refuse the next `count` upgrades with this answer (default: 500 + 7001, as when Pulsoid fails to validate a token). */
  failNextUpgrades(count: number, refusal?: UpgradeRefusal): void;
  /** Stops or resumes answering WebSocket pings (a half-dead connection). */
  setAutoPong(enabled: boolean): void;
  /** Drops every connection abruptly (no close frame). */
  dropAll(): void;
  /** Resolves with the next accepted connection. */
  nextConnection(timeoutMs?: number): Promise<WebSocket>;
  close(): Promise<void>;
}

const PATH = '/api/v1/data/real_time';

const pulsoidRefusal = (status: number, code: number | string, message: string): UpgradeRefusal => ({
  status,
  body: { error_code: code, error_message: message },
});

/** Starts a {@link PulsoidFake} on 127.0.0.1 (port 0); closed by `closeAllFakes()`. */
export async function startPulsoidFake(options: PulsoidFakeOptions = {}): Promise<PulsoidFake> {
  const tokens = new Set(options.tokens ?? ['pulsoid-test-token-8c4da3ce']);
  const expired = new Set<string>();
  const premium = new Set<string>();
  const requests: PulsoidFakeRequest[] = [];
  const modes = new WeakMap<WebSocket, string>();
  const injected: UpgradeRefusal[] = [];

  const gate = (request: IncomingMessage, url: URL): UpgradeRefusal | undefined => {
    const authorization = request.headers.authorization;
    const queryToken = url.searchParams.get('access_token');
    const entry: PulsoidFakeRequest = {
      tokenIn: queryToken !== null ? 'query' : authorization !== undefined ? 'header' : 'none',
      token: undefined,
      responseMode: url.searchParams.get('response_mode') ?? 'json',
      accepted: false,
    };
    requests.push(entry);
    const refusal = injected.shift();
    if (refusal) return refusal;
    let token: string;
    if (queryToken !== null) {
      token = queryToken;
    } else if (authorization === undefined) {
      return pulsoidRefusal(403, 7009, 'error_authorization_header_is_not_present');
    } else {
      const match = /^Bearer (\S+)$/.exec(authorization);
      // Pulsoid's own example sends this code as a string.
      if (!match) return pulsoidRefusal(403, '7010', 'error_authorization_header_has_wrong_format');
      token = match[1]!;
    }
    entry.token = token;
    if (expired.has(token)) return pulsoidRefusal(403, 7006, 'token_expired');
    if (!tokens.has(token)) return pulsoidRefusal(403, 7005, 'token_not_found');
    if (premium.has(token)) return pulsoidRefusal(402, 7007, 'premium_required');
    entry.accepted = true;
    return undefined;
  };

  const server = await startGatedWsServer({
    path: PATH,
    gate,
    onConnection(socket, _request, url) {
      modes.set(socket, url.searchParams.get('response_mode') ?? 'json');
    },
  });

  const each = (send: (socket: WebSocket) => void) => {
    for (const client of server.clients) if (client.readyState === client.OPEN) send(client);
  };

  return {
    url: server.url,
    token: [...tokens][0]!,
    requests,
    get connectionCount() {
      return [...server.clients].filter((client) => client.readyState === client.OPEN).length;
    },
    sendReading(bpm, measuredAt = Date.now()) {
      const json = JSON.stringify({ measured_at: measuredAt, data: { heart_rate: bpm } });
      each((socket) => socket.send(modes.get(socket) === 'text_plain_only_heart_rate' ? String(bpm) : json));
    },
    sendRaw(text) {
      each((socket) => socket.send(text));
    },
    expireToken(token) {
      expired.add(token);
    },
    requirePremium(token) {
      premium.add(token);
    },
    failNextUpgrades(count, refusal = pulsoidRefusal(500, 7001, 'error_while_validating_token')) {
      for (let i = 0; i < count; i++) injected.push(refusal);
    },
    setAutoPong: server.setAutoPong,
    dropAll: server.dropAll,
    nextConnection: server.nextConnection,
    close: server.close,
  };
}
