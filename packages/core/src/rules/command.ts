import type { StreamEvent } from '../events/stream-event.js';
import {
  commandHead,
  matchRegex,
  matchUsage,
  parseCommandLine,
  parseUsagePattern,
  positionalArgs,
  type CommandArgs,
  type UsageToken,
} from './command-parser.js';
import { checkPermission, type Permission, type PermissionCheck } from './permissions.js';
import type { RuleTrigger } from './rule-schema.js';

/**
 * Command triggers (`{ "command": "!dice", "aliases": ["!roll"], "args": {...}, "permission": ... }`):
 * matching a chat message, the permission check, and the arguments exposed to conditions and
 * templates.
 *
 * @packageDocumentation
 */

/** What a command rule sees of its command: `{{command.name}}`, `{{command.invoked}}`, `{{command.usage}}`, `{{args.0}}`. */
export interface CommandScope {
  /** The command of the trigger (`!dice`). */
  name: string;
  /** The word as typed (`!ROLL` for the alias `!roll`). */
  invoked: string;
  /** The usage text (the trigger's `args.usage`, or one built from its pattern); absent without `args`. */
  usage?: string;
  /** `0`, `1`... (strings), `rest`, `count`, and the named arguments of the pattern when it matched. */
  args: CommandArgs;
}

/** How a chat event meets a command rule. */
export type CommandVerdict =
  | { kind: 'no-match' }
  | { kind: 'forbidden'; scope: CommandScope; permission: PermissionCheck }
  | { kind: 'usage'; scope: CommandScope; usage: string }
  | { kind: 'ok'; scope: CommandScope };

/** A command trigger prepared for matching. */
export interface CompiledCommand {
  /** The command and its aliases, lowercased: the keys of the trigger index. */
  readonly keys: readonly string[];
  /** Matches the event, checks the permission, then the arguments. */
  check(event: StreamEvent): CommandVerdict;
  /** The command scope for the event, when it is this command (permission and arguments not checked). */
  scope(event: StreamEvent): CommandScope | undefined;
  /** Whether the event's arguments fit the pattern (`undefined` without `args` or for another command). */
  argsFit(event: StreamEvent): boolean | undefined;
}

