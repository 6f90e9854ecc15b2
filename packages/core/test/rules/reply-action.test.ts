import {
  BaseConnector,
  ChatMessageTooLongError,
  EventBus,
  RuleActionError,
  RuleEngine,
  ValidationError,
  chatCapabilities,
  checkChatLength,
  replyAction,
  validateRules,
  type ChatLimits,
  type ChatSender,
  type ConnectorCapabilities,
  type SendChatOptions,
  type SendChatResult,
  type StreamEvent,
} from '@vmsc/core';
import { describe, expect, it } from 'vitest';
import { chat, gift, rule } from './helpers.js';

/** A connector of the contract whose sendChat keeps what it sent in memory. */
class MemoryChat extends BaseConnector implements ChatSender {
  readonly chatLimits: ChatLimits = { maxLength: 20, lengthUnit: 'code-points' };
  readonly sent: Array<{ text: string; replyTo?: StreamEvent; idempotencyKey?: string }> = [];
  readonly #caps: ConnectorCapabilities;

  constructor(id: string, source: string, caps: ConnectorCapabilities) {
    super(source, { bus: new EventBus(), id });
    this.#caps = caps;
  }
  override get capabilities(): ConnectorCapabilities {
    return this.#caps;
  }
  async connect(): Promise<void> {}
  async disconnect(): Promise<void> {}
  async sendChat(text: string, options: SendChatOptions = {}): Promise<SendChatResult> {
    checkChatLength(text, this.chatLimits, 'memory');
    this.sent.push({ text, ...options });
    return { messageId: `m${this.sent.length}` };
  }
}

/** A connector that only reads (the BaseConnector default). */
class Reader extends BaseConnector {
  constructor(source: string) {
    super(source, { bus: new EventBus(), id: `${source}:reader` });
  }
  async connect(): Promise<void> {}
  async disconnect(): Promise<void> {}
}

function rig() {
  const twitch = new MemoryChat('twitch:me', 'twitch', chatCapabilities(true));
  const youtube = new MemoryChat('youtube:me', 'youtube', chatCapabilities(false));
  const tiktok = new Reader('tiktok');
  const engine = new RuleEngine({ bus: new EventBus(), logger: () => undefined, connectors: [twitch, youtube, tiktok] });
  return { twitch, youtube, tiktok, engine };
}

