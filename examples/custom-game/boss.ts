/**
 * The game's rules, with no I/O: a boss with hit points, and how much damage each stream event deals.
 */
import type { StreamEvent } from '@vmsc/core';

/** One hit on the boss. */
export interface Hit {
  /** Damage actually taken (never more than the hit points left). */
  dealt: number;
  /** Hit points left. */
  hp: number;
  /** This hit finished the boss. */
  defeated: boolean;
}

/** A boss: `level` grows with every defeat, and so do its hit points. */
export class Boss {
  level: number;
  maxHp: number;
  hp: number;

  constructor(baseHp = 100, level = 1) {
    this.level = level;
    this.maxHp = Boss.hpFor(baseHp, level);
    this.hp = this.maxHp;
  }

  /** Hit points of a level: +50 % per level. */
  static hpFor(baseHp: number, level: number): number {
    return Math.round(baseHp * 1.5 ** (level - 1));
  }

  /** Takes `damage`; a defeated boss takes none until {@link Boss.next}. */
  hit(damage: number): Hit {
    const dealt = this.hp > 0 ? Math.min(Math.max(0, Math.floor(damage)), this.hp) : 0;
    this.hp -= dealt;
    return { dealt, hp: this.hp, defeated: dealt > 0 && this.hp === 0 };
  }

  /** The next, stronger boss. */
  next(baseHp: number): Boss {
    return new Boss(baseHp, this.level + 1);
  }
}

/** Damage for a chat `!attack`. */
export const ATTACK_DAMAGE = 10;

/**
 * What an event does to the boss:
 * - chat `!attack` (any platform): {@link ATTACK_DAMAGE};
 * - a gift, once its streak has ended: its diamonds (`diamondCount × repeatCount`);
 * - a cheer: one point per 10 bits; a tip: 10 per currency unit;
 * - anything else: 0.
 */
export function damageFor(event: StreamEvent): number {
  switch (event.type) {
    case 'chat':
      return /^!attack\b/i.test(event.data.message) ? ATTACK_DAMAGE : 0;
    case 'gift':
      return event.data.repeatEnd ? event.data.diamondCount * event.data.repeatCount : 0;
    case 'cheer': {
      const bits = 'bits' in event.data ? event.data.bits : 'amount' in event.data ? event.data.amount : 0;
      return Math.floor(Number(bits) / 10);
    }
    case 'tip':
      return Math.floor(Number(event.data.amount) * 10);
    default:
      return 0;
  }
}
