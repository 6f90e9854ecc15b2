import { z } from 'zod';
import { builtin } from './builtin.js';
import { conditionSchema } from './condition-schema.js';
import { compileCondition, traceCondition } from './conditions.js';
import { skipAction } from './definition.js';
import { RuleActionError, RuleLoopError } from './errors.js';
import { runSteps, type RegisteredAction, type RuleTarget, type StepState } from './run-actions.js';

const random = builtin(
  'random',
  (nested) =>
    z.strictObject({
      type: z.literal('random'),
      noRepeat: z.boolean().optional(),
      choices: z.array(z.strictObject({ weight: z.number().positive().finite(), actions: z.array(nested).min(1) })).min(1),
    }),
  (action, path, tools) => {
    const weights = action.choices.map((choice) => choice.weight);
    const branches = action.choices.map((choice, index) => tools.compile(choice.actions, `${path}.choices[${index}].actions`));
    const noRepeat = action.noRepeat === true;
    const key = `${tools.ruleId}:${path}`;
    return {
      async run(context) {
        const chosen = context.host.choose(key, weights, noRepeat);
        await runSteps(branches[chosen]!, context);
        return chosen;
      },
      preview(state) {
        const available = new Set(state.host.available(key, weights.length, noRepeat));
        const total = weights.reduce((sum, weight, index) => (available.has(index) ? sum + weight : sum), 0);
        return {
          description: `pick one of ${weights.length} choices${noRepeat ? ' (no repeat until all used)' : ''}`,
          choices: branches.map((branch, index) => ({
            weight: weights[index]!,
            probability: available.has(index) ? weights[index]! / total : 0,
            actions: branch.map((step) => step.preview(state)),
          })),
        };
      },
    };
  },
);

const ifAction = builtin(
  'if',
  (nested) =>
    z.strictObject({
      type: z.literal('if'),
      condition: conditionSchema,
      then: z.array(nested).min(1),
      else: z.array(nested).min(1).optional(),
    }),
  (action, path, tools) => {
    const predicate = compileCondition(action.condition);
    const thenSteps = tools.compile(action.then, `${path}.then`);
    const elseSteps = action.else ? tools.compile(action.else, `${path}.else`) : [];
    return {
      async run(context) {
        const holds = predicate(context.scope);
        const branch = holds ? 'then' : action.else ? 'else' : 'none';
        await runSteps(holds ? thenSteps : elseSteps, context);
        return { condition: holds, branch };
      },
      preview(state) {
        const trace = traceCondition(action.condition, state.scope);
        const branch = trace.result ? 'then' : action.else ? 'else' : 'none';
        return {
          description: `if: the condition is ${trace.result} now, so ${branch === 'none' ? 'nothing runs' : `"${branch}" runs`}`,
          condition: trace,
          branch,
          then: thenSteps.map((step) => step.preview(state)),
          ...(action.else ? { else: elseSteps.map((step) => step.preview(state)) } : {}),
        };
      },
    };
  },
);

type Resolved = { target: RuleTarget; problem?: undefined } | { target?: RuleTarget; problem: string; loop?: boolean };

/** Finds the called rule and checks the chain: unknown rule, cycle, nesting past maxDepth. */
function resolve(name: string, state: StepState): Resolved {
  const target = state.host.findRule(name);
  if (!target) return { problem: `no rule with id or name "${name}"` };
  const { chain, host } = state;
  if (chain.some((ref) => ref.id === target.ref.id)) {
    const names = [...chain, target.ref].map((ref) => `"${ref.name}"`).join(' → ');
    return { target, loop: true, problem: `runRule would loop (${names}): a rule may not run itself, directly or through others` };
  }
  if (chain.length > host.maxDepth) {
    return { target, loop: true, problem: `runRule nesting ${chain.length} is past maxDepth ${host.maxDepth}: the chain was cut` };
  }
  return { target };
}

/** The state of the called rule's actions: its scope names it, the chain grows. */
function inside<S extends StepState>(state: S, target: RuleTarget): S {
  return { ...state, scope: { ...state.scope, rule: target.ref }, chain: [...state.chain, target.ref] };
}

const runRule = builtin(
  'runRule',
  () => z.strictObject({ type: z.literal('runRule'), rule: z.string().min(1) }),
  (action, path) => ({
    async run(context) {
      const found = resolve(action.rule, context);
      if (found.problem !== undefined) {
        if (found.loop) throw new RuleLoopError(found.problem, context.chain.length + 1);
        throw new RuleActionError(found.problem, path, { code: 'RULE_NOT_FOUND' });
      }
      const { target } = found;
      if (!target.enabled) return skipAction(`rule "${target.ref.name}" is disabled`);
      await runSteps(target.actions, inside(context, target));
      return { rule: target.ref };
    },
    preview(state) {
      const found = resolve(action.rule, state);
      const description = `run the actions of rule "${found.target?.ref.name ?? action.rule}"`;
      if (found.problem !== undefined) return { description, problem: found.problem, ...(found.target ? { rule: found.target.ref } : {}) };
      const { target } = found;
      if (!target.enabled) return { description: `${description} (skipped: the rule is disabled)`, rule: target.ref };
      return { description, rule: target.ref, actions: target.actions.map((step) => step.preview(inside(state, target))) };
    },
  }),
);

/** The built-in actions that run nested actions. */
export const flowActions: readonly RegisteredAction[] = [random, ifAction, runRule];
