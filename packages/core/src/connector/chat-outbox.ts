import type { BusNotice } from '../bus/notices.js';
import {
  ChatDroppedError,
  ChatMessageTooLongError,
  ChatNotAllowedError,
  ChatRateLimitedError,
  ValidationError,
  VmscError,
} from '../errors.js';
import { systemClock, type Clock } from '../util/clock.js';
import type { ChatRateLimit, SendChatOptions, SendChatResult } from './chat.js';

/** Options of {@link ChatOutbox}. */
export interface ChatOutboxOptions<O extends SendChatOptions = SendChatOptions> {
  /** The connector the outbox belongs to (its id, for notices and messages). */
  connector: string;
  /** Sends one message to the platform: the connector's own send, called one message at a time. */
  send(text: string, options: Omit<O, 'idempotencyKey'>): Promise<SendChatResult>;
  /** The rate never to exceed, read before every send (it may change, e.g. once the sender is known to moderate). Absent: no pacing. */
  rate?: () => ChatRateLimit | undefined;
  /** Where `chat-waiting` and `chat-dropped` notices go (a connector passes its bus's `notify`). */
  notify?: (notice: BusNotice) => void;
  /** Time source, for tests. */
  clock?: Clock;
  /** The most messages that may wait; one more is dropped with a `ChatRateLimitedError` (`CHAT_QUEUE_FULL`). Default 50. */
  maxQueue?: number;
  /** A message that could not be sent within this long after `send()` is dropped (`CHAT_QUEUE_EXPIRED`): a late reply is worse than none. Default 120,000 ms. */
  maxWaitMs?: number;
  /** Attempts per message when the platform answers "rate limited" (it was not sent, so retrying is safe). Default 3. */
  maxAttempts?: number;
  /** How many idempotency keys are remembered (oldest forgotten first). Default 1,000. */
  rememberKeys?: number;
  /** Whether an error proves the message was not delivered (so a later retry with the same key may send it). Default {@link provesNotSent}. */
  notSent?: (error: VmscError) => boolean;
}

interface Item<O> {
  text: string;
  options: Omit<O, 'idempotencyKey'>;
  queuedAt: number;
  attempts: number;
  resolve(result: SendChatResult): void;
  reject(error: VmscError): void;
}

/**
 * Whether `error` proves the platform did not deliver the message: too long, rate limited, not
 * allowed, dropped, invalid, or `NOT_CONNECTED` (nothing was sent). Anything else (a timeout, a lost
 * connection, an unexpected answer) leaves the outcome unknown.
 */
export function provesNotSent(error: VmscError): boolean {
  return (
    error instanceof ChatRateLimitedError ||
    error instanceof ChatMessageTooLongError ||
    error instanceof ChatNotAllowedError ||
    error instanceof ChatDroppedError ||
    error instanceof ValidationError ||
    error.code === 'NOT_CONNECTED'
  );
}

/**
 * A connector's outbound chat queue. It sends one message at a time, in order, and never faster
 * than the platform's rate (a sliding window over the last `rate.messages` sends: a message waits
 * until the oldest of them is `rate.windowMs` old). What waits is reported (`chat-waiting` notice);
 * what is given up without sending is reported (`chat-dropped` notice) and rejected with a typed error.
 *
 * Retries and duplicates:
 * - A platform "rate limited" answer (a `ChatRateLimitedError`) means the message was not sent: it
 *   goes back to the head of the queue and is retried after the platform's `retryAfterMs` (or one
 *   window), up to `maxAttempts`.
 * - Nothing else is retried by the outbox. A message whose outcome is unknown (a timeout, a
 *   connection lost mid-request) is **not** re-sent: at most once beats twice for a chat reply.
 * - With an `idempotencyKey`, a caller's own retry gets the first outcome: the result of a sent
 *   message, the same pending promise, or the same error when the outcome is unknown. Only a send
 *   that provably did not deliver ({@link provesNotSent}) lets the key be sent again.
 */
export class ChatOutbox<O extends SendChatOptions = SendChatOptions> {
  readonly #options: ChatOutboxOptions<O>;
  readonly #clock: Clock;
  readonly #queue: Item<O>[] = [];
  readonly #sentAt: number[] = [];
  readonly #keys = new Map<string, Promise<SendChatResult>>();
  #busy = false;
  #timer: unknown;
  /** The wait of the message at the head is announced (a timer that fires a millisecond early, as Node's may, re-waits silently). */
  #announced: Item<O> | undefined;
  #holdUntil = 0;
  #dropped = 0;
  #sent = 0;

  constructor(options: ChatOutboxOptions<O>) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  /** Messages waiting to be sent (not counting one in flight). */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Messages given up without sending since the outbox was created (queue full, expired, cleared). */
  get dropped(): number {
    return this.#dropped;
  }

  /** Messages the platform accepted. */
  get sent(): number {
    return this.#sent;
  }

