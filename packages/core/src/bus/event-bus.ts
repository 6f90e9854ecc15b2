import { EventEmitter } from 'eventemitter3';
import type { EventOfType, Platform, PlatformEvent, StreamEvent, StreamEventType } from '../events/stream-event.js';
import { systemClock, type Clock } from '../util/clock.js';
import { CrossSourceDedupe, type CrossSourceDedupeOptions } from './cross-source-dedupe.js';
import { reportRejection } from '../util/returned-promise.js';
import type { BusNotice, NoticeOfKind } from './notices.js';

/**
 * A subscriber. It may return anything, so expression bodies such as `(e) => seen.push(e)` are
 * fine: a returned value is ignored, and a returned promise's rejection is reported like a throw.
 */
export type EventHandler<E> = (event: E) => unknown;

/**
 * A notice subscriber. It may return anything; a throw or a rejection is swallowed (a notice
 * handler has nowhere left to be reported), never breaking the publisher.
 */
export type NoticeHandler<N extends BusNotice = BusNotice> = (notice: N) => unknown;

/** Removes the subscription it was returned for. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** Options of {@link EventBus}. */
export interface EventBusOptions {
  /**
   * How many recent event ids are remembered to deliver each id once. Default 10,000. Publishing an
   * id that is still remembered drops the event and reports a `deduped` notice (`same-id`). The bus
   * remembers ids, not events: only the last 64 events are held (to name the
   * earlier copy in the notice), so delivered events can be collected young.
   */
  idMemory?: number;
  /**
   * Opt-in suppression of the same event arriving from two sources (a Twitch follow received
   * directly and relayed by StreamElements): `true` for the defaults, or options.
   */
  crossSourceDedupe?: boolean | CrossSourceDedupeOptions;
  /** Time source, for tests. */
  clock?: Clock;
}

/**
 * How many of the most recent events the bus holds, so that a `same-id` notice names the earlier
 * copy. Beyond them the bus keeps only the id (holding 10,000 whole events kept every frame's data
 * alive through the young generation's collections, which cost more than the rest of a publish).
 */
const HELD_EVENTS = 64;

const ANY = Symbol('any');
const ignore = (): void => {};
const NOTICE = Symbol('notice');

type Channels = {
  [type: string]: [StreamEvent];
} & {
  [ANY]: [StreamEvent];
  [NOTICE]: [BusNotice];
};

/**
 * The typed event bus: connectors publish {@link StreamEvent}s, rules and applications subscribe.
 *
 * - Subscribe by type (`on`), by source (`onSource`), by predicate (`onMatch`), to everything
 *   (`onAny`), or once (`once`); each returns an unsubscribe function.
 * - A subscriber that throws or rejects is reported as a `handler-error` notice; the others still
 *   get the event.
 * - The same event id is delivered once; with `crossSourceDedupe`, the same event from two sources
 *   is delivered once. Every drop is reported as a `deduped` notice naming both events and why.
 *
 * @example
 * ```ts
 * const bus = new EventBus();
 * const off = bus.on('gift', (e) => console.log(e.data.giftName, e.data.diamondCount));
 * bus.publish(createEvent({ source: 'tiktok', type: 'gift', data: { ... } }));
 * off();
 * ```
 */
export class EventBus {
  readonly #emitter = new EventEmitter<Channels>();
  /** Remembered ids → the publish sequence number that delivered them. */
  readonly #recent = new Map<string, number>();
  /** The last {@link HELD_EVENTS} delivered events, at `sequence % HELD_EVENTS`. */
  readonly #heldEvents = new Array<StreamEvent | undefined>(HELD_EVENTS);
  #sequence = 0;
  /** Ring of the remembered ids, oldest at `#ringPosition`, so forgetting costs no iteration. */
  readonly #ring: Array<string | undefined>;
  #ringPosition = 0;
  readonly #idMemory: number;
  readonly #crossSource: CrossSourceDedupe | undefined;
  readonly #clock: Clock;
  readonly #held = new Set<unknown>();

  constructor(options: EventBusOptions = {}) {
    this.#idMemory = Math.max(1, options.idMemory ?? 10_000);
    this.#ring = new Array<string | undefined>(this.#idMemory);
    this.#clock = options.clock ?? systemClock;
    const cross = options.crossSourceDedupe;
    this.#crossSource = cross ? new CrossSourceDedupe(cross === true ? {} : cross, this.#clock) : undefined;
  }

