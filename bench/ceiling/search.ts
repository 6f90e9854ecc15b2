/**
 * The ceiling search's plan: rates doubling from the first until a step fails, then halving the
 * gap between the last pass and the first fail until it is within `precision` of the pass (or
 * `maxRefinements` steps were spent on it). Pure: the next rate from the steps so far.
 */

/** Options of {@link nextRate}. */
export interface SearchPlan {
  /** The first rate, events/s (default 250). */
  start: number;
  /** Stop refining when (fail − pass) / pass is at most this (default 0.1). */
  precision: number;
  /** Refinement steps at most (default 3). */
  maxRefinements: number;
  /** No rate above this is tried (default 64,000). */
  maxRate: number;
}

/** The default plan: 250, 500, 1,000, 2,000, … then three halvings of the last gap. */
export const DEFAULT_PLAN: SearchPlan = { start: 250, precision: 0.1, maxRefinements: 3, maxRate: 64_000 };

/** A step's rate and whether it passed. */
export interface Tried {
  ratePerSecond: number;
  pass: boolean;
}

/** The highest passing rate below the lowest failing one (0 if none passed). */
export function ceilingOf(steps: readonly Tried[]): number {
  const firstFail = Math.min(...steps.filter((s) => !s.pass).map((s) => s.ratePerSecond), Number.POSITIVE_INFINITY);
  return Math.max(0, ...steps.filter((s) => s.pass && s.ratePerSecond < firstFail).map((s) => s.ratePerSecond));
}

/** The rate of the next step, or undefined when the search is done. */
export function nextRate(steps: readonly Tried[], plan: SearchPlan = DEFAULT_PLAN): number | undefined {
  if (steps.length === 0) return plan.start;
  const fails = steps.filter((s) => !s.pass).map((s) => s.ratePerSecond);
  if (fails.length === 0) {
    const next = steps.at(-1)!.ratePerSecond * 2;
    return next <= plan.maxRate ? next : undefined;
  }
  const fail = Math.min(...fails);
  const pass = ceilingOf(steps);
  if (pass === 0) return undefined; // the first rate already failed: the ceiling is below it
  const doubling = steps.findIndex((s) => !s.pass);
  const refinements = steps.length - 1 - doubling;
  if (refinements >= plan.maxRefinements || (fail - pass) / pass <= plan.precision) return undefined;
  const next = Math.round((pass + fail) / 2 / 10) * 10;
  return next > pass && next < fail ? next : undefined;
}
