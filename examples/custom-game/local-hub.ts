/**
 * The hub side, in-process: a bus, a rule engine holding the "Boss defeated" rule, and the custom
 * WebSocket server the game connects to. In production this is your `vmsc start` hub (add the rule
 * to its rules file and register `playSound`), or any application that runs these three pieces.
 */
import { CustomWsServer } from '@vmsc/custom-ws-server';
import { EventBus, RuleEngine, type RuleInput } from '@vmsc/core';

/** The rule the game fires at each defeat: manual only (no `trigger`), so only `triggerRule` runs it. */
export const bossDefeatedRule: RuleInput = {
  id: 'b055f16e-0000-4000-8000-000000000001',
  name: 'Boss defeated',
  actions: [
    { type: 'call', action: 'playSound', params: { file: 'victory.mp3' } },
    { type: 'counter', name: 'bossesDefeated' },
    { type: 'log', message: 'Boss defeated! {{vars.bossesDefeated}} so far' },
  ],
};

/** Options of {@link startLocalHub}. */
export interface LocalHubOptions {
  /** TCP port; `0` picks a free one. Default 7895. */
  port?: number;
  /** Plays a sound (the `playSound` action). Default: prints the file name. */
  playSound?: (file: string) => void;
  /** Where the rule's `log` action writes. Default `console.log`. */
  log?: (message: string) => void;
}

/** A running in-process hub. */
export interface LocalHub {
  readonly bus: EventBus;
  readonly engine: RuleEngine;
  readonly server: CustomWsServer;
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

/** Starts the bus, the engine and a custom WebSocket server on 127.0.0.1. */
export async function startLocalHub(options: LocalHubOptions = {}): Promise<LocalHub> {
  const bus = new EventBus();
  const engine = new RuleEngine({ bus, rules: [bossDefeatedRule], logger: (_level, message) => (options.log ?? console.log)(message) });
  const playSound = options.playSound ?? ((file: string) => console.log(`♪ ${file}`));
  engine.registerAction('playSound', ({ file }) => playSound(String(file)));
  const server = new CustomWsServer({ bus, engine, port: options.port ?? 7895 });
  await server.listen();
  return {
    bus,
    engine,
    server,
    url: server.url,
    token: server.token.reveal(),
    async close() {
      await server.close();
      await engine.idle();
      engine.close();
    },
  };
}
