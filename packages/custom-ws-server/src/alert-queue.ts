import { ValidationError, VmscError, type Clock, type VmscErrorOptions } from '@vmsc/core';
import { DEFAULT_ALERT_DURATION_MS, overlayAlertInputSchema, type OverlayAlert, type OverlayAlertInput } from '@vmsc/core/protocol';

/**
 * Overlay alerts, one at a time: an alert is sent to the overlays when the one before it has had
 * its `durationMs` (plus a gap), so alerts of different rules never overlap on screen.
 *
 * @packageDocumentation
 */

/** The alert queue was full: the alert was not queued (nothing is dropped silently). Code `ALERT_QUEUE_FULL`. */
export class AlertQueueFullError extends VmscError {
  /** The queue's capacity. */
  readonly capacity: number;

  constructor(capacity: number, options?: VmscErrorOptions) {
    super('ALERT_QUEUE_FULL', `the overlay alert queue is full (${capacity} alerts wait): this alert was not queued`, options);
    this.capacity = capacity;
  }
}

/** Where an alert went: its id, and how many alerts were ahead of it when it was queued. */
export interface QueuedAlert {
  id: string;
  /** 0: shown now; n: n alerts are shown before it. */
  position: number;
  /** When it will be shown, ms from now (0: now). */
  showsInMs: number;
}

/** Options of {@link AlertQueue}. */
export interface AlertQueueOptions {
  clock: Clock;
  /** Sends an alert to the overlays; returns how many received it. */
  deliver: (alert: OverlayAlert) => number;
  /** Alerts that may wait (besides the one on screen). Default 50. */
  capacity?: number;
  /** Pause between two alerts, ms. Default 500. */
  gapMs?: number;
}

let counter = 0;

/** The queue behind `CustomWsServer.showAlert`. */
export class AlertQueue {
  readonly #options: AlertQueueOptions;
  readonly #waiting: OverlayAlert[] = [];
  #busyUntil = 0;
  #timer: unknown;

  constructor(options: AlertQueueOptions) {
    this.#options = options;
  }

  /** Alerts waiting their turn (not counting the one on screen). */
  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Validates and queues an alert.
   *
   * @throws {@link ValidationError} when the alert is not valid (each problem by path).
   * @throws {@link AlertQueueFullError} when `capacity` alerts already wait.
   */
  enqueue(input: OverlayAlertInput): QueuedAlert {
    const parsed = overlayAlertInputSchema.safeParse(input);
    if (!parsed.success)
      throw new ValidationError(
        'invalid overlay alert',
        parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      );
    const capacity = this.#options.capacity ?? 50;
    if (this.#waiting.length >= capacity) throw new AlertQueueFullError(capacity);
    const alert: OverlayAlert = {
      id: `alert-${Date.now().toString(36)}-${(++counter).toString(36)}`,
      ...parsed.data,
      durationMs: parsed.data.durationMs ?? DEFAULT_ALERT_DURATION_MS,
    };
    const now = this.#options.clock.now();
    const position = this.#waiting.length + (this.#busyUntil > now ? 1 : 0);
    const gap = this.#options.gapMs ?? 500;
    const showsInMs = Math.max(0, this.#busyUntil - now) + this.#waiting.reduce((total, waiting) => total + waiting.durationMs + gap, 0);
    this.#waiting.push(alert);
    this.#pump();
    return { id: alert.id, position, showsInMs };
  }

  /** Drops the waiting alerts (the one on screen stays); returns how many were dropped. */
  clear(): number {
    return this.#waiting.splice(0).length;
  }

  /** Stops the timer (the server closes). */
  close(): void {
    if (this.#timer !== undefined) this.#options.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#waiting.length = 0;
  }

  #pump(): void {
    if (this.#timer !== undefined) return;
    const now = this.#options.clock.now();
    if (this.#busyUntil > now) {
      this.#timer = this.#options.clock.setTimeout(() => {
        this.#timer = undefined;
        this.#pump();
      }, this.#busyUntil - now);
      return;
    }
    const next = this.#waiting.shift();
    if (!next) return;
    this.#options.deliver(next);
    this.#busyUntil = now + next.durationMs + (this.#options.gapMs ?? 500);
    if (this.#waiting.length > 0) this.#pump();
  }
}
