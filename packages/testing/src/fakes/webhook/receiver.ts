import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { startHttpServer } from '../../loopback.js';

/** A request the webhook receiver got. */
export interface WebhookRequest {
  method: string;
  /** Path and query, as sent (`/follow?wait=true`). */
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw body. */
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

/**
 * What the receiver answers: a status with an optional JSON body and headers, `'hang'` (never
 * answers: for timeouts) or `'drop'` (destroys the connection: a network failure).
 */
export type WebhookAnswer = { status: number; json?: unknown; text?: string; headers?: Record<string, string> } | 'hang' | 'drop';

/** Options of {@link startWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /** The answer to every request without a scripted one. Default `{ status: 204 }`. */
  answer?: WebhookAnswer | ((request: WebhookRequest, index: number) => WebhookAnswer);
}

/** A local HTTP endpoint that records webhook calls and answers as scripted. */
export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** `127.0.0.1:<port>`, for an allow-list. */
  readonly host: string;
  /** Every request received, in order. */
  readonly requests: readonly WebhookRequest[];
  /** Answers the next `count` requests (default 1) with `answer`, then the default again. */
  answerNext(answer: WebhookAnswer, count?: number): void;
  close(): Promise<void>;
}

function send(response: ServerResponse, answer: WebhookAnswer): void {
  if (answer === 'hang') return;
  if (answer === 'drop') {
    response.socket?.destroy();
    return;
  }
  if (answer.json !== undefined) {
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(JSON.stringify(answer.json));
  } else {
    response.writeHead(answer.status, { ...(answer.text !== undefined ? { 'content-type': 'text/plain' } : {}), ...answer.headers });
    response.end(answer.text ?? '');
  }
}

/**
 * Starts a webhook receiver on 127.0.0.1 (port 0): the far end of an `http` action in tests and
 * examples. It records each request (method, URL, headers, body, JSON) and answers with the
 * scripted answer. Closed by `closeAllFakes()` if the test does not close it.
 *
 * @example
 * ```ts
 * const hook = await startWebhookReceiver();
 * hook.answerNext({ status: 503 }); // the first call fails, a retry succeeds
 * // ... a rule with { "type": "http", "url": `${hook.url}/follow` } runs ...
 * expect(hook.requests.map((r) => r.json)).toEqual([{ user: 'alice' }, { user: 'alice' }]);
 * ```
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  const requests: WebhookRequest[] = [];
  const scripted: WebhookAnswer[] = [];
  const fallback = options.answer ?? { status: 204 };
  const server = await startHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const entry: WebhookRequest = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body, json };
      requests.push(entry);
      const answer = scripted.shift() ?? (typeof fallback === 'function' ? fallback(entry, requests.length - 1) : fallback);
      send(response, answer);
    });
  });
  return {
    url: server.url,
    port: server.port,
    host: `127.0.0.1:${server.port}`,
    requests,
    answerNext(answer, count = 1) {
      for (let i = 0; i < count; i++) scripted.push(answer);
    },
    close: () => server.close(),
  };
}
