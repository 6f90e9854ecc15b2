import { describe, expect, it } from 'vitest';
import {
  BaseConnector,
  ChatDroppedError,
  ChatMessageTooLongError,
  ChatNotAllowedError,
  ChatRateLimitedError,
  EventBus,
  RateLimitedError,
  VmscError,
  canSendChat,
  chatCapabilities,
  chatLength,
  checkChatLength,
  isVmscError,
  type ChatLimits,
  type ChatSender,
  type SendChatOptions,
  type SendChatResult,
} from '@vmsc/core';

class Reader extends BaseConnector {
  constructor() {
    super('reader', { bus: new EventBus() });
  }
  async connect(): Promise<void> {}
  async disconnect(): Promise<void> {}
}

class Sender extends Reader implements ChatSender {
  readonly chatLimits: ChatLimits = { maxLength: 5, lengthUnit: 'code-points' };
  constructor(private readonly allowed: boolean) {
    super();
  }
  override get capabilities() {
    return this.allowed ? chatCapabilities(false) : super.capabilities;
  }
  async sendChat(text: string, _options?: SendChatOptions): Promise<SendChatResult> {
    checkChatLength(text, this.chatLimits, 'test');
    return { messageId: text };
  }
}

describe('the chat-out contract', () => {
  it('BaseConnector cannot send by default; canSendChat needs capabilities.chat.send and sendChat', async () => {
    const reader = new Reader();
    expect(reader.capabilities).toEqual({ chat: { send: false, reply: false } });
    expect(canSendChat(reader)).toBe(false);
    // A sendChat method alone is not enough: the capability decides (an API-key YouTube connector).
    expect(canSendChat(new Sender(false))).toBe(false);
    const sender: BaseConnector = new Sender(true);
    expect(canSendChat(sender)).toBe(true);
    if (canSendChat(sender)) await expect(sender.sendChat('hi')).resolves.toEqual({ messageId: 'hi' });
  });

  it('counts length the way the platform does and refuses too-long text before sending', () => {
    expect(chatLength('a😀', 'utf16')).toBe(3);
    expect(chatLength('a😀', 'code-points')).toBe(2);
    expect(chatLength('aé😀', 'utf8-bytes')).toBe(7);
    expect(() => checkChatLength('😀😀😀😀😀', { maxLength: 5, lengthUnit: 'code-points' })).not.toThrow();
    const error = (() => {
      try {
        checkChatLength('😀😀😀', { maxLength: 5, lengthUnit: 'utf16' }, 'twitch');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ChatMessageTooLongError);
    expect(error).toMatchObject({ code: 'CHAT_MESSAGE_TOO_LONG', limit: 5, length: 6, unit: 'utf16' });
    expect((error as Error).message).toBe('twitch: the chat message is 6 UTF-16 units long; the limit is 5');
    expect(() => checkChatLength('x'.repeat(10_000), { lengthUnit: 'utf16' })).not.toThrow();
  });

  it('typed chat errors are VmscErrors, recognised by name; ChatRateLimitedError is a RateLimitedError', () => {
    const limited = new ChatRateLimitedError('slow down', { retryAfterMs: 1500 });
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({ code: 'CHAT_RATE_LIMITED', retryAfterMs: 1500 });
    expect(isVmscError(limited, 'ChatRateLimitedError') && isVmscError(limited, 'RateLimitedError')).toBe(true);
    const notAllowed = new ChatNotAllowedError('banned', 'forbidden');
    expect(notAllowed).toMatchObject({ code: 'CHAT_NOT_ALLOWED', reason: 'forbidden' });
    const dropped = new ChatDroppedError('msg_duplicate', 'Your message is identical', { platform: 'Twitch' });
    expect(dropped).toMatchObject({ code: 'CHAT_DROPPED', dropCode: 'msg_duplicate', reason: 'Your message is identical' });
    expect(dropped.message).toBe('Twitch dropped the chat message (msg_duplicate): Your message is identical');
    for (const error of [limited, notAllowed, dropped, new ChatMessageTooLongError(1, 2, 'utf16')]) expect(error).toBeInstanceOf(VmscError);
    expect(isVmscError(dropped, 'ChatDroppedError')).toBe(true);
  });
});
