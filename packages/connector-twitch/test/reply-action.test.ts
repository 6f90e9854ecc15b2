import { ChatMessageTooLongError, RuleEngine, type RuleRunResult, type StreamEvent } from '@vmsc/core';
import { describe, expect, it } from 'vitest';
import { rigPerTest } from './helpers.js';

const setup = rigPerTest();

/** Resolves with the next `count` run reports of `engine`. */
function runs(engine: RuleEngine, count: number): Promise<RuleRunResult[]> {
  const seen: RuleRunResult[] = [];
  return new Promise((resolve) => {
    const off = engine.onRun((run) => {
      seen.push(run);
      if (seen.length === count) {
        off();
        resolve(seen);
      }
    });
  });
}

describe('the reply action, end to end on the Twitch fake', () => {
  it('a chat message from the fake is answered through the real TwitchConnector as a threaded reply', async () => {
    const { fake, bus, connector } = await setup({ connector: { events: ['chat'] } });
    const engine = new RuleEngine({ bus, logger: () => undefined, connectors: [connector] });
    engine.addRule({
      id: crypto.randomUUID(),
      name: 'answer',
      trigger: { types: ['chat'], sources: ['twitch'] },
      actions: [{ type: 'reply', text: '@{{user.username}} got it' }],
    });
    await connector.connect();
    const heard = new Promise<StreamEvent>((resolve) => bus.onAny((event) => resolve(event)));
    const reported = runs(engine, 1);
    fake.notify('channel.chat.message');
    const event = await heard;
    const [run] = await reported;
    expect(run!.outcome).toBe('completed');
    expect(run!.actions[0]).toMatchObject({ type: 'reply', status: 'ok', output: { connector: connector.id, threaded: true } });
    const sent = fake.chatMessages.map((message) => message.body);
    expect(sent).toEqual([
      {
        broadcaster_id: '1337',
        sender_id: '1337',
        message: `@${event.user.username} got it`,
        reply_parent_message_id: (event.data as { messageId: string }).messageId,
      },
    ]);
    expect((run!.actions[0]!.output as { messageId: string }).messageId).toMatch(/[0-9a-f-]{36}/);
    engine.close();
  });

  it('a reply longer than Twitch’s 500 characters fails the run with ChatMessageTooLongError; nothing is sent', async () => {
    const { fake, bus, connector } = await setup({ connector: { events: ['chat'] } });
    const engine = new RuleEngine({ bus, logger: () => undefined, connectors: [connector] });
    engine.addRule({
      id: crypto.randomUUID(),
      name: 'long',
      trigger: { types: ['chat'] },
      actions: [{ type: 'reply', text: 'x'.repeat(501) }],
    });
    await connector.connect();
    const reported = runs(engine, 1);
    fake.notify('channel.chat.message');
    const [run] = await reported;
    expect(run!.outcome).toBe('failed');
    expect(run!.actions[0]!.error).toBeInstanceOf(ChatMessageTooLongError);
    expect(fake.chatMessages).toHaveLength(0);
  });
});
