import type { IncomingMessage } from 'node:http';
import { KickWebhookRequestError } from './errors.js';

/** Reads a request body up to `limit` bytes; rejects with a 413 {@link KickWebhookRequestError} past it. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new KickWebhookRequestError(`body of ${declared} bytes is over the ${limit}-byte limit`, 413));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new KickWebhookRequestError(`body is over the ${limit}-byte limit`, 413));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(new KickWebhookRequestError(`request failed: ${error.message}`, 400, { cause: error }));
      failed = true;
    });
  });
}

/** One header's value (the first, if repeated), or undefined. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

/** A bounded memory of webhook message ids, forgotten after `ttlMs` or past `capacity` (oldest first). */
export class MessageIdWindow {
  readonly #seen = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #capacity: number;

  constructor(ttlMs: number, capacity: number) {
    this.#ttlMs = ttlMs;
    this.#capacity = Math.max(1, capacity);
  }

  /** Whether `id` was remembered within the window. */
  has(id: string, now: number): boolean {
    this.#evict(now);
    return this.#seen.has(id);
  }

  /** Remembers `id`. */
  add(id: string, now: number): void {
    this.#seen.delete(id);
    this.#seen.set(id, now);
    while (this.#seen.size > this.#capacity) this.#seen.delete(this.#seen.keys().next().value as string);
  }

  #evict(now: number): void {
    for (const [id, at] of this.#seen) {
      if (now - at <= this.#ttlMs) break;
      this.#seen.delete(id);
    }
  }
}
