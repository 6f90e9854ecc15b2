import { afterEach, describe, expect, it } from 'vitest';
import type { RuleRunResult, StreamEvent } from '@vmsc/core';
import { closeAllFakes, startTikTokFake, tiktokFakeViewer, tiktokGiftMessage, waitUntil, type TikTokFake } from '@vmsc/testing';
import { start, type GiftAction, type GiftBot } from './bot.js';

let bot: GiftBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await closeAllFakes();
});

async function startBot(fake: TikTokFake, performed: GiftAction[], runs: RuleRunResult[] = []) {
  bot = await start({
    roomId: fake.roomId,
    mappings: [
      { gift: 'Rose', action: 'confetti' },
      { gift: 'Corgi', action: 'bark' },
    ],
    perform: (action) => void performed.push(action),
    onRun: (run) => void runs.push(run),
    connector: { signApi: { url: fake.url }, webBaseUrl: fake.url, webcastBaseUrl: fake.url },
  });
  await fake.waitForEnter();
  return bot;
}

const rose = { giftId: 5655, giftName: 'Rose', giftType: 1, diamondCount: 1 };

describe('examples/tiktok-gift-bot', () => {
  it('fires once per streak, at its end, with the total count (repeatCount 1..5, then repeatEnd)', async () => {
    const fake = await startTikTokFake();
    const performed: GiftAction[] = [];
    const gifts: StreamEvent[] = [];
    const { bus, engine } = await startBot(fake, performed);
    bus.on('gift', (event) => void gifts.push(event));

    const groupId = '1700000000123';
    const steps = [1, 2, 3, 4, 5].map((repeatCount) => tiktokGiftMessage({ ...rose, groupId, repeatCount, repeatEnd: false }));
    fake.sendBatch(steps.slice(0, 2));
    fake.sendBatch(steps.slice(2));
    await waitUntil(() => gifts.length === 5, 'the five streak steps');
    await engine.idle();
    expect(performed).toEqual([]); // nothing while the streak runs

    fake.sendBatch([tiktokGiftMessage({ ...rose, groupId, repeatCount: 5, repeatEnd: true })]);
    await waitUntil(() => performed.length === 1, 'the streak-end action');
    expect(performed[0]).toEqual({
      action: 'confetti',
      gift: 'Rose',
      count: 5,
      diamonds: 5,
      nickname: tiktokFakeViewer.nickname,
      userId: tiktokFakeViewer.id,
    });
    expect(gifts.map((event) => (event.type === 'gift' ? [event.data.repeatCount, event.data.repeatEnd] : []))).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [5, true],
    ]);
  });

  it('runs two viewers’ interleaved streaks separately, fires a non-streakable gift at once, ignores unmapped gifts', async () => {
    const fake = await startTikTokFake();
    const performed: GiftAction[] = [];
    const runs: RuleRunResult[] = [];
    const { engine } = await startBot(fake, performed, runs);
    const other = { ...tiktokFakeViewer, id: '7000000000000000002', uniqueId: 'second_viewer', nickname: 'Second Viewer' };

    fake.sendBatch([
      tiktokGiftMessage({ ...rose, groupId: '1', repeatCount: 1, repeatEnd: false }),
      tiktokGiftMessage({ ...rose, groupId: '2', user: other, repeatCount: 1, repeatEnd: false }),
      tiktokGiftMessage({ ...rose, groupId: '2', user: other, repeatCount: 2, repeatEnd: false }),
      tiktokGiftMessage({ ...rose, groupId: '1', repeatCount: 2, repeatEnd: false }),
      tiktokGiftMessage({ giftId: 6267, giftName: 'Corgi', giftType: 2, diamondCount: 299, repeatCount: 1, repeatEnd: false }),
      tiktokGiftMessage({ giftId: 5827, giftName: 'Ice Cream Cone', giftType: 1, diamondCount: 1, repeatCount: 1, repeatEnd: true }),
      tiktokGiftMessage({ ...rose, groupId: '2', user: other, repeatCount: 2, repeatEnd: true }),
      tiktokGiftMessage({ ...rose, groupId: '1', repeatCount: 3, repeatEnd: true }),
    ]);
    await waitUntil(() => performed.length === 3, 'three actions');
    await engine.idle();
    expect(performed.map(({ action, nickname, userId, count, diamonds }) => [action, nickname, userId, count, diamonds])).toEqual([
      ['bark', tiktokFakeViewer.nickname, tiktokFakeViewer.id, 1, 299],
      ['confetti', 'Second Viewer', other.id, 2, 2],
      ['confetti', tiktokFakeViewer.nickname, tiktokFakeViewer.id, 3, 3],
    ]);
    expect(runs.every((run) => run.outcome === 'completed')).toBe(true);
  });
});
