import { describe, expect, it } from 'vitest';
import { createEvent } from '@vmsc/core';
import { PlainView, TerminalView, createView } from '../src/view/hub-view.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, out: { isTTY, write: (text: string) => chunks.push(text) } };
}

describe('hub views', () => {
  it('plain view writes one uncoloured log line per happening when not a terminal', () => {
    const { chunks, out } = sink(false);
    const view = createView(out);
    expect(view).toBeInstanceOf(PlainView);
    view.connectorStatus('kick:xqc', 'kick', 'connected');
    view.event(createEvent({ source: 'kick', type: 'chat', user: { id: '1', username: 'a', nickname: 'Ann' }, data: { message: 'hi' } }));
    view.error('twitch', 'token expired');
    expect(chunks.join('')).toMatch(/status  kick:xqc \(kick\) connected\n.*event   kick chat: Ann: hi\n.*error   twitch: token expired\n/);
    expect(chunks.join('')).not.toContain('\u001b[');
  });

  it('terminal view draws one coloured status line per connector above the feed', () => {
    const { chunks, out } = sink(true);
    const view = createView(out);
    expect(view).toBeInstanceOf(TerminalView);
    view.connectorStatus('kick:xqc', 'kick', 'connected');
    view.connectorStatus('twitch', 'twitch', 'error', 'missing scopes: bits:read');
    view.event(createEvent({ source: 'tiktok', type: 'like', data: { likeCount: 5, totalLikes: 10 } }));
    view.ruleRun('Thank gifts → ok in 3 ms');
    view.close();
    const screen = chunks.at(-1)!;
    expect(screen).toContain('\u001b[H\u001b[J');
    expect(screen).toMatch(/kick:xqc.*\u001b\[32mconnected/);
    expect(screen).toMatch(/twitch.*\u001b\[31merror.*missing scopes/);
    expect(screen).toContain('1 events, 1 rule runs');
  });
});
