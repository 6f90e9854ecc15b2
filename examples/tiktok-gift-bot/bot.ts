/**
 * A TikTok LIVE gift-to-action bot that honours gift streaks.
 *
 * TikTok sends one `gift` event per step of a streak (Rose ×1, ×2, ×3…) and marks the last one
 * `repeatEnd: true`. Each mapping below becomes a rule with the condition `data.repeatEnd == true`,
 * so an action fires **once per streak, with the streak's total count**, never once per step.
 * Gifts that cannot streak always arrive with `repeatEnd: true` and fire at once.
 */
import { TikTokConnector, type TikTokConnectorCommonOptions } from '@vmsc/connector-tiktok';
import { EventBus, RuleEngine, type RuleInput, type RuleRunResult } from '@vmsc/core';

/** One gift → action mapping. */
export interface GiftMapping {
  /** TikTok gift name as the gift event carries it (`"Rose"`, `"TikTok"`, `"Galaxy"`…). */
  gift: string;
  /** Your action's name, handed to `perform`. */
  action: string;
}

/** What `perform` gets: the action, and the completed streak. */
export interface GiftAction {
  action: string;
  gift: string;
  /** Gifts in the streak (the last `repeatCount`). */
  count: number;
  /** `count × diamondCount`. */
  diamonds: number;
  /** The viewer's display name. */
  nickname: string;
  /** The viewer's stable TikTok user id. */
  userId: string;
}

/** Options of {@link start}. */
export interface GiftBotOptions {
  /** The creator's @handle (`uniqueId`), or `roomId` to skip the lookup; one is required. */
  uniqueId?: string;
  roomId?: string;
  /** Which gifts do what. */
  mappings: readonly GiftMapping[];
  /** Runs one action (play a sound, flash the lights, press a game key…). */
  perform: (action: GiftAction) => void | Promise<void>;
  /** Extra connector options: `signApi` (key, URL), `webBaseUrl`… (a test points them at the TikTok fake). */
  connector?: Omit<Partial<TikTokConnectorCommonOptions>, 'bus'>;
  /** Called after every rule run. */
  onRun?: (run: RuleRunResult) => void;
}

/** A running gift bot. */
export interface GiftBot {
  readonly bus: EventBus;
  readonly engine: RuleEngine;
  readonly connector: TikTokConnector;
  stop(): Promise<void>;
}

/** A stable UUID per mapping index (rule state such as cooldowns is keyed by rule id). */
const ruleId = (index: number) => `91f7b000-0000-4000-8000-${String(index).padStart(12, '0')}`;

/** The rules of a mapping list: one per gift, firing at streak end. */
export function giftRules(mappings: readonly GiftMapping[]): RuleInput[] {
  return mappings.map((mapping, index) => ({
    id: ruleId(index),
    name: `${mapping.gift} → ${mapping.action}`,
    trigger: { types: ['gift'], sources: ['tiktok'] },
    conditions: {
      all: [
        { path: 'data.giftName', op: '==', value: mapping.gift },
        { path: 'data.repeatEnd', op: '==', value: true },
      ],
    },
    // Queue so that two streaks ending together both run, in order, never overlapping.
    run: { mode: 'queue', maxLength: 50 },
    actions: [
      {
        type: 'call',
        action: 'perform',
        params: {
          action: mapping.action,
          gift: '{{data.giftName}}',
          count: '{{data.repeatCount}}',
          diamondCount: '{{data.diamondCount}}',
          nickname: '{{user.nickname}}',
          userId: '{{user.id}}',
        },
      },
    ],
  }));
}

/** Connects to TikTok LIVE and runs `perform` for every completed streak of a mapped gift. */
export async function start(options: GiftBotOptions): Promise<GiftBot> {
  const bus = new EventBus();
  const engine = new RuleEngine({ bus, rules: giftRules(options.mappings) });
  engine.registerAction('perform', (params) => {
    const count = Number(params.count);
    return options.perform({
      action: String(params.action),
      gift: String(params.gift),
      count,
      diamonds: count * Number(params.diamondCount),
      nickname: String(params.nickname),
      userId: String(params.userId),
    });
  });
  if (options.onRun) engine.onRun(options.onRun);

  const target =
    options.roomId !== undefined ? { roomId: options.roomId, uniqueId: options.uniqueId } : { uniqueId: options.uniqueId ?? '' };
  const connector = new TikTokConnector({ ...options.connector, ...target, bus });
  try {
    await connector.connect();
  } catch (error) {
    engine.close();
    throw error;
  }
  return {
    bus,
    engine,
    connector,
    async stop() {
      await connector.disconnect();
      await engine.idle();
      engine.close();
    },
  };
}
