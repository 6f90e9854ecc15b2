import { describe, expect, it } from 'vitest';
import { ChatRateLimitedError, type StreamEvent } from '@vmsc/core';
import { Hub } from '../src/hub/hub.js';
import type { HubView } from '../src/view/hub-view.js';

function recordingView(lines: string[]): HubView {
  return {
    connectorStatus: (id, _source, status) => void lines.push(`status ${id} ${status}`),
    event: (event: StreamEvent) => void lines.push(`event ${event.type}`),
    ruleRun: (line) => void lines.push(`run ${line}`),
    ruleMessage: (rule, message) => void lines.push(`run ${rule}: ${message}`),
    error: (origin, message) => void lines.push(`error ${origin}: ${message}`),
    info: (message) => void lines.push(`info ${message}`),
    close: () => undefined,
  };
}

describe('the hub view of chat-out notices', () => {
  it('shows what waits in a chat outbox and what was not sent', async () => {
    const lines: string[] = [];
    const hub = new Hub({ view: recordingView(lines), server: false, journalDir: false });
    await hub.start();
    try {
      hub.bus.notify({ kind: 'chat-waiting', connector: 'twitch', waiting: 3, delayMs: 1500, reason: 'rate-limit' });
      hub.bus.notify({
        kind: 'chat-dropped',
        connector: 'twitch',
        error: new ChatRateLimitedError('Twitch refused the message: rate limited', { retryAfterMs: 1000 }),
        waiting: 2,
      });
      expect(lines).toContain('info twitch: 3 chat message(s) wait 1500 ms (rate-limit)');
      expect(lines).toContain('error twitch: chat message not sent: Twitch refused the message: rate limited');
    } finally {
      await hub.stop();
    }
  });
});
