/**
 * "Boss fight": a game that lives outside the hub. It subscribes to the hub's chat, gifts, cheers
 * and tips over the custom WebSocket server, turns them into damage, reports the boss's hit points
 * back into the hub as `goal_progress` events (`injectEvent`; overlays and rules see them like any
 * platform event), and fires the hub's "Boss defeated" rule (`triggerRule`) at every kill.
 */
import type { StreamEvent, StreamUser } from '@vmsc/core';
import type { TriggerRuleAck } from '@vmsc/core/protocol';
import { Boss, damageFor } from './boss.js';
import { HubConnection } from './hub-connection.js';

/** The `source` of the events the game injects. */
export const GAME_SOURCE = 'boss-fight';

/** Options of {@link start}. */
export interface BossFightOptions {
  /** The hub's custom WebSocket URL, e.g. `ws://127.0.0.1:7895`. */
  url: string;
  /** A token with the `subscribe`, `inject` and `trigger` scopes. */
  token: string;
  /** Hit points of the first boss (each next one has 50 % more). Default 100. */
  bossHp?: number;
  /** The rule fired at every defeat. Default `"Boss defeated"`. */
  defeatRule?: string;
  /** Told about every hit that dealt damage. */
  onHit?: (hit: { attacker: StreamUser; via: string; dealt: number; hp: number; maxHp: number; level: number }) => void;
  /** Told about every defeat, with the rule run's acknowledgement. */
  onDefeat?: (defeat: { level: number; finisher: StreamUser; rule: TriggerRuleAck }) => void;
  /** A problem the game could not attach to a request (malformed frame, lost connection, failed inject). */
  onError?: (error: Error) => void;
}

/** A running game. */
export interface BossFight {
  /** The current boss. */
  readonly boss: Boss;
  /** Resolves once every event received so far has been applied and reported. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Connects to the hub and plays until {@link BossFight.stop}. */
export async function start(options: BossFightOptions): Promise<BossFight> {
  const baseHp = options.bossHp ?? 100;
  const defeatRule = options.defeatRule ?? 'Boss defeated';
  const onError = options.onError ?? ((error: Error) => console.error(`boss-fight: ${error.message}`));
  const hub = await HubConnection.open(options.url, options.token);
  hub.onError = onError;

  const hello = await hub.hello();
  const missing = ['subscribe', 'inject', 'trigger'].filter((scope) => !hello.scopes.includes(scope as never));
  if (missing.length > 0 || !hello.rules.some((rule) => rule.name === defeatRule)) {
    await hub.close();
    throw new Error(
      missing.length > 0
        ? `the token lacks the scopes: ${missing.join(', ')}`
        : `the hub has no rule named "${defeatRule}" (add it to its rules)`,
    );
  }

  let boss = new Boss(baseHp);
  const report = (attacker: StreamUser, status: 'active' | 'achieved') =>
    hub.injectEvent({
      type: 'goal_progress',
      source: GAME_SOURCE,
      user: { id: attacker.id, username: attacker.username, nickname: attacker.nickname },
      data: { goalId: `boss-${boss.level}`, goalType: 'boss_hp', current: boss.hp, target: boss.maxHp, status },
    });

  // Events are applied strictly in arrival order; each one's reports finish before the next.
  let queue: Promise<void> = Promise.resolve();
  const apply = async (event: StreamEvent) => {
    const damage = damageFor(event);
    if (damage === 0) return;
    const hit = boss.hit(damage);
    if (hit.dealt === 0) return;
    const via = `${event.meta?.platform ?? event.source} ${event.type}`;
    options.onHit?.({ attacker: event.user, via, dealt: hit.dealt, hp: hit.hp, maxHp: boss.maxHp, level: boss.level });
    await report(event.user, hit.defeated ? 'achieved' : 'active');
    if (!hit.defeated) return;
    const level = boss.level;
    boss = boss.next(baseHp);
    const rule = await hub.triggerRule(defeatRule);
    options.onDefeat?.({ level, finisher: event.user, rule });
  };
  hub.onEvent = (event) => {
    queue = queue.then(() => apply(event)).catch(onError);
  };
  await hub.subscribe({ eventTypes: ['chat', 'gift', 'cheer', 'tip'] });

  return {
    get boss() {
      return boss;
    },
    idle: async () => {
      let seen: Promise<void>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
    stop: () => hub.close(),
  };
}
