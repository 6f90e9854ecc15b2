import WebSocket from 'ws';
import { DEFAULT_CUSTOM_WS_PORT, serverMessageSchema, type InjectEventMessage } from '@vmsc/core/protocol';
import { readTokenFile, TOKEN_FILE } from '../hub/token-file.js';
import type { CommandIo, ExitCode } from './io.js';

/** Options of `vmsc simulate`. */
export interface SimulateOptions {
  /** Source of the event (default `custom`, as in spec 000's example). */
  source?: string;
  /** `key=value` pairs for `data`; dotted keys nest (`fromBroadcaster.id=1`). */
  data?: string[];
  /** Username of the simulated viewer (default `simulated_viewer`). */
  user?: string;
  /** The hub's custom WS server URL (default `ws://127.0.0.1:7895`). */
  url?: string;
  /** Environment variable holding the server's token (default `VMSC_TOKEN`). */
  tokenEnv?: string;
  /** Give up after this many ms (default 5,000). */
  timeoutMs?: number;
}

/** Parses a command-line value: numbers, booleans, null and JSON objects/arrays become typed; the rest stays text. */
export function parseValue(text: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  if (/^[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** Turns `['giftName=Rose', 'repeatEnd=true', 'from.id=1']` into `{ giftName: 'Rose', repeatEnd: true, from: { id: 1 } }`. */
export function parseDataPairs(pairs: readonly string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--data expects key=value, got "${pair}"`);
    const keys = pair.slice(0, eq).split('.');
    let target = data;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      target = (typeof next === 'object' && next !== null ? next : (target[key] = {})) as Record<string, unknown>;
    }
    target[keys.at(-1)!] = parseValue(pair.slice(eq + 1));
  }
  return data;
}

/**
 * `vmsc simulate <type> [--source s] [--data k=v ...] [--user name]`: injects a test event into a
 * running hub through its custom WS server (like the test buttons of StreamElements and
 * Streamer.bot). The event is marked `meta.simulated`. Prints the server's ack or error.
 */
export async function simulateCommand(type: string | undefined, options: SimulateOptions, io: CommandIo): Promise<ExitCode> {
  if (!type) {
    io.stderr.write('usage: vmsc simulate <type> [--source s] [--data key=value ...] [--user name] [--url ws://127.0.0.1:7895]\n');
    return 2;
  }
  let data: Record<string, unknown>;
  try {
    data = parseDataPairs(options.data ?? []);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const tokenEnv = options.tokenEnv ?? 'VMSC_TOKEN';
  const token = io.env[tokenEnv] ?? (await readTokenFile(io.cwd));
  if (!token) {
    io.stderr.write(`set ${tokenEnv} to the hub's custom WS server token, or run from the directory of its ${TOKEN_FILE}\n`);
    return 2;
  }
  const username = options.user ?? 'simulated_viewer';
  const message: InjectEventMessage = {
    action: 'injectEvent',
    requestId: 'vmsc-simulate',
    event: {
      type,
      source: options.source ?? 'custom',
      user: { id: `simulated:${username}`, username, nickname: username },
      data,
      meta: { simulated: true },
    },
  };
  const url = options.url ?? `ws://127.0.0.1:${DEFAULT_CUSTOM_WS_PORT}`;
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
  return new Promise<ExitCode>((resolve) => {
    const finish = (code: ExitCode, text: string, stream: 'stdout' | 'stderr') => {
      clearTimeout(timer);
      io[stream].write(text);
      socket.close();
      resolve(code);
    };
    const timer = setTimeout(
      () => finish(1, `no answer from ${url} within ${options.timeoutMs ?? 5_000} ms\n`, 'stderr'),
      options.timeoutMs ?? 5_000,
    );
    socket.on('open', () => socket.send(JSON.stringify(message)));
    socket.on('error', (error) => finish(1, `cannot reach the hub at ${url}: ${error.message}\n`, 'stderr'));
    socket.on('close', (code) => {
      if (code === 4401) finish(1, `the hub at ${url} refused the token in ${tokenEnv} (close code 4401)\n`, 'stderr');
    });
    socket.on('message', (raw) => {
      const parsed = serverMessageSchema.safeParse(JSON.parse(String(raw)));
      if (!parsed.success) return;
      const reply = parsed.data;
      if (reply.action === 'injectEvent' && 'eventId' in reply) {
        finish(0, `injected ${message.event.source} ${type} event ${reply.eventId}\n`, 'stdout');
      } else if (reply.action === 'error') {
        finish(1, `the hub rejected the event: ${reply.code}: ${reply.message}\n`, 'stderr');
      }
    });
  });
}
