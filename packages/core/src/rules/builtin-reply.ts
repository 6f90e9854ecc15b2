import { z } from 'zod';
import { lazyShape } from '../util/lazy-shape.js';
import type { ValidationIssue } from '../errors.js';
import { canSendChat, type Connector } from '../connector/connector.js';
import type { ChatSender } from '../connector/chat.js';
import type { Action } from './actions.js';
import { templated } from './builtin.js';
import { defineAction, type ActionDefinition } from './definition.js';
import { RuleActionError } from './errors.js';
import { walkRuleActions } from './references.js';
import type { Rule } from './rule-schema.js';
import { stringify } from './templates.js';
import { formatPath } from './validate-issues.js';

/**
 * The `reply` action: `{ "type": "reply", "text": "<template>", "connector"?: "<connector id>" }`
 * sends the rendered text to the connector the event came from (or the named one) through the
 * chat-out contract (`sendChat(text, { replyTo: event })`), never by importing a connector.
 *
 * @packageDocumentation
 */

/** The schema of a `reply` action. */
export const replyActionSchema = z.strictObject(
  lazyShape(() => ({
    type: z.literal('reply'),
    /** The message: a template (`"@{{user.username}} rolled {{vars.dice}}"`), rendered against the run. */
    text: templated(z.string().min(1)),
    /** The id of the connector to send through (`"twitch:mychannel"`); default: the one whose `source` is the event's. */
    connector: z.string().min(1).optional(),
  })),
);

/** A `reply` action, as validated. */
export type ReplyAction = z.output<typeof replyActionSchema>;

/** What a `reply` action's record holds as `output` when it was sent. */
export interface ReplyOutput {
  /** The id of the connector it was sent through. */
  connector: string;
  /** The platform's id of the sent message, when it gives one. */
  messageId?: string;
  /** Whether it was sent as a threaded reply to the event (`capabilities.chat.reply`). */
  threaded: boolean;
}

/**
 * The connectors `reply` actions may send through: a list, or a function returning the current list
 * (for an application whose connectors come and go). Only connectors with
 * `capabilities.chat.send` (see `canSendChat`) are used.
 */
export type ReplyConnectors = readonly Connector[] | (() => readonly Connector[]);

function listOf(connectors: ReplyConnectors): readonly Connector[] {
  return typeof connectors === 'function' ? connectors() : connectors;
}

type Resolved = { sender: Connector & ChatSender } | { fail: string } | { skip: string };

function resolve(connectors: readonly Connector[], action: ReplyAction, source: string | undefined): Resolved {
  if (action.connector !== undefined) {
    const named = connectors.find((connector) => connector.id === action.connector);
    if (!named) return { fail: `no connector with id ${JSON.stringify(action.connector)} is known to the engine` };
    if (!canSendChat(named)) return { fail: `connector ${JSON.stringify(named.id)} cannot send chat (capabilities.chat.send is false)` };
    return { sender: named };
  }
  if (source === undefined) return { skip: 'no event to reply to (name a "connector" to send without one)' };
  const sender = connectors.find((connector) => connector.source === source && canSendChat(connector));
  if (sender && canSendChat(sender)) return { sender };
  return { skip: `no connector for source ${JSON.stringify(source)} can send chat` };
}

/**
 * Builds the `reply` action type: register it with `engine.registerActionType(replyAction(connectors))`,
 * or give the engine its connectors (the `RuleEngine` option `connectors`), which registers it.
 *
 * Outcomes: `ok` with {@link ReplyOutput} (the `messageId`) as the record's output; `failed` with the
 * connector's typed error (`ChatMessageTooLongError`, `ChatRateLimitedError`, `ChatNotAllowedError`,
 * `ChatDroppedError`...) or, for a named connector that is unknown or cannot send, a
 * `RuleActionError` with code `REPLY_NO_CONNECTOR`; `skipped` when no connector of the event's
 * source can send (a TikTok gift answered by a rule triggered by every source).
 *
 * Each send carries `idempotencyKey` `${runId}:${path}`, so a retried run step never sends twice.
 *
 * @example
 * ```ts
 * const engine = new RuleEngine({ bus, actions: [replyAction([twitch, youtube])] });
 * engine.addRule({ id: 'dice', name: 'dice', trigger: { types: ['chat'], sources: ['twitch', 'youtube'] },
 *   conditions: { path: 'data.message', op: '==', value: '!dice' },
 *   actions: [{ type: 'reply', text: '@{{user.username}} rolled a 4' }] });
 * ```
 */
