import type { ViewerEvictedNotice } from '../bus/notices.js';
import type { Clock } from '../util/clock.js';
import { CooldownStore } from './cooldowns.js';
import { ruleEngineStateSchema, VariableStore, type RuleEngineState } from './state.js';
import { ValidationError } from '../errors.js';
import { toIssues } from './validate-issues.js';
import { DEFAULT_MAX_VIEWERS, ViewerStore } from './viewers.js';
import { WeightedChooser } from './weighted.js';

/** Options of {@link EngineMemory}. */
export interface EngineMemoryOptions {
  clock: Clock;
  random: (() => number) | undefined;
  maxViewers: number | undefined;
  /** Reports a viewer forgotten to stay within `maxViewers`. */
  evicted(notice: ViewerEvictedNotice): void;
}

/**
 * What the engine remembers between runs, and saves and restores as one JSON state: cooldowns,
 * variables, the no-repeat memory of weighted choices, and the viewers with their variables.
 */
export class EngineMemory {
  readonly cooldowns: CooldownStore;
  readonly variables = new VariableStore();
  readonly chooser: WeightedChooser;
  readonly viewers: ViewerStore;
  readonly #clock: Clock;

  constructor(options: EngineMemoryOptions) {
    this.#clock = options.clock;
    this.cooldowns = new CooldownStore(options.clock);
    this.chooser = new WeightedChooser(options.random);
    const maxViewers = Math.max(1, Math.floor(options.maxViewers ?? DEFAULT_MAX_VIEWERS));
    this.viewers = new ViewerStore(maxViewers, options.clock, ({ viewer, maxViewers: max }) => {
      const { source, id, username, nickname, lastSeen } = viewer;
      options.evicted({
        kind: 'viewer-evicted',
        origin: 'rule-engine',
        viewer: { source, id, username, nickname, lastSeen },
        vars: viewer.vars,
        maxViewers: max,
      });
    });
  }

  /** Clears one rule's cooldowns and no-repeat memory, or all of both. */
  reset(ruleId?: string): void {
    if (ruleId === undefined) {
      this.cooldowns.reset();
      this.chooser.reset();
      return;
    }
    this.cooldowns.reset(ruleId);
    this.chooser.reset(`${ruleId}:`);
  }

  /** The state to save. */
  state(): RuleEngineState {
    return {
      version: 2,
      savedAt: this.#clock.now(),
      cooldowns: this.cooldowns.toJSON(),
      variables: this.variables.toJSON(),
      noRepeat: this.chooser.toJSON(),
      viewers: this.viewers.toJSON(),
    };
  }

  /** Replaces everything with a saved state. @throws {@link ValidationError} naming every problem. */
  load(state: unknown): void {
    const parsed = ruleEngineStateSchema.safeParse(state);
    if (!parsed.success) throw new ValidationError('invalid rule engine state', toIssues(parsed.error));
    this.cooldowns.load(parsed.data.cooldowns);
    this.variables.load(parsed.data.variables);
    this.chooser.load(parsed.data.noRepeat);
    this.viewers.load(parsed.data.viewers);
  }
}
