import { z } from 'zod';
import { lazyShape, once } from '../util/lazy-shape.js';
import { parseUsagePattern } from './command-parser.js';
import { permissionLevels } from './permissions.js';

/**
 * The fields of a command trigger (`{ "command": "!dice", ... }`), spread into the rule trigger's
 * schema; {@link checkTriggerKind} makes a trigger either an event trigger or a command trigger.
 *
 * @packageDocumentation
 */

const commandWord = once(() =>
  z
    .string()
    .min(1)
    .max(100)
    .refine((word) => !/\s/u.test(word), { message: 'a command is one word, its prefix included (e.g. "!dice")' }),
);

const levelSchema = once(() => z.enum(permissionLevels));

const permissionHint = `a permission level (${permissionLevels.join(', ')}) or a list of levels and { "userId", "source"? }`;

/** A command's permission: a level, or a list of levels and `{ userId, source? }` of which any one suffices. */
export const permissionSchema = z.union(
  [
    levelSchema(),
    z
      .array(
        z.union([levelSchema(), z.strictObject(lazyShape(() => ({ userId: z.string().min(1), source: z.string().min(1).optional() })))], {
          error: permissionHint,
        }),
      )
      .min(1),
  ],
  { error: permissionHint },
);

/** The argument check of a command: a usage grammar or a regex, and the usage text reported on a mismatch. */
export const commandArgsSchema = z
  .strictObject(
    lazyShape(() => ({
      /** Usage grammar: `<sides:int> [label...]` (see docs/rules.md, "Commands"). */
      pattern: z
        .string()
        .max(500)
        .superRefine((pattern, ctx) => {
          const parsed = parseUsagePattern(pattern);
          if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: `invalid usage pattern: ${parsed.problem}` });
        })
        .optional(),
      /** A JavaScript regex that `args.rest` must match; its named groups become named args. */
      regex: z
        .string()
        .max(500)
        .superRefine((source, ctx) => {
          try {
            new RegExp(source, 'u');
          } catch (error) {
            ctx.addIssue({ code: 'custom', message: `invalid regex: ${(error as Error).message}` });
          }
          if (/\(\?<(rest|count)>/.test(source)) ctx.addIssue({ code: 'custom', message: 'group names rest and count are reserved' });
        })
        .optional(),
      /** The text reported (and given to `onUsage` actions as `{{command.usage}}`) when the arguments do not fit. */
      usage: z.string().min(1).max(500).optional(),
    })),
  )
  .refine((args) => (args.pattern === undefined) !== (args.regex === undefined), { message: 'give exactly one of "pattern" and "regex"' });

/** The command fields of the trigger schema (built on first use). */
export const commandTriggerFields = once(() => ({
  /** The command word, its prefix included (`"!dice"`): the trigger matches `chat` events starting with it. */
  command: commandWord().optional(),
  /** Other words that run the same command (`["!roll"]`). */
  aliases: z.array(commandWord()).min(1).max(50).optional(),
  /** Match the command word exactly (default `false`: `!DICE` runs `!dice`). */
  caseSensitive: z.boolean().optional(),
  /** Argument check; on a mismatch the run ends `usage` (and `onUsage` actions run). */
  args: commandArgsSchema.optional(),
  /** Who may run it (default everyone); a refused run ends `forbidden`. */
  permission: permissionSchema.optional(),
}));

interface TriggerLike {
  types?: unknown;
  timer?: unknown;
  command?: string | undefined;
  aliases?: string[] | undefined;
  caseSensitive?: boolean | undefined;
  args?: unknown;
  permission?: unknown;
}

/**
 * Refinement of the trigger: command fields only with `command`, no `types` with it, and a `timer`
 * with neither. Issues by path.
 */
export function checkTriggerKind(trigger: TriggerLike, ctx: z.RefinementCtx): void {
  if (trigger.timer !== undefined) {
    for (const key of ['types', 'command'] as const) {
      if (trigger[key] !== undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: `a timer trigger runs on its own: remove "${key}" (or "timer")` });
    }
  }
  if (trigger.command === undefined) {
    for (const key of ['aliases', 'caseSensitive', 'args', 'permission'] as const) {
      if (trigger[key] !== undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" belongs to a command trigger: add "command"` });
    }
    return;
  }
  if (trigger.types !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['types'], message: 'a command trigger matches chat messages: remove "types" (or "command")' });
  }
  const fold = (word: string) => (trigger.caseSensitive ? word : word.toLowerCase());
  const seen = new Set([fold(trigger.command)]);
  trigger.aliases?.forEach((alias, index) => {
    if (seen.has(fold(alias)))
      ctx.addIssue({ code: 'custom', path: ['aliases', index], message: `"${alias}" is already a name of this command` });
    seen.add(fold(alias));
  });
}

/** Refinement of the rule: `onUsage` needs a command trigger with `args`. */
export function checkOnUsage(
  rule: { trigger?: { command?: string | undefined; args?: unknown } | undefined; onUsage?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (rule.onUsage !== undefined && (rule.trigger?.command === undefined || rule.trigger.args === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['onUsage'],
      message: '"onUsage" runs when a command\'s arguments do not fit: it needs a command trigger with "args"',
    });
  }
}