/** The message of a chat event, if it is one. */
export function chatMessageOf(event: StreamEvent): string | undefined {
  if (event.type !== 'chat') return undefined;
  const message = (event.data as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

/** The lowercased first word of a chat event's message: what the trigger index looks commands up by. */
export function commandKeyOf(event: StreamEvent): string | undefined {
  const message = chatMessageOf(event);
  return message === undefined ? undefined : commandHead(message)?.toLowerCase();
}

/** The lowercased names of a command trigger (none for an event trigger). */
export function commandKeys(trigger: RuleTrigger | undefined): string[] {
  if (trigger?.command === undefined) return [];
  return [...new Set([trigger.command, ...(trigger.aliases ?? [])].map((word) => word.toLowerCase()))];
}

/** Whether a command trigger matches the event (a chat message of one of its sources starting with one of its names). */
export function commandMatches(trigger: RuleTrigger, event: StreamEvent): boolean {
  if (trigger.command === undefined) return false;
  if (trigger.sources !== undefined && !trigger.sources.includes(event.source)) return false;
  const message = chatMessageOf(event);
  const head = message === undefined ? undefined : commandHead(message);
  if (head === undefined) return false;
  const names = [trigger.command, ...(trigger.aliases ?? [])];
  return trigger.caseSensitive ? names.includes(head) : names.some((name) => name.toLowerCase() === head.toLowerCase());
}

type ArgsMatcher = (line: { args: string[]; rest: string }) => CommandArgs | undefined;

function argsMatcher(args: NonNullable<RuleTrigger['args']>): ArgsMatcher {
  if (args.regex !== undefined) {
    const regex = new RegExp(args.regex, 'u');
    return (line) => matchRegex(regex, line.rest);
  }
  const parsed = parseUsagePattern(args.pattern ?? '');
  const tokens: UsageToken[] = 'tokens' in parsed ? parsed.tokens : [];
  return (line) => matchUsage(tokens, line);
}

/** The usage text of a command: its own, or `Usage: !dice <sides:int>` built from the pattern. */
export function usageOf(trigger: RuleTrigger): string | undefined {
  const args = trigger.args;
  if (!args || trigger.command === undefined) return undefined;
  if (args.usage !== undefined) return args.usage;
  if (args.pattern !== undefined) return `Usage: ${trigger.command} ${args.pattern}`.trimEnd();
  return `Usage: ${trigger.command} (arguments matching /${args.regex ?? ''}/)`;
}

/** Compiles a command trigger; `undefined` for an event trigger or none. */
export function compileCommand(trigger: RuleTrigger | undefined): CompiledCommand | undefined {
  if (trigger?.command === undefined) return undefined;
  const command = trigger.command;
  const keys = commandKeys(trigger);
  const matcher = trigger.args ? argsMatcher(trigger.args) : undefined;
  const usage = usageOf(trigger);
  const permission = trigger.permission as Permission | undefined;
  const base = (event: StreamEvent) => {
    if (!commandMatches(trigger, event)) return undefined;
    const line = parseCommandLine(chatMessageOf(event) ?? '');
    if (!line) return undefined;
    const scope: CommandScope = { name: command, invoked: line.head, args: positionalArgs(line) };
    if (usage !== undefined) scope.usage = usage;
    return { line, scope };
  };
  const withNamed = (event: StreamEvent) => {
    const found = base(event);
    if (!found) return undefined;
    const named = matcher?.(found.line);
    if (named) found.scope.args = { ...named, ...found.scope.args };
    return { ...found, named };
  };
  return {
    keys,
    scope: (event) => withNamed(event)?.scope,
    argsFit: (event) => {
      const found = matcher && withNamed(event);
      return found ? found.named !== undefined : undefined;
    },
    check(event) {
      const found = withNamed(event);
      if (!found) return { kind: 'no-match' };
      if (permission !== undefined && permission !== 'everyone') {
        const check = checkPermission(permission, event);
        if (!check.allowed) return { kind: 'forbidden', scope: found.scope, permission: check };
      }
      if (matcher && !found.named) return { kind: 'usage', scope: found.scope, usage: usage ?? '' };
      return { kind: 'ok', scope: found.scope };
    },
  };
}

/** What `explain` shows of a command rule. */
export interface CommandExplanation {
  /** Whether the event is this command (a chat message of its sources starting with one of its names). */
  matched: boolean;
  /** The command scope (`command.*`, `args.*`) the event gives, when it matched. */
  scope?: CommandScope;
  /** The permission check (absent when the command has no permission or it is `everyone`). */
  permission?: PermissionCheck;
  /** Whether the arguments fit the pattern (absent when the command has no `args`). */
  argsMatched?: boolean;
  /** Why it would not run, in words. */
  reasons: string[];
}

/** Explains how the event meets a command rule (no side effects). */
export function explainCommand(trigger: RuleTrigger, compiled: CompiledCommand, event: StreamEvent): CommandExplanation {
  const scope = compiled.scope(event);
  if (!scope) {
    const names = [trigger.command, ...(trigger.aliases ?? [])].join(', ');
    return {
      matched: false,
      reasons: [
        `the event is not the command ${names} (a chat message${trigger.sources ? ` on ${trigger.sources.join(', ')}` : ''} starting with it)`,
      ],
    };
  }
  const out: CommandExplanation = { matched: true, scope, reasons: [] };
  const permission = trigger.permission as Permission | undefined;
  if (permission !== undefined && permission !== 'everyone') {
    out.permission = checkPermission(permission, event);
    if (!out.permission.allowed) out.reasons.push(`forbidden: ${out.permission.reason ?? ''}`);
  }
  if (trigger.args) {
    out.argsMatched = compiled.argsFit(event) === true;
    if (!out.argsMatched) out.reasons.push(`the arguments do not fit: ${scope.usage ?? ''}`);
  }
  return out;
}