describe('the reply action', () => {
  it('sends the rendered text to the connector of the event’s source, as a reply, with the messageId in the record', async () => {
    const { twitch, youtube, engine } = rig();
    engine.addRule(rule({ name: 'dice', trigger: { types: ['chat'] }, actions: [{ type: 'reply', text: '@{{user.username}} hi' }] }));
    const event = chat('!dice');
    const run = await engine.trigger('dice', event);
    expect(run.outcome).toBe('completed');
    expect(run.actions[0]).toMatchObject({
      type: 'reply',
      status: 'ok',
      output: { connector: 'twitch:me', messageId: 'm1', threaded: true },
    });
    expect(twitch.sent).toEqual([{ text: '@viewer1 hi', replyTo: event, idempotencyKey: `${run.runId}:actions[0]` }]);
    expect(youtube.sent).toEqual([]);
  });

  it('a named connector is used even for another source’s event; not threaded there', async () => {
    const { youtube, engine } = rig();
    engine.addRule(rule({ name: 'to yt', trigger: { types: ['chat'] }, actions: [{ type: 'reply', text: 'x', connector: 'youtube:me' }] }));
    const run = await engine.trigger('to yt', chat('hi'));
    expect(run.actions[0]).toMatchObject({ status: 'ok', output: { connector: 'youtube:me', threaded: false } });
    expect(youtube.sent.map((m) => m.text)).toEqual(['x']);
  });

  it('fails with the connector’s typed Chat* error (too long)', async () => {
    const { engine } = rig();
    engine.addRule(
      rule({ name: 'long', trigger: { types: ['chat'] }, actions: [{ type: 'reply', text: '{{data.message}} and more text' }] }),
    );
    const run = await engine.trigger('long', chat('a long message'));
    expect(run.outcome).toBe('failed');
    expect(run.actions[0]?.status).toBe('failed');
    expect(run.actions[0]?.error).toBeInstanceOf(ChatMessageTooLongError);
  });

  it('is skipped when no connector of the event’s source can send; fails for a named connector that cannot', async () => {
    const { engine } = rig();
    engine.addRule(rule({ name: 'any', actions: [{ type: 'reply', text: 'thanks' }] }));
    const skipped = await engine.trigger('any', gift());
    expect(skipped.outcome).toBe('completed');
    expect(skipped.actions[0]).toMatchObject({ status: 'skipped', reason: 'no connector for source "tiktok" can send chat' });
    const dynamic: MemoryChat[] = [];
    const engine2 = new RuleEngine({ bus: new EventBus(), logger: () => undefined, actions: [replyAction(() => dynamic)] });
    engine2.addRule(rule({ name: 'named', actions: [{ type: 'reply', text: 'x', connector: 'kick:me' }] }));
    const failed = await engine2.trigger('named', gift());
    expect(failed.actions[0]?.error).toBeInstanceOf(RuleActionError);
    expect(failed.actions[0]?.error).toMatchObject({ code: 'REPLY_NO_CONNECTOR', actionPath: 'actions[0]' });
  });

  it('explain says where it would reply, and why it could not', () => {
    const { engine } = rig();
    engine.addRule(rule({ name: 'e', trigger: { types: ['chat', 'gift'] }, actions: [{ type: 'reply', text: 'hi {{user.username}}' }] }));
    expect(engine.explain('e', chat('x')).actions[0]).toMatchObject({ description: 'reply "hi viewer1" via the twitch connector' });
    expect(engine.explain('e', gift()).actions[0]).toMatchObject({ problem: 'no connector for source "tiktok" can send chat' });
  });

  it('validation reports, by path, a reply whose trigger only matches sources that cannot send, and a named connector that cannot', () => {
    const { engine } = rig();
    const rules = [
      rule({ name: 'ok', trigger: { types: ['chat'], sources: ['tiktok', 'twitch'] }, actions: [{ type: 'reply', text: 'hi' }] }),
      rule({
        name: 'bad',
        trigger: { types: ['gift'], sources: ['tiktok', 'streamlabs'] },
        actions: [
          { type: 'log', message: 'x' },
          { type: 'if', condition: { path: 'type', op: '==', value: 'gift' }, then: [{ type: 'reply', text: 'hi' }] },
        ],
      }),
      rule({ name: 'named', actions: [{ type: 'reply', text: 'hi', connector: 'tiktok:reader' }] }),
      rule({ name: 'empty', actions: [{ type: 'reply', text: '' }] }),
    ];
    const result = engine.validateRules(rules);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toEqual(['[3].actions[0].text', '[1].actions[1].then[0]', '[2].actions[0].connector']);
    expect(result.issues[1]?.message).toContain('cannot send chat (tiktok, streamlabs)');
    expect(() => engine.addRule(rules[1]!)).toThrow(ValidationError);
    // Without an engine: the sources that can send, as an option.
    const alone = validateRules([rules[1]], { actions: engine.actionRegistry, chatSources: ['twitch'] });
    expect(alone).toMatchObject({ ok: false, issues: [{ path: '[0].actions[1].then[0]' }] });
    expect(validateRules([rules[1]], { actions: engine.actionRegistry }).ok).toBe(true);
  });

  it('is not registered unless the engine is given connectors (or replyAction)', () => {
    const engine = new RuleEngine({ bus: new EventBus(), logger: () => undefined });
    expect(engine.actionRegistry.has('reply')).toBe(false);
    expect(rig().engine.actionRegistry.has('reply')).toBe(true);
  });
});
