/**
 * How a user tests their own bot: start every platform's fake, connect the REAL connectors to them,
 * script viewers' actions, and assert what the bot did. No network, no credentials, no mocks.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EventBus } from '@vmsc/core';
import { KickConnector } from '@vmsc/connector-kick';
import { TikTokConnector } from '@vmsc/connector-tiktok';
import { startAllFakes, waitUntil, type AllFakes } from '@vmsc/testing';
import { startBot } from './bot.js';

let fakes: AllFakes;
let kick: KickConnector;
let tiktok: TikTokConnector;
const said: Array<{ platform: string; text: string }> = [];

beforeAll(async () => {
  fakes = await startAllFakes();
  const bus = new EventBus();
  kick = new KickConnector({ bus, ...fakes.connectionOptions.kick });
  tiktok = new TikTokConnector({ bus, ...fakes.connectionOptions.tiktok });
  startBot({ bus, say: (platform, text) => void said.push({ platform, text }), random: () => 0.5 });
  await Promise.all([kick.connect(), tiktok.connect()]);
});

afterAll(async () => {
  await Promise.all([kick.disconnect(), tiktok.disconnect()]);
  await fakes.close();
});

it('answers !dice in Kick chat, and ignores other messages', async () => {
  await fakes.kick.chat({ username: 'viewer1', content: 'hello' });
  await fakes.kick.chat({ username: 'viewer1', content: '!dice' });
  await waitUntil(() => said.length === 1, 'the dice answer');
  expect(said[0]).toEqual({ platform: 'kick', text: '@viewer1 rolled a 4 🎲' });
});

it('thanks a TikTok gift streak once, when it ends', async () => {
  said.length = 0;
  for (const step of [1, 2, 3])
    await fakes.tiktok.gift({ username: 'rosefan', giftName: 'Rose', repeatCount: step, repeatEnd: step === 3 });
  await waitUntil(() => said.length === 1, 'one thank-you');
  expect(said[0]!.text).toBe('Thank you @rosefan for 3× Rose!');
});

it('keeps working after the connections drop', async () => {
  said.length = 0;
  fakes.kick.dropConnections();
  await waitUntil(() => kick.status === 'reconnecting', 'Kick notices the drop');
  // The scripting call waits until the connector has reconnected and resubscribed.
  await fakes.kick.chat({ username: 'viewer2', content: '!dice please' });
  await waitUntil(() => said.length === 1, 'the dice answer after the reconnect', { timeoutMs: 10_000 });
  expect(said[0]!.text).toBe('@viewer2 rolled a 4 🎲');
}, 15_000);
