import { createEvent } from '../events/create.js';
import type { StreamEvent } from '../events/stream-event.js';
import { systemUser } from '../events/user.js';
import type { Clock } from '../util/clock.js';
import type { CompiledRule } from './compiled-rule.js';
import type { TimerSettings } from './timer-schema.js';

/** Why a timer's last due time did not run its rule. */
export type TimerSkip = 'disabled' | 'not-live' | 'too-few-chat-messages';

/** A timer's state, as `explain()` shows it. */
export interface TimerState {
  everySeconds: number;
  jitterSeconds: number;
  /** When it is next due (epoch ms). */
  nextAt: number;
  /** Chat messages counted since the rule last ran (or since the timer started). */
  chatMessages: number;
  minChatMessages: number;
  whileLive?: string;
  /** Whether `whileLive` is live now (absent without `whileLive`). */
  live?: boolean;
  /** Why the last due time did not run the rule (absent when it ran, or has not come yet). */
  lastSkip?: TimerSkip;
}

interface Timer {
  compiled: CompiledRule;
  settings: TimerSettings;
  sources: ReadonlySet<string> | undefined;
  handle: unknown;
  nextAt: number;
  /** The chat count of its sources when it last ran (or started): its messages since are the difference. */
  chatMark: number;
  lastSkip?: TimerSkip;
}

/** What the scheduler needs from its engine. */
export interface TimerParts {
  clock: Clock;
  random: () => number;
  isLive(name: string): boolean;
  /** Runs the rule (through the engine's runner: cooldowns, queues, reports). */
  fire(compiled: CompiledRule, chatMessages: number): void;
}

/**
 * The engine's timer triggers: each timer rule is due every `everySeconds` (plus a random
 * `jitterSeconds` at most); when due it runs unless its rule is disabled, its `whileLive` stream is not
 * live, or fewer than `minChatMessages` chat messages came since it last ran. Either way the next due
 * time is set. The chat count resets when a run actually starts (a run blocked by a cooldown leaves
 * it), so the anti-spam rule holds across cooldowns and queues.
 */
export class TimerScheduler {
  readonly #parts: TimerParts;
  readonly #timers = new Map<CompiledRule, Timer>();
  /** Chat messages seen, by source, and in all: O(1) per message, however many timers there are. */
  readonly #chatBySource = new Map<string, number>();
  #chatTotal = 0;
  #closed = false;

  constructor(parts: TimerParts) {
    this.#parts = parts;
  }

  /** Starts the timer of a rule with a timer trigger (other rules are ignored). */
  add(compiled: CompiledRule): void {
    const settings = compiled.rule.trigger?.timer;
    if (!settings || this.#closed) return;
    const sources = compiled.rule.trigger?.sources;
    const timer: Timer = { compiled, settings, sources: sources && new Set(sources), handle: undefined, nextAt: 0, chatMark: 0 };
    timer.chatMark = this.#chatCount(timer);
    this.#timers.set(compiled, timer);
    this.#schedule(timer);
  }

  /** Stops a rule's timer. */
  remove(compiled: CompiledRule): void {
    const timer = this.#timers.get(compiled);
    if (!timer) return;
    this.#parts.clock.clearTimeout(timer.handle);
    this.#timers.delete(compiled);
  }

  /** Counts a chat message (for the timers whose sources it matches). */
  chat(event: StreamEvent): void {
    if (event.type !== 'chat') return;
    this.#chatTotal++;
    this.#chatBySource.set(event.source, (this.#chatBySource.get(event.source) ?? 0) + 1);
  }

  /** A run of the rule starts: its chat count starts again from zero. */
  started(compiled: CompiledRule): void {
    const timer = this.#timers.get(compiled);
    if (timer) timer.chatMark = this.#chatCount(timer);
  }

  /** The chat messages of the timer's sources seen so far. */
  #chatCount(timer: Timer): number {
    if (!timer.sources) return this.#chatTotal;
    let count = 0;
    for (const source of timer.sources) count += this.#chatBySource.get(source) ?? 0;
    return count;
  }

  #messagesSince(timer: Timer): number {
    return this.#chatCount(timer) - timer.chatMark;
  }

  /** The timer's state, for a rule with a timer trigger. */
  state(compiled: CompiledRule): TimerState | undefined {
    const timer = this.#timers.get(compiled);
    if (!timer) return undefined;
    const { everySeconds, jitterSeconds = 0, minChatMessages = 0, whileLive } = timer.settings;
    const state: TimerState = {
      everySeconds,
      jitterSeconds,
      nextAt: timer.nextAt,
      chatMessages: this.#messagesSince(timer),
      minChatMessages,
    };
    if (whileLive !== undefined) {
      state.whileLive = whileLive;
      state.live = this.#parts.isLive(whileLive);
    }
    if (timer.lastSkip) state.lastSkip = timer.lastSkip;
    return state;
  }

  /** Why the timer would not run its rule now (`undefined`: it would). */
  blocker(compiled: CompiledRule): TimerSkip | undefined {
    const timer = this.#timers.get(compiled);
    return timer && this.#skip(timer);
  }

  /** Stops every timer. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers.values()) this.#parts.clock.clearTimeout(timer.handle);
    this.#timers.clear();
  }

  #schedule(timer: Timer): void {
    const { everySeconds, jitterSeconds = 0 } = timer.settings;
    const delay = everySeconds * 1_000 + Math.floor(this.#parts.random() * jitterSeconds * 1_000);
    timer.nextAt = this.#parts.clock.now() + delay;
    timer.handle = this.#parts.clock.setTimeout(() => this.#due(timer), delay);
  }

  #skip(timer: Timer): TimerSkip | undefined {
    const { whileLive, minChatMessages = 0 } = timer.settings;
    if (!timer.compiled.rule.enabled) return 'disabled';
    if (whileLive !== undefined && !this.#parts.isLive(whileLive)) return 'not-live';
    if (this.#messagesSince(timer) < minChatMessages) return 'too-few-chat-messages';
    return undefined;
  }

  #due(timer: Timer): void {
    if (this.#timers.get(timer.compiled) !== timer) return;
    this.#schedule(timer);
    const skip = this.#skip(timer);
    if (skip) {
      timer.lastSkip = skip;
      return;
    }
    delete timer.lastSkip;
    this.#parts.fire(timer.compiled, this.#messagesSince(timer));
  }
}

/**
 * The event a timer's run is for: a system event of the derived source (`rules`), type `unknown`
 * with `data: { kind: "timer", payload: { rule, chatMessages } }` (templates: `{{data.payload.chatMessages}}`).
 */
export function timerEvent(source: string, rule: string, chatMessages: number): StreamEvent {
  return createEvent({
    source,
    type: 'unknown',
    user: systemUser(),
    data: { kind: 'timer', payload: { rule, chatMessages } },
  } as Parameters<typeof createEvent>[0]) as StreamEvent;
}
