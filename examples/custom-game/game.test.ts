import { afterEach, describe, expect, it } from 'vitest';
import { createEvent, type StreamEvent } from '@vmsc/core';
import { waitUntil } from '@vmsc/testing';
import { Boss, damageFor } from './boss.js';
import { GAME_SOURCE, start, type BossFight } from './game.js';
import { startLocalHub, type LocalHub } from './local-hub.js';

let hub: LocalHub | undefined;
let game: BossFight | undefined;
afterEach(async () => {
  await game?.stop();
  await hub?.close();
  game = undefined;
  hub = undefined;
});

const viewer = (name: string) => ({ id: `id-${name}`, username: name.toLowerCase(), nickname: name });
const chat = (name: string, message: string) => createEvent({ source: 'kick', type: 'chat', user: viewer(name), data: { message } });
const gift = (name: string, repeatCount: number, repeatEnd: boolean) =>
  createEvent({
    source: 'tiktok',
    type: 'gift',
    user: viewer(name),
    data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount, repeatEnd },
  });

describe('examples/custom-game against a real CustomWsServer', () => {
  it('turns chat and gift streaks into damage, injects goal_progress, and fires the defeat rule over triggerRule', async () => {
    const sounds: string[] = [];
    hub = await startLocalHub({ port: 0, playSound: (file) => void sounds.push(file), log: () => undefined });
    const progress: StreamEvent[] = [];
    hub.bus.on('goal_progress', (event) => void progress.push(event));
    const defeats: Array<{ level: number; finisher: string; outcome: string | undefined }> = [];
    game = await start({
      url: hub.url,
      token: hub.token,
      bossHp: 30,
      onDefeat: ({ level, finisher, rule }) => void defeats.push({ level, finisher: finisher.nickname, outcome: rule.outcome }),
    });

    hub.bus.publish(chat('Alice', 'hello')); // no damage, no report
    hub.bus.publish(chat('Alice', '!attack'));
    hub.bus.publish(gift('Carol', 1, false)); // streak in progress: no damage yet
    hub.bus.publish(gift('Carol', 5, true)); // streak end: 5 diamonds
    await waitUntil(() => progress.length === 2, 'two boss reports');
    hub.bus.publish(chat('Bob', '!attack'));
    hub.bus.publish(chat('Alice', '!ATTACK')); // 10 + 10 > 15 left: the kill
    await waitUntil(() => defeats.length === 1, 'the defeat');
    await game.idle();
    await hub.engine.idle();

    expect(progress.map((event) => [event.source, event.user.nickname, event.data])).toEqual([
      [GAME_SOURCE, 'Alice', { goalId: 'boss-1', goalType: 'boss_hp', current: 20, target: 30, status: 'active' }],
      [GAME_SOURCE, 'Carol', { goalId: 'boss-1', goalType: 'boss_hp', current: 15, target: 30, status: 'active' }],
      [GAME_SOURCE, 'Bob', { goalId: 'boss-1', goalType: 'boss_hp', current: 5, target: 30, status: 'active' }],
      [GAME_SOURCE, 'Alice', { goalId: 'boss-1', goalType: 'boss_hp', current: 0, target: 30, status: 'achieved' }],
    ]);
    expect(defeats).toEqual([{ level: 1, finisher: 'Alice', outcome: 'completed' }]);
    expect(sounds).toEqual(['victory.mp3']);
    expect(hub.engine.getVariable('bossesDefeated')).toBe(1);
    expect([game.boss.level, game.boss.hp]).toEqual([2, 45]);
  });

  it('refuses to start with a wrong token or without the defeat rule', async () => {
    hub = await startLocalHub({ port: 0, log: () => undefined });
    await expect(start({ url: hub.url, token: 'not-the-token', onError: () => undefined })).rejects.toThrow(/4401|401/);
    await expect(start({ url: hub.url, token: hub.token, defeatRule: 'No such rule' })).rejects.toThrow('no rule named "No such rule"');
  });
});

describe('examples/custom-game: boss rules', () => {
  it('damage per event, hit points per level', () => {
    expect(damageFor(chat('a', '!attack'))).toBe(10);
    expect(damageFor(chat('a', 'attack!'))).toBe(0);
    expect(damageFor(gift('a', 7, false))).toBe(0);
    expect(damageFor(gift('a', 7, true))).toBe(7);
    expect(damageFor(createEvent({ source: 'twitch', type: 'cheer', user: viewer('a'), data: { bits: 250 } }))).toBe(25);
    const boss = new Boss(100);
    expect(boss.hit(130)).toEqual({ dealt: 100, hp: 0, defeated: true });
    expect(boss.hit(10)).toEqual({ dealt: 0, hp: 0, defeated: false });
    expect([boss.next(100).maxHp, new Boss(100, 3).maxHp]).toEqual([150, 225]);
  });
});