  /**
   * Publishes an event to its subscribers. Returns `true` if it was delivered (or held for
   * cross-source dedupe), `false` if it was dropped as a duplicate (a `deduped` notice says why).
   * The event is not validated here: use {@link parseEvent} on untrusted input first.
   */
  publish(event: StreamEvent): boolean {
    const earlier = this.#recent.get(event.id);
    if (earlier !== undefined) {
      const held = this.#heldEvents[earlier % HELD_EVENTS];
      const kept = this.#sequence - earlier < HELD_EVENTS && held?.id === event.id ? held : undefined;
      this.notify({
        kind: 'deduped',
        reason: 'same-id',
        kept: kept ?? event,
        dropped: event,
        detail: kept
          ? `event id ${event.id} was already delivered`
          : `event id ${event.id} was already delivered (that copy is no longer held: \`kept\` is this one, with the same id)`,
      });
      return false;
    }
    const forgotten = this.#ring[this.#ringPosition];
    if (forgotten !== undefined) this.#recent.delete(forgotten);
    this.#ring[this.#ringPosition] = event.id;
    this.#ringPosition = (this.#ringPosition + 1) % this.#idMemory;
    const sequence = ++this.#sequence;
    this.#recent.set(event.id, sequence);
    this.#heldEvents[sequence % HELD_EVENTS] = event;
    const dedupe = this.#crossSource;
    if (dedupe) {
      const decision = dedupe.check(event);
      switch (decision.action) {
        case 'drop':
          this.notify({ kind: 'deduped', reason: 'cross-source', kept: decision.kept, dropped: event, detail: decision.detail });
          return false;
        case 'replace':
          this.notify({ kind: 'deduped', reason: 'cross-source', kept: event, dropped: decision.dropped, detail: decision.detail });
          break;
        case 'hold': {
          const handle = this.#clock.setTimeout(() => {
            this.#held.delete(handle);
            if (dedupe.release(event)) this.#deliver(event);
          }, decision.delayMs);
          this.#held.add(handle);
          return true;
        }
        case 'deliver':
          break;
      }
    }
    this.#deliver(event);
    return true;
  }

  #deliver(event: StreamEvent): void {
    this.#emitter.emit(event.type, event);
    this.#emitter.emit(ANY, event);
  }

  #wrap<E extends StreamEvent>(handler: EventHandler<E>): (event: StreamEvent) => void {
    return (event) => {
      try {
        const result = handler(event as E);
        // Only a returned object can be a promise: the rejection reporter is made for those alone, not per delivery.
        if (typeof result === 'object' || typeof result === 'function') {
          reportRejection(result, (error) => this.notify({ kind: 'handler-error', error, event }));
        }
      } catch (error) {
        this.notify({ kind: 'handler-error', error, event });
      }
    };
  }

  #subscribe(channel: string | typeof ANY, listener: (event: StreamEvent) => void): Unsubscribe {
    this.#emitter.on(channel as string, listener);
    return () => {
      this.#emitter.off(channel as string, listener);
    };
  }

  /** Subscribes to one event type; `data` is typed for it. */
  on<T extends StreamEventType>(type: T, handler: EventHandler<EventOfType<T>>): Unsubscribe {
    return this.#subscribe(type, this.#wrap(handler));
  }

  /** Subscribes to the next event of one type only. */
  once<T extends StreamEventType>(type: T, handler: EventHandler<EventOfType<T>>): Unsubscribe {
    const wrapped = this.#wrap(handler);
    const off = this.#subscribe(type, (event) => {
      off();
      wrapped(event);
    });
    return off;
  }

  /** Subscribes to every event. */
  onAny(handler: EventHandler<StreamEvent>): Unsubscribe {
    return this.#subscribe(ANY, this.#wrap(handler));
  }

  /** Subscribes to every event of one source (a platform, typed, or a custom source name). */
  onSource<S extends string>(
    source: S,
    handler: EventHandler<S extends Platform ? Extract<StreamEvent, PlatformEvent<S>> : StreamEvent>,
  ): Unsubscribe {
    const wrapped = this.#wrap(handler as EventHandler<StreamEvent>);
    return this.#subscribe(ANY, (event) => {
      if (event.source === source) wrapped(event);
    });
  }

  /** Subscribes to the events a predicate accepts; a type guard narrows the handler's event. */
  onMatch<E extends StreamEvent>(predicate: (event: StreamEvent) => event is E, handler: EventHandler<E>): Unsubscribe;
  onMatch(predicate: (event: StreamEvent) => boolean, handler: EventHandler<StreamEvent>): Unsubscribe;
  onMatch(predicate: (event: StreamEvent) => boolean, handler: EventHandler<StreamEvent>): Unsubscribe {
    const wrapped = this.#wrap(handler);
    return this.#subscribe(ANY, (event) => {
      let matches: boolean;
      try {
        matches = predicate(event);
      } catch (error) {
        this.notify({ kind: 'handler-error', error, event });
        return;
      }
      if (matches) wrapped(event);
    });
  }

  /** Subscribes to notices: all of them, or one kind (`'deduped'`, `'handler-error'`, `'status'`, `'gap'`, `'error'`). */
  onNotice(handler: NoticeHandler): Unsubscribe;
  onNotice<K extends BusNotice['kind']>(kind: K, handler: NoticeHandler<NoticeOfKind<K>>): Unsubscribe;
  onNotice(kindOrHandler: string | NoticeHandler, maybeHandler?: (notice: never) => unknown): Unsubscribe {
    const handler = (typeof kindOrHandler === 'function' ? kindOrHandler : maybeHandler) as NoticeHandler;
    const kind = typeof kindOrHandler === 'string' ? kindOrHandler : undefined;
    const listener = (notice: BusNotice) => {
      if (kind !== undefined && notice.kind !== kind) return;
      try {
        reportRejection(handler(notice), ignore);
      } catch {
        // A notice handler that throws must not break the publisher; there is nowhere left to report it.
      }
    };
    this.#emitter.on(NOTICE, listener);
    return () => {
      this.#emitter.off(NOTICE, listener);
    };
  }

  /** Reports a notice to `onNotice` subscribers (used by connectors, the rule engine and servers). */
  notify(notice: BusNotice): void {
    if (notice.kind === 'handler-error' && this.#emitter.listenerCount(NOTICE) === 0) {
      // Never silent: with nobody listening, a failing subscriber still shows up.
      console.error('[vmsc] an event handler failed for', notice.event.type, 'event', notice.event.id, notice.error);
      return;
    }
    this.#emitter.emit(NOTICE, notice);
  }

  /** Number of event subscribers (all channels). */
  get subscriberCount(): number {
    let count = this.#emitter.listenerCount(ANY);
    for (const name of this.#emitter.eventNames()) if (typeof name === 'string') count += this.#emitter.listenerCount(name);
    return count;
  }

  /** Drops every subscription and pending held event. */
  clear(): void {
    for (const handle of this.#held) this.#clock.clearTimeout(handle);
    this.#held.clear();
    this.#emitter.removeAllListeners();
  }
}