  /**
   * Queues `text` and resolves with the platform's result once sent; rejects with the send's typed
   * error, or a `ChatRateLimitedError` when the outbox drops it (`CHAT_QUEUE_FULL`, `CHAT_QUEUE_EXPIRED`).
   */
  send(text: string, options: O = {} as O): Promise<SendChatResult> {
    const { idempotencyKey, ...sendOptions } = options;
    if (idempotencyKey === undefined) return this.#enqueue(text, sendOptions);
    const known = this.#keys.get(idempotencyKey);
    if (known) return known;
    const promise = this.#enqueue(text, sendOptions);
    this.#remember(idempotencyKey, promise);
    promise.catch((error: VmscError) => {
      if ((this.#options.notSent ?? provesNotSent)(error) && this.#keys.get(idempotencyKey) === promise) this.#keys.delete(idempotencyKey);
    });
    return promise;
  }

  /** Drops every waiting message with `error` (a connector calls it on `disconnect()`); a send in flight completes. */
  clear(error: VmscError): void {
    this.#cancelTimer();
    for (const item of this.#queue.splice(0)) this.#drop(item, error);
  }

  #remember(key: string, promise: Promise<SendChatResult>): void {
    this.#keys.set(key, promise);
    const capacity = Math.max(1, this.#options.rememberKeys ?? 1_000);
    while (this.#keys.size > capacity) this.#keys.delete(this.#keys.keys().next().value as string);
  }

  #enqueue(text: string, options: Omit<O, 'idempotencyKey'>): Promise<SendChatResult> {
    return new Promise<SendChatResult>((resolve, reject) => {
      const item: Item<O> = { text, options, queuedAt: this.#clock.now(), attempts: 0, resolve, reject };
      const max = this.#options.maxQueue ?? 50;
      if (this.#queue.length >= max) {
        const error = new ChatRateLimitedError(
          `${this.#options.connector}: ${max} chat messages are already waiting; this one is dropped`,
          {
            code: 'CHAT_QUEUE_FULL',
            retryAfterMs: Math.max(0, this.#nextSlot() - this.#clock.now()),
          },
        );
        this.#drop(item, error);
        return;
      }
      this.#queue.push(item);
      this.#pump();
    });
  }

  /** When the next message may start: after any platform hold, and when the window has room. */
  #nextSlot(): number {
    const now = this.#clock.now();
    let at = Math.max(now, this.#holdUntil);
    const rate = this.#options.rate?.();
    if (rate && rate.messages > 0) {
      while (this.#sentAt.length > 0 && this.#sentAt[0]! <= now - rate.windowMs) this.#sentAt.shift();
      if (this.#sentAt.length >= rate.messages) at = Math.max(at, this.#sentAt[this.#sentAt.length - rate.messages]! + rate.windowMs);
    }
    return at;
  }

  #pump(): void {
    if (this.#busy || this.#timer !== undefined) return;
    this.#expire();
    const item = this.#queue[0];
    if (!item) return;
    const now = this.#clock.now();
    const at = this.#nextSlot();
    if (at > now) {
      if (this.#announced === item) return this.#wait(at - now);
      this.#announced = item;
      this.#options.notify?.({
        kind: 'chat-waiting',
        connector: this.#options.connector,
        waiting: this.#queue.length,
        delayMs: at - now,
        reason: at === this.#holdUntil ? 'retry-after' : 'rate-limit',
      });
      this.#wait(at - now);
      return;
    }
    this.#announced = undefined;
    this.#queue.shift();
    void this.#attempt(item, now);
  }

  #wait(delayMs: number): void {
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#pump();
    }, delayMs);
  }

  async #attempt(item: Item<O>, now: number): Promise<void> {
    this.#busy = true;
    item.attempts++;
    this.#sentAt.push(now);
    const rate = this.#options.rate?.();
    if (rate) while (this.#sentAt.length > Math.max(1, rate.messages)) this.#sentAt.shift();
    try {
      const result = await this.#options.send(item.text, item.options);
      this.#sent++;
      item.resolve(result);
    } catch (caught) {
      const error = toVmsc(caught);
      if (error instanceof ChatRateLimitedError && item.attempts < (this.#options.maxAttempts ?? 3)) {
        const waitMs = error.retryAfterMs ?? rate?.windowMs ?? 1_000;
        this.#holdUntil = Math.max(this.#holdUntil, this.#clock.now() + waitMs);
        this.#queue.unshift(item);
      } else {
        item.reject(error);
      }
    } finally {
      this.#busy = false;
      this.#pump();
    }
  }

  /** Drops the waiting messages that are older than `maxWaitMs`. */
  #expire(): void {
    const maxWaitMs = this.#options.maxWaitMs ?? 120_000;
    const now = this.#clock.now();
    for (let i = 0; i < this.#queue.length;) {
      const item = this.#queue[i]!;
      if (now - item.queuedAt <= maxWaitMs) {
        i++;
        continue;
      }
      this.#queue.splice(i, 1);
      this.#drop(
        item,
        new ChatRateLimitedError(
          `${this.#options.connector}: a chat message waited ${now - item.queuedAt} ms (more than ${maxWaitMs}) and is dropped`,
          {
            code: 'CHAT_QUEUE_EXPIRED',
          },
        ),
      );
    }
  }

  #drop(item: Item<O>, error: VmscError): void {
    this.#dropped++;
    this.#options.notify?.({ kind: 'chat-dropped', connector: this.#options.connector, error, waiting: this.#queue.length });
    item.reject(error);
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

function toVmsc(error: unknown): VmscError {
  if (error instanceof VmscError) return error;
  return new VmscError('INTERNAL', error instanceof Error ? error.message : 'chat send failed', { cause: error });
}