export function replyAction(connectors: ReplyConnectors): ActionDefinition<typeof replyActionSchema> {
  return defineAction({
    type: 'reply',
    schema: replyActionSchema,
    async run(action, context): Promise<ReplyOutput | ReturnType<typeof context.skip>> {
      const resolved = resolve(listOf(connectors), action, context.event?.source);
      if ('skip' in resolved) return context.skip(resolved.skip);
      if ('fail' in resolved) throw new RuleActionError(resolved.fail, context.path, { code: 'REPLY_NO_CONNECTOR' });
      const { sender } = resolved;
      const text = stringify(context.render(action.text));
      const replyTo = context.event;
      const threaded = replyTo !== undefined && replyTo.source === sender.source && sender.capabilities.chat.reply;
      const idempotencyKey = `${context.runId}:${context.path}`;
      // Only an event of the sender's own platform can be replied to (a timer's system event cannot).
      const result = await sender.sendChat(
        text,
        replyTo !== undefined && replyTo.source === sender.source ? { replyTo, idempotencyKey } : { idempotencyKey },
      );
      const output: ReplyOutput = { connector: sender.id, threaded };
      if (result.messageId !== undefined) output.messageId = result.messageId;
      return output;
    },
    preview(action, context) {
      const text = stringify(context.render(action.text));
      const target = action.connector ?? `the ${context.event?.source ?? '(no event)'} connector`;
      const resolved = resolve(listOf(connectors), action, context.event?.source);
      const problem = 'fail' in resolved ? resolved.fail : 'skip' in resolved ? resolved.skip : undefined;
      return problem === undefined
        ? { description: `reply ${JSON.stringify(text)} via ${target}` }
        : { description: `reply ${JSON.stringify(text)} via ${target}`, problem };
    },
  });
}

/**
 * The sources that can send chat: those of the connectors with `capabilities.chat.send`. Pass it
 * as `validateRules(input, { chatSources })`.
 */
export function chatSourcesOf(connectors: ReplyConnectors): string[] {
  return [
    ...new Set(
      listOf(connectors)
        .filter(canSendChat)
        .map((connector) => connector.source),
    ),
  ];
}

/**
 * What `validateRules` needs to check `reply` actions against these connectors: the sources
 * ({@link chatSourcesOf}) and the connector ids that can send chat.
 */
export function chatTargetsOf(connectors: ReplyConnectors): { chatSources: string[]; chatConnectors: string[] } {
  const list = listOf(connectors);
  return { chatSources: chatSourcesOf(list), chatConnectors: list.filter(canSendChat).map((connector) => connector.id) };
}

/**
 * The `reply` actions of `rule` that can never send, as issues by path: without a `connector`, when
 * the rule's trigger names sources and none of them is in `chatSources`; with one, when
 * `chatConnectors` is given and does not hold it.
 */
export function replyProblems(
  rule: Rule,
  chatSources: ReadonlySet<string>,
  chatConnectors: ReadonlySet<string> | undefined,
  prefix: readonly PropertyKey[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const sources = rule.trigger?.sources;
  walkRuleActions(rule, [...prefix], (action: Action, path) => {
    if (action.type !== 'reply') return;
    if (action.connector !== undefined) {
      if (chatConnectors && !chatConnectors.has(action.connector)) {
        issues.push({
          path: formatPath([...path, 'connector']),
          message: `no connector ${JSON.stringify(action.connector)} can send chat`,
        });
      }
      return;
    }
    if (rule.trigger?.timer !== undefined) {
      issues.push({
        path: formatPath(path),
        message: 'a timer rule runs for a system event, which no platform can answer: name the "connector" to post through',
      });
      return;
    }
    if (sources && !sources.some((source) => chatSources.has(source))) {
      issues.push({
        path: formatPath(path),
        message: `the trigger only matches sources that cannot send chat (${sources.join(', ')}); name a "connector" or trigger on a source that can send`,
      });
    }
  });
  return issues;
}
