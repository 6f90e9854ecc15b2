import type { JsonValue } from './json.js';

/**
 * The chat command parser: splits a chat message into the command word and its arguments, and
 * matches the arguments against a command's usage grammar (`<sides:int> [label...]`) or regex.
 * Pure functions; arbitrary text never throws.
 *
 * @packageDocumentation
 */

/** A chat message split into its first word and the arguments after it. */
export interface CommandLine {
  /** The first whitespace-separated word, as typed (`!Dice`). */
  head: string;
  /** The words after it, in order (split on any whitespace; no quoting). */
  args: string[];
  /** Everything after the first word, surrounding whitespace trimmed, inner spacing kept. */
  rest: string;
}

const SPACE = /\s+/u;

/** Splits a chat message into its first word and arguments; `undefined` for a blank message. */
export function parseCommandLine(message: string): CommandLine | undefined {
  const text = message.trim();
  if (text.length === 0) return undefined;
  const match = SPACE.exec(text);
  if (!match) return { head: text, args: [], rest: '' };
  const head = text.slice(0, match.index);
  const rest = text.slice(match.index).trim();
  return { head, args: rest.length === 0 ? [] : rest.split(SPACE), rest };
}

/** The first word of a chat message (`undefined` for a blank one), without splitting the rest. */
export function commandHead(message: string): string | undefined {
  const text = message.trimStart();
  if (text.length === 0) return undefined;
  const match = SPACE.exec(text);
  return match ? text.slice(0, match.index) : text;
}

/** The type of a usage-grammar parameter: any word, an integer, or a number. */
export type ArgType = 'word' | 'int' | 'number';

/** One token of a usage grammar. */
export type UsageToken =
  { kind: 'literal'; text: string } | { kind: 'param'; name: string; type: ArgType; optional: boolean; rest: boolean };

/** The arguments a command exposes to conditions and templates (`args.0`, `args.rest`, `args.count`, named). */
export type CommandArgs = Record<string, JsonValue>;

const PARAM = /^([<[])([A-Za-z_][A-Za-z0-9_]*)(?::(word|int|number))?(\.\.\.)?([>\]])$/;
const RESERVED = new Set(['rest', 'count']);

/**
 * Parses a usage grammar: space-separated tokens, each `<name>` (required word), `[name]` (optional),
 * `<name:int>` / `<name:number>` (typed), `<name...>` / `[name...]` (the rest of the line, last only)
 * or a literal word (`add`, matched case-insensitively). Required parameters come before optional ones.
 *
 * @returns the tokens, or a message saying what is wrong.
 */
export function parseUsagePattern(pattern: string): { tokens: UsageToken[] } | { problem: string } {
  const parts = pattern.trim().length === 0 ? [] : pattern.trim().split(SPACE);
  const tokens: UsageToken[] = [];
  const names = new Set<string>();
  let optionalSeen = false;
  for (const [index, part] of parts.entries()) {
    if (tokens.some((token) => token.kind === 'param' && token.rest))
      return { problem: `"${part}" follows a rest parameter (it must be last)` };
    if (!/[<>[\]]/.test(part)) {
      if (optionalSeen) return { problem: `literal "${part}" follows an optional parameter` };
      tokens.push({ kind: 'literal', text: part });
      continue;
    }
    const match = PARAM.exec(part);
    if (!match || (match[1] === '<') !== (match[5] === '>')) {
      return { problem: `token ${index + 1} "${part}" is not <name>, [name], <name:int>, <name:number> or <name...>` };
    }
    const name = match[2]!;
    if (RESERVED.has(name)) return { problem: `parameter name "${name}" is reserved (args.rest, args.count)` };
    if (names.has(name)) return { problem: `parameter "${name}" appears twice` };
    names.add(name);
    const optional = match[1] === '[';
    if (!optional && optionalSeen) return { problem: `required parameter "${name}" follows an optional one` };
    optionalSeen ||= optional;
    tokens.push({ kind: 'param', name, type: (match[3] as ArgType | undefined) ?? 'word', optional, rest: match[4] !== undefined });
  }
  return { tokens };
}

const INT = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function convert(word: string, type: ArgType): JsonValue | undefined {
  if (type === 'word') return word;
  if (type === 'int') {
    if (!INT.test(word)) return undefined;
    const value = Number(word);
    return Number.isSafeInteger(value) ? value : undefined;
  }
  if (!NUMBER.test(word)) return undefined;
  const value = Number(word);
  return Number.isFinite(value) ? value : undefined;
}

/** The positional arguments of a line: `0`, `1`... (strings), `rest` and `count`. */
export function positionalArgs(line: Pick<CommandLine, 'args' | 'rest'>): CommandArgs {
  const args: CommandArgs = { rest: line.rest, count: line.args.length };
  line.args.forEach((word, index) => {
    args[index] = word;
  });
  return args;
}

/**
 * Matches a line's arguments against usage tokens: the named parameters (typed values; an absent
 * optional one is left out), or `undefined` when they do not fit (missing, extra, wrong type).
 */
export function matchUsage(tokens: readonly UsageToken[], line: Pick<CommandLine, 'args' | 'rest'>): CommandArgs | undefined {
  const named: CommandArgs = {};
  const words = line.args;
  for (const [index, token] of tokens.entries()) {
    const word = words[index];
    if (token.kind === 'literal') {
      if (word === undefined || word.toLowerCase() !== token.text.toLowerCase()) return undefined;
      continue;
    }
    if (word === undefined) {
      if (token.optional) return named;
      return undefined;
    }
    if (token.rest) {
      const values = words.slice(index).map((item) => convert(item, token.type));
      if (values.some((value) => value === undefined)) return undefined;
      named[token.name] = token.type === 'word' ? words.slice(index).join(' ') : (values as JsonValue[]);
      return named;
    }
    const value = convert(word, token.type);
    if (value === undefined) return undefined;
    named[token.name] = value;
  }
  return words.length > tokens.length ? undefined : named;
}

/** Matches `args.rest` against a regex: its named groups (absent ones left out), or `undefined` when it does not match. */
export function matchRegex(regex: RegExp, rest: string): CommandArgs | undefined {
  const match = regex.exec(rest);
  if (!match) return undefined;
  const named: CommandArgs = {};
  for (const [name, value] of Object.entries(match.groups ?? {})) if (value !== undefined) named[name] = value;
  return named;
}
