/**
 * A Kick chat bot that answers `!dice` (optionally `!dice 20` for a d20) with a roll.
 *
 * `KickConnector` reads Kick's public chat feed; given a `chatToken` (an OAuth token with `chat:write`)
 * it also sends through Kick's official chat API, as a threaded reply (`sendChat(text, { replyTo })`),
 * keeping to Kick's rate limit. The bot answers that way by default; a `reply` callback (a console
 * logger, a test spy) replaces it.
 */
import { KickConnector, type KickConnectorOptions } from '@vmsc/connector-kick';
import { EventBus, RuleEngine, type RuleInput, type RuleRunResult, type StreamEvent } from '@vmsc/core';

/** Sends one chat line. `event` is the `!dice` message being answered (reply threads, logging). */
export type DiceReply = (text: string, event: StreamEvent) => void | Promise<void>;

/** Options of {@link start}. */
export interface DiceBotOptions {
  /** The Kick channel: a slug (`"xqc"`) or its ids (`{ chatroomId, channelId }`, skips the lookup). */
  channel: KickConnectorOptions['channel'];
  /**
   * Where answers go. Default: the connector's `sendChat`, as a reply to the `!dice` message (needs
   * `connector.chatToken`; without one the run fails with `ChatNotAllowedError`).
   */
  reply?: DiceReply;
  /** Random numbers in [0, 1). Default `Math.random` (inject a fixed one in tests). */
  random?: () => number;
  /** How long one viewer waits between two rolls, ms. Default 5,000. */
  perUserCooldownMs?: number;
  /** Extra connector options (a test points `wsHost`/`wsPort`/`forceTLS` at the Kick fake). */
  connector?: Omit<Partial<KickConnectorOptions>, 'bus' | 'channel'>;
  /** Called after every rule run (handy for logs and tests). */
  onRun?: (run: RuleRunResult) => void;
}

/** A running dice bot. */
export interface DiceBot {
  readonly bus: EventBus;
  readonly engine: RuleEngine;
  readonly connector: KickConnector;
  /** Disconnects and stops the rule engine. */
  stop(): Promise<void>;
}

/** The largest die the bot rolls. */
export const MAX_SIDES = 1000;

/** The rule: any Kick chat message that is `!dice` or `!dice <sides>`, once per viewer per cooldown. */
export function diceRule(perUserCooldownMs: number): RuleInput {
  return {
    id: '5d1ce000-0000-4000-8000-000000000001',
    name: 'dice',
    trigger: { types: ['chat'], sources: ['kick'] },
    conditions: { path: 'data.message', op: 'matches', value: '^!dice(\\s+\\d+)?\\s*$', ignoreCase: true },
    cooldown: { perUserMs: perUserCooldownMs },
    actions: [{ type: 'call', action: 'rollDice', params: { message: '{{data.message}}' } }],
  };
}

/** Parses the number of sides from `!dice`/`!dice 20` (6 by default, 2..{@link MAX_SIDES}). */
export function sidesOf(message: string): number {
  const sides = Number(/\d+/.exec(message)?.[0] ?? 6);
  return Math.min(Math.max(sides, 2), MAX_SIDES);
}

/** Connects to Kick and answers `!dice` until {@link DiceBot.stop}. */
export async function start(options: DiceBotOptions): Promise<DiceBot> {
  const random = options.random ?? Math.random;
  const bus = new EventBus();
  const engine = new RuleEngine({ bus, rules: [diceRule(options.perUserCooldownMs ?? 5_000)] });
  engine.registerAction('rollDice', async ({ message }, { event }) => {
    if (!event) return undefined; // fired by hand (engine.trigger) without a message: nothing to answer
    const sides = sidesOf(String(message));
    const roll = 1 + Math.floor(random() * sides);
    const text = `@${event.user.nickname} rolled a ${roll} (d${sides})`;
    if (options.reply) await options.reply(text, event);
    else await connector.sendChat(text, { replyTo: event });
    return text;
  });
  if (options.onRun) engine.onRun(options.onRun);

  const connector = new KickConnector({ ...options.connector, bus, channel: options.channel });
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
