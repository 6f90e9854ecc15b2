import { z } from 'zod';
import { once } from '../util/lazy-shape.js';
import { builtin, templated, variableName } from './builtin.js';
import { renderNumber } from './builtin-basic.js';
import { RuleActionError } from './errors.js';
import type { StreamEvent } from '../events/stream-event.js';
import type { JsonValue } from './json.js';
import type { RegisteredAction, StepState } from './run-actions.js';
import { compileTemplate, stringify } from './templates.js';
import { compileVariable, requireSlot, variableNameTemplate } from './variable-target.js';
import type { LeaderboardEntry } from './viewers.js';

/**
 * Points: viewer variables (`user.vars.points` by default) that `addPoints` changes and `leaderboard`
 * ranks. Passive accrual is a timer rule whose `addPoints` goes `to: "activeViewers"`.
 *
 * @packageDocumentation
 */

const sources = once(() => z.array(z.string().min(1)).min(1));

const addPoints = builtin(
  'addPoints',
  () =>
    z
      .strictObject({
        type: z.literal('addPoints'),
        /** Points to add (negative to spend), a number or a template rendering to one. */
        amount: z.union([z.number().finite(), templated(z.string())]),
        /** `user` (default): the event's viewer; `activeViewers`: every viewer who chatted in the last `activeWithinMinutes`. */
        to: z.enum(['user', 'activeViewers']).optional(),
        /** The viewer variable holding the points. Default `points`. */
        variable: variableNameTemplate().optional(),
        /** For `activeViewers`: how recent a viewer's last chat message must be, in minutes (default 10). */
        activeWithinMinutes: z.number().int().min(1).max(1_440).optional(),
        /** For `activeViewers`: only viewers of these platforms (default every platform). */
        sources: sources().optional(),
        /** The lowest balance a viewer can end with (default 0: spending never goes negative); `null` for none. */
        floor: z.number().finite().nullable().optional(),
      })
      .superRefine((action, ctx) => {
        if (action.to === 'activeViewers') return;
        for (const key of ['activeWithinMinutes', 'sources'] as const) {
          if (action[key] !== undefined)
            ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" belongs to "to": "activeViewers"` });
        }
      }),
  (action, path) => {
    const variable = compileVariable(action.variable ?? 'points', 'user');
    const floor = action.floor === undefined ? 0 : action.floor;
    const withinMs = (action.activeWithinMinutes ?? 10) * 60_000;
    const platforms = action.sources && new Set(action.sources);
    const amountOf = (state: StepState): number => {
      const amount = renderNumber(action.amount, state.scope);
      if (typeof amount !== 'number' || !Number.isFinite(amount)) {
        throw new RuleActionError(`points amount ${JSON.stringify(stringify(amount))} is not a number`, path, {
          code: 'RULE_POINTS_NOT_NUMBER',
        });
      }
      return amount;
    };
    const apply = (current: JsonValue | undefined, amount: number): number | undefined => {
      const base = current ?? 0;
      if (typeof base !== 'number') return undefined;
      const next = base + amount;
      return floor === null ? next : Math.max(floor, next);
    };
    return {
      run(context) {
        const amount = amountOf(context);
        if (action.to !== 'activeViewers') {
          const slot = requireSlot(variable(context, true), path);
          const next = apply(slot.get(), amount);
          if (next === undefined) {
            throw new RuleActionError(`variable "${slot.label}" holds ${JSON.stringify(slot.get())}, not a number`, path, {
              code: 'RULE_POINTS_NOT_NUMBER',
            });
          }
          slot.set(next);
          return next;
        }
        const name = requireSlot(variable({ scope: { ...context.scope, userVars: {} }, host: context.host }, false), path).name;
        const viewers = context.host.viewers.chattedSince(context.host.now() - withinMs, platforms);
        let credited = 0;
        for (const viewer of viewers) {
          const next = apply(viewer.vars[name], amount);
          if (next === undefined) continue;
          viewer.vars[name] = next;
          credited++;
        }
        return { viewers: credited, amount, variable: name };
      },
      preview(state) {
        const what = `${stringify(action.amount)} ${action.variable ?? 'points'}`;
        if (action.to === 'activeViewers') {
          const count = state.host.viewers.chattedSince(state.host.now() - withinMs, platforms).length;
          return { description: `add ${what} to each of the ${count} viewers who chatted in the last ${withinMs / 60_000} min` };
        }
        const slot = variable(state, false);
        return 'problem' in slot
          ? { description: `add ${what} to the viewer`, problem: slot.problem }
          : { description: `add ${what} to "${slot.label}"` };
      },
    };
  },
);

/** What a `leaderboard` action stores in `vars.<saveAs>`. */
export interface LeaderboardOutput {
  /** The top viewers, highest first. */
  entries: LeaderboardEntry[];
  /** The entries in one line for a chat reply: `1. Alice (120), 2. Bob (90)` (`""` when nobody has points). */
  text: string;
  /** How many entries there are. */
  count: number;
}

const leaderboard = builtin(
  'leaderboard',
  () =>
    z.strictObject({
      type: z.literal('leaderboard'),
      /** The viewer variable to rank by. Default `points`. */
      variable: variableName().optional(),
      /** How many viewers. Default 5. */
      top: z.number().int().min(1).max(100).optional(),
      /** Only viewers of these platforms (default every platform). */
      sources: sources().optional(),
      /**
       * How one entry reads in `text`, from its fields `rank`, `nickname`, `username`, `value`, `source`
       * and `id` (default `{{rank}}. {{nickname}} ({{value}})`).
       */
      entry: templated(z.string().min(1).max(200)).optional(),
      /** The variable the result goes to, for the next actions (`{{vars.top.text}}`). */
      saveAs: variableName(),
    }),
  (action) => {
    const name = action.variable ?? 'points';
    const top = action.top ?? 5;
    const platforms = action.sources && new Set(action.sources);
    const entry = compileTemplate(action.entry ?? '{{rank}}. {{nickname}} ({{value}})');
    const build = (state: StepState): LeaderboardOutput => {
      const entries = state.host.viewers.leaderboard(name, top, platforms);
      // The entry template reads the row's fields (`{{rank}}`, `{{nickname}}`, `{{value}}`...).
      const text = entries.map((row) => entry({ event: row as unknown as StreamEvent, vars: {}, rule: state.scope.rule })).join(', ');
      return { entries, text, count: entries.length };
    };
    return {
      run(context) {
        const output = build(context);
        context.host.setVariable(action.saveAs, output as unknown as JsonValue);
        return output;
      },
      preview: (state) => ({
        description: `rank the top ${top} by user.vars.${name} → vars.${action.saveAs}: ${JSON.stringify(build(state).text)}`,
      }),
    };
  },
);

/** The points actions. */
export const pointsActions: readonly RegisteredAction[] = [addPoints, leaderboard];
