import type { StreamEvent } from '../events/stream-event.js';
import type { Clock } from '../util/clock.js';
import type { RuleCooldown } from './rule-schema.js';

/** The kinds of cooldown a rule can have. */
export type CooldownKind = 'global' | 'perUser' | 'group';

/** A cooldown that blocks (or would block) a run. */
export interface CooldownBlock {
  kind: CooldownKind;
  /** The state key: `rule:<id>`, `user:<ruleId>:<platform>:<userId>` or `group:<name>`. */
  key: string;
  /** Milliseconds until it lets the rule run again. */
  remainingMs: number;
}

interface CooldownSlot {
  kind: CooldownKind;
  key: string;
  ms: number;
}

/**
 * The per-user key: the platform (`meta.platform` for aggregator relays, else `source`) and the
 * stable `user.id`. Never the display name or login, which users can change.
 */
export function userKey(event: StreamEvent): string {
  return `${event.meta?.platform ?? event.source}:${event.user.id}`;
}

/**
 * Cooldown state: key → expiry time (epoch ms). Expired entries are swept as the map grows, so per-user
 * cooldowns of a busy chat do not accumulate. Saved and restored as plain JSON.
 */
export class CooldownStore {
  readonly #expiry = new Map<string, number>();
  readonly #clock: Clock;
  #sweepAt = 1024;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  #slots(ruleId: string, cooldown: RuleCooldown | undefined, event: StreamEvent | undefined): CooldownSlot[] {
    if (!cooldown) return [];
    if (cooldown.simulated === 'ignore' && event?.meta?.simulated) return [];
    const slots: CooldownSlot[] = [];
    if (cooldown.globalMs) slots.push({ kind: 'global', key: `rule:${ruleId}`, ms: cooldown.globalMs });
    if (cooldown.perUserMs && event) slots.push({ kind: 'perUser', key: `user:${ruleId}:${userKey(event)}`, ms: cooldown.perUserMs });
    if (cooldown.group && cooldown.group.ms > 0) slots.push({ kind: 'group', key: `group:${cooldown.group.name}`, ms: cooldown.group.ms });
    return slots;
  }

  /** Every cooldown that currently blocks the rule for this event (empty: it may run). */
  blocks(ruleId: string, cooldown: RuleCooldown | undefined, event: StreamEvent | undefined): CooldownBlock[] {
    const now = this.#clock.now();
    const blocks: CooldownBlock[] = [];
    for (const slot of this.#slots(ruleId, cooldown, event)) {
      const until = this.#expiry.get(slot.key);
      if (until !== undefined && until > now) blocks.push({ kind: slot.kind, key: slot.key, remainingMs: until - now });
    }
    return blocks;
  }

  /** Starts the rule's cooldowns for this event (now). */
  start(ruleId: string, cooldown: RuleCooldown | undefined, event: StreamEvent | undefined): void {
    const now = this.#clock.now();
    for (const slot of this.#slots(ruleId, cooldown, event)) this.#expiry.set(slot.key, now + slot.ms);
    if (this.#expiry.size >= this.#sweepAt) {
      this.#sweep(now);
      this.#sweepAt = Math.max(1024, this.#expiry.size * 2);
    }
  }

  #sweep(now: number): void {
    for (const [key, until] of this.#expiry) if (until <= now) this.#expiry.delete(key);
  }

  /** Clears the cooldowns of one rule (global and per-user), or every cooldown (groups too). */
  reset(ruleId?: string): void {
    if (ruleId === undefined) {
      this.#expiry.clear();
      return;
    }
    for (const key of this.#expiry.keys()) if (key === `rule:${ruleId}` || key.startsWith(`user:${ruleId}:`)) this.#expiry.delete(key);
  }

  /** The running cooldowns, key → expiry epoch ms. */
  toJSON(): Record<string, number> {
    const now = this.#clock.now();
    const out: Record<string, number> = {};
    for (const [key, until] of this.#expiry) if (until > now) out[key] = until;
    return out;
  }

  /** Replaces the state with saved cooldowns; those already expired are skipped. */
  load(saved: Record<string, number>): void {
    this.#expiry.clear();
    const now = this.#clock.now();
    for (const [key, until] of Object.entries(saved)) if (until > now) this.#expiry.set(key, until);
  }
}
