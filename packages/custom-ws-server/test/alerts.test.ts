import { afterEach, describe, expect, it } from 'vitest';
import { ActionRegistry, EventBus, RuleEngine, ValidationError, createEvent, validateRules, type Clock } from '@vmsc/core';
import type { OverlayAlert, ServerMessage } from '@vmsc/core/protocol';
import { VmscMirrorClient } from '@vmsc/custom-ws-client';
import { waitUntil } from '@vmsc/testing';
import { AlertQueueFullError, overlayAction } from '../src/index.js';
import { TOKEN, cleanup, connect, opened, startServer, type TestClient } from './helpers.js';

/** A clock whose timers fire when the test advances it. */
class StepClock implements Clock {
  #now = 1_000_000;
  #timers: Array<{ at: number; callback: () => void }> = [];
  now = () => this.#now;
  setTimeout = (callback: () => void, ms: number) => {
    const timer = { at: this.#now + ms, callback };
    this.#timers.push(timer);
    return timer;
  };
  clearTimeout = (handle: unknown) => {
    this.#timers = this.#timers.filter((timer) => timer !== handle);
  };
  advance(ms: number): void {
    this.#now += ms;
    for (;;) {
      const due = this.#timers.filter((timer) => timer.at <= this.#now).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      this.#timers = this.#timers.filter((timer) => timer !== due);
      due.callback();
    }
  }
}

afterEach(() => cleanup());

const isAlert = (message: ServerMessage): message is Extract<ServerMessage, { action: 'alert' }> => message.action === 'alert';

async function overlay(url: string, alerts: boolean): Promise<TestClient> {
  const client = connect(`${url}?token=${TOKEN}`);
  await opened(client);
  client.send({ action: 'subscribe', eventTypes: ['follow'], ...(alerts ? { alerts: true } : {}), requestId: 1 });
  await client.next((message) => message.action === 'subscribe');
  return client;
}

describe('overlay alerts', () => {
  it('go only to connections that subscribed with alerts: true', async () => {
    const { server } = await startServer();
    const plain = await overlay(server.url, false);
    const screen = await overlay(server.url, true);
    expect(screen.messages[0]).toMatchObject({ action: 'subscribe', alerts: true });
    expect(plain.messages[0]).not.toHaveProperty('alerts');
    expect(server.overlayCount).toBe(1);
    const queued = server.showAlert({
      title: 'Alice followed!',
      message: 'welcome',
      imageUrl: 'https://example.com/a.gif',
      soundUrl: 'sounds/ding.mp3',
    });
    expect(queued).toMatchObject({ position: 0, showsInMs: 0 });
    const message = await screen.next(isAlert);
    expect(message).toEqual({
      action: 'alert',
      alert: {
        id: queued.id,
        title: 'Alice followed!',
        message: 'welcome',
        imageUrl: 'https://example.com/a.gif',
        soundUrl: 'sounds/ding.mp3',
        durationMs: 5_000,
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(plain.messages.filter(isAlert)).toEqual([]);
  });

  it('are queued so they never overlap: the next is sent when the one before has had its duration and the gap', async () => {
    const clock = new StepClock();
    const { server } = await startServer({ clock, alertGapMs: 500 });
    const screen = await overlay(server.url, true);
    const a = server.showAlert({ title: 'A', durationMs: 2_000 });
    const b = server.showAlert({ title: 'B', durationMs: 1_000 });
    const c = server.showAlert({ title: 'C' });
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);
    expect([a.showsInMs, b.showsInMs, c.showsInMs]).toEqual([0, 2_500, 4_000]);
    await screen.next(isAlert);
    clock.advance(2_499);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.messages.filter(isAlert).map((m) => m.alert.title)).toEqual(['A']);
    clock.advance(1);
    await screen.count(isAlert, 2);
    clock.advance(1_500);
    const all = await screen.count(isAlert, 3);
    expect(all.map((m) => (m as { alert: OverlayAlert }).alert.title)).toEqual(['A', 'B', 'C']);
    expect(server.pendingAlerts).toBe(0);
  });

  it('refuses an alert past the queue size (typed error, nothing dropped silently) and invalid alerts by path', async () => {
    const clock = new StepClock();
    const { server } = await startServer({ clock, alertQueueSize: 1 });
    server.showAlert({ title: 'on screen' });
    server.showAlert({ title: 'waits' });
    expect(() => server.showAlert({ title: 'one too many' })).toThrow(AlertQueueFullError);
    expect(server.clearAlerts()).toBe(1);
    const invalid = (() => {
      try {
        server.showAlert({ imageUrl: 'javascript:alert(1)' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).issues.map((issue) => issue.path).sort()).toEqual(['imageUrl', 'title']);
  });

  it('reach a VmscMirrorClient with onAlert, typed', async () => {
    const { server } = await startServer();
    const seen: OverlayAlert[] = [];
    const client = new VmscMirrorClient({ bus: new EventBus(), url: server.url, token: TOKEN, onAlert: (alert) => void seen.push(alert) });
    await client.connect();
    server.showAlert({ message: 'hello overlay', durationMs: 1_000 });
    await waitUntil(() => seen.length === 1, 'the alert');
    expect(seen[0]).toMatchObject({ message: 'hello overlay', durationMs: 1_000 });
    await client.disconnect();
  });
});

describe('the overlay rule action', () => {
  const follow = () => createEvent({ source: 'twitch', type: 'follow', user: { id: '7', username: 'alice', nickname: 'Alice' }, data: {} });

  it('shows a templated alert (ok, with its place in the queue), and is skipped when no overlay is connected', async () => {
    const bus = new EventBus();
    const { server } = await startServer({ bus });
    const engine = new RuleEngine({ bus, logger: () => undefined });
    engine.registerActionType(overlayAction(server));
    const rule = engine.addRule({
      id: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091',
      name: 'follow alert',
      trigger: { types: ['follow'] },
      actions: [{ type: 'overlay', title: '{{user.nickname}} followed!', message: 'on {{source}}', durationMs: 3_000 }],
    });
    const nobody = await engine.trigger(rule.id, follow());
    expect(nobody.outcome).toBe('completed');
    expect(nobody.actions[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/no overlay is connected/) });

    const screen = await overlay(server.url, true);
    const run = await engine.trigger(rule.id, follow());
    expect(run.actions[0]).toMatchObject({ status: 'ok', output: { position: 0, overlays: 1 } });
    const message = await screen.next(isAlert);
    expect(message).toMatchObject({ alert: { title: 'Alice followed!', message: 'on twitch', durationMs: 3_000 } });
    engine.close();
  });

  it('is validated by path: a title or a message, bounded duration, well-formed templates', async () => {
    const { server } = await startServer();
    const registry = new ActionRegistry();
    registry.register(overlayAction(server));
    const result = validateRules(
      [
        {
          id: '3c4d5e6f-7081-4923-8b4c-5d6e7f809102',
          name: 'bad',
          actions: [{ type: 'overlay' }, { type: 'overlay', title: 'x', durationMs: 10 }, { type: 'overlay', message: '{{user.nickname' }],
        },
      ],
      { actions: registry },
    );
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
      '[0].actions[0].title',
      '[0].actions[1].durationMs',
      '[0].actions[2].message',
    ]);
  });
});
