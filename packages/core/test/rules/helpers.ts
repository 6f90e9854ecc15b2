import { createEvent, EventBus, RuleEngine, type RuleEngineOptions, type RuleInput, type StreamEvent, type StreamUser } from '@vmsc/core';

let counter = 0;

/** A rule with a fresh id and name, overridable. */
export function rule(overrides: Partial<RuleInput> = {}): RuleInput {
  counter++;
  return {
    id: crypto.randomUUID(),
    name: `rule ${counter}`,
    trigger: { types: ['gift'] },
    actions: [{ type: 'call', action: 'record' }],
    ...overrides,
  };
}

export const rosefan: StreamUser = { id: '7034582914412233733', username: 'rosefan.88', nickname: 'Rose Fan' };

/** A TikTok gift event. */
export function gift(
  data: Partial<{ giftName: string; giftId: number; diamondCount: number; repeatCount: number; repeatEnd: boolean }> = {},
  user: StreamUser = rosefan,
): StreamEvent {
  return createEvent({
    source: 'tiktok',
    type: 'gift',
    user,
    data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 1, repeatEnd: true, ...data },
  });
}

/** A Twitch chat event. */
export function chat(message: string, user: StreamUser = { id: '41245072', username: 'viewer1', nickname: 'Viewer1' }): StreamEvent {
  return createEvent({ source: 'twitch', type: 'chat', user, data: { message } });
}

/** A bus, an engine, and a `record` action collecting what it was called with. */
export function setup(options: Partial<RuleEngineOptions> = {}) {
  const bus = new EventBus();
  const engine = new RuleEngine({ bus, logger: () => undefined, ...options });
  const calls: Array<{ params: Record<string, unknown>; event: StreamEvent | undefined; rule: string }> = [];
  engine.registerAction('record', (params, context) => {
    calls.push({ params, event: context.event, rule: context.rule.name });
    return 'ok';
  });
  return { bus, engine, calls };
}
