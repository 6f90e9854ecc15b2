import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  canSendChat,
  ChatNotAllowedError,
  createEvent,
  EventBus,
  TimeoutError,
  type BusNotice,
  type StreamEvent,
} from '@vmsc/core';
import { closeAllFakes, multistreamerFixtures, startMultistreamerFake, waitUntil, type MultistreamerFakeOptions } from '@vmsc/testing';
import { MultistreamerClient } from '../src/index.js';
import { normalizeChat, sourceFor } from '../src/presets/multistreamer/normalize.js';

let client: MultistreamerClient | undefined;
afterEach(async () => {
  await client?.disconnect();
  client = undefined;
  await closeAllFakes();
});

async function setup(
  options: MultistreamerFakeOptions = {},
  clientOptions: Partial<ConstructorParameters<typeof MultistreamerClient>[0]> = {},
) {
  const fake = await startMultistreamerFake(options);
  const bus = new EventBus();
  const events: StreamEvent[] = [];
  const notices: BusNotice[] = [];
  bus.onAny((event) => void events.push(event));
  bus.onNotice((notice) => void notices.push(notice));
  client = new MultistreamerClient({
    bus,
    url: fake.url,
    token: fake.token,
    backoff: { initialDelayMs: 20, jitterMs: 0 },
    ...clientOptions,
  });
  await client.connect();
  await fake.waitForMessage('status');
  return { fake, bus, events, notices, client };
}

describe('MultistreamerClient (spec 004 shapes, played by the local fake)', () => {
  it('connects to /ws/:id with ?token= and asks for the status; live accounts become stream_online', async () => {
    const { fake, events } = await setup();
    expect(fake.requests[0]!.url).toBe(`/ws/21?token=${fake.token}`);
    await waitUntil(() => events.length === 1, 'stream_online');
    expect(events[0]).toMatchObject({ type: 'stream_online', source: 'twitch', meta: { platform: 'twitch', channel: 'jprjrdev' } });
    expect(client!.accounts['17']).toMatchObject({ name: 'gamethattunedev', ready: false });
  });

  it('"Stream ends": accounts that stopped or vanished become stream_offline; nothing is repeated', async () => {
    const { fake, events } = await setup();
    await waitUntil(() => events.length === 1, 'stream_online');
    fake.setStatus(multistreamerFixtures.streamGoesLive);
    fake.setStatus(multistreamerFixtures.streamEnds);
    await waitUntil(() => events.length === 2, 'stream_offline');
    expect(events[1]).toMatchObject({ type: 'stream_offline', source: 'twitch', meta: { channel: 'jprjrdev' } });
  });

  it('maps text and emote messages to chat of the network, emotes flagged', async () => {
    const { fake, events } = await setup();
    await waitUntil(() => events.length === 1, 'status');
    fake.sendFixture('twitchText');
    fake.sendFixture('twitchEmote');
    fake.sendFixture('ircText');
    fake.sendFixture('ircPrivateText');
    await waitUntil(() => events.length === 5, 'four chats');
    const [twitch, emote, irc, whisper] = events.slice(1);
    expect(twitch).toMatchObject({
      type: 'chat',
      source: 'twitch',
      user: { id: '146521877', username: 'gamethattunedev', nickname: 'gamethattunedev' },
      data: { message: "here's a message from twitch Kappa" },
      meta: { platform: 'twitch', channel: 'jprjrdev' },
    });
    expect(twitch!.data).not.toHaveProperty('isEmote');
    expect(emote).toMatchObject({ type: 'chat', source: 'twitch', data: { message: 'is loving this', isEmote: true } });
    expect(irc).toMatchObject({
      type: 'chat',
      source: 'irc',
      user: { id: '2', username: 'test' },
      data: { message: 'yay' },
      meta: { channel: 'john' },
    });
    expect(whisper).toMatchObject({ source: 'irc', data: { message: 'hey ban this guy', isPrivate: true } });
  });

  it('maps viewcountresult to viewer_count (source multistreamer when the platform catalogue lacks the type)', async () => {
    const { events } = await setup({ viewerCount: 42 });
    await waitUntil(() => events.length === 1, 'status');
    client!.requestViewCount();
    await waitUntil(() => events.length === 2, 'viewer_count');
    expect(events[1]).toMatchObject({
      type: 'viewer_count',
      source: 'multistreamer',
      data: { viewerCount: 42 },
      meta: { platform: 'twitch', channel: 'jprjrdev' },
    });
    expect(sourceFor('twitch', 'viewer_count')).toBe('multistreamer');
    expect(sourceFor('twitch', 'chat')).toBe('twitch');
    expect(sourceFor('irc', 'viewer_count')).toBe('irc');
  });

  it('publishes unknown message types as unknown, and reports malformed frames', async () => {
    const { fake, events, notices } = await setup();
    await waitUntil(() => events.length === 1, 'status');
    fake.send({ type: 'newthing', x: 1 });
    fake.sendRaw('{oops');
    await waitUntil(() => events.length === 2 && notices.some((n) => n.kind === 'error'), 'unknown + error');
    expect(events[1]).toMatchObject({
      type: 'unknown',
      source: 'multistreamer',
      data: { kind: 'newthing', payload: { type: 'newthing', x: 1 } },
    });
    expect(notices.find((n) => n.kind === 'error')).toMatchObject({ error: { code: 'MALFORMED_FRAME' } });
  });

  it('sendChat from a writable but not ready account sends writer, waits for writerresult, then text', async () => {
    const { fake } = await setup({ writerDelayMs: 30 });
    await client!.sendChat("Here's one where I'm not the streaming account", { accountId: 17, streamAccountId: 14 });
    await fake.waitForMessage('text');
    const sent = fake.received.filter((message) => message.type !== 'status');
    expect(sent).toEqual([
      { type: 'writer', account_id: 17, cur_stream_account_id: 14 },
      { type: 'text', account_id: 17, cur_stream_account_id: 14, text: "Here's one where I'm not the streaming account" },
    ]);
    await client!.sendChat('again', { accountId: 17, streamAccountId: 14 });
    await fake.waitForMessage('text');
    expect(fake.received.filter((message) => message.type === 'writer')).toHaveLength(1);
  });

  it('sendChat from a ready account sends text (or emote) directly, to the live account by default', async () => {
    const { fake } = await setup();
    await client!.sendChat('Sending a message!!!');
    await client!.sendChat('waves', { emote: true });
    await waitUntil(() => fake.received.length >= 3, 'two messages');
    expect(fake.received.slice(1)).toEqual([
      { type: 'text', account_id: 14, cur_stream_account_id: 14, text: 'Sending a message!!!' },
      { type: 'emote', account_id: 14, cur_stream_account_id: 14, text: 'waves' },
    ]);
  });

  it('declares it sends (no threaded replies); replyTo answers on the stream account the event came from', async () => {
    const bothLive = structuredClone(multistreamerFixtures.streamGoesLive);
    bothLive.accounts['0']!.live = true;
    const { fake, events } = await setup({ status: bothLive });
    expect(client!.capabilities).toEqual({ chat: { send: true, reply: false } });
    expect(canSendChat(client!)).toBe(true);
    expect(client!.chatLimits).toEqual({ lengthUnit: 'code-points' });
    fake.send(multistreamerFixtures.ircText);
    await waitUntil(() => events.some((e) => e.type === 'chat'), 'the irc chat');
    const question = events.find((e) => e.type === 'chat')!;
    await client!.sendChat('answer on irc', { replyTo: question });
    const fromTwitch = createEvent({
      source: 'twitch',
      type: 'chat',
      user: { id: '5', username: 'v', nickname: 'v' },
      data: { message: '!dice' },
      meta: { platform: 'twitch', channel: 'jprjrdev' },
    });
    await client!.sendChat('answer on twitch', { replyTo: fromTwitch });
    await waitUntil(() => fake.received.filter((m) => m.type === 'text').length === 2, 'two texts');
    expect(fake.received.filter((m) => m.type === 'text')).toEqual([
      { type: 'text', account_id: 0, cur_stream_account_id: 0, text: 'answer on irc' },
      { type: 'text', account_id: 14, cur_stream_account_id: 14, text: 'answer on twitch' },
    ]);
  });

  it('sendChat fails clearly: no writerresult in time, unknown account, not writable, not connected', async () => {
    const notWritable = structuredClone(multistreamerFixtures.streamGoesLive);
    notWritable.accounts['0']!.writable = false;
    await setup({ grantWriters: false, status: notWritable }, { writerTimeoutMs: 50 });
    await expect(client!.sendChat('x', { accountId: 17, streamAccountId: 14 })).rejects.toBeInstanceOf(TimeoutError);
    await expect(client!.sendChat('x', { accountId: 99 })).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    await expect(client!.sendChat('x', { accountId: 0, streamAccountId: 0 })).rejects.toMatchObject({ code: 'NOT_WRITABLE' });
    await expect(client!.sendChat('x', { accountId: 0, streamAccountId: 0 })).rejects.toBeInstanceOf(ChatNotAllowedError);
    await client!.disconnect();
    await expect(client!.sendChat('x')).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
  });

  it('a wrong token stops in "error" (the API answers HTTP 401)', async () => {
    const fake = await startMultistreamerFake();
    client = new MultistreamerClient({ bus: new EventBus(), url: fake.url, token: 'wrong' });
    await expect(client.connect()).rejects.toBeInstanceOf(AuthError);
    expect(client.status).toBe('error');
  });

  it('after a dropped connection it reconnects, asks for the status again and reports a gap', async () => {
    const { fake, notices } = await setup();
    fake.dropAll();
    await waitUntil(() => client!.status === 'reconnecting', 'reconnecting');
    await waitUntil(() => client!.status === 'connected', 'connected again');
    await fake.waitForMessage('status');
    await waitUntil(() => notices.some((n) => n.kind === 'gap'), 'a gap notice');
  });

  it('normalizeChat is pure: the same raw message gives the same event apart from id and timestamp', () => {
    const a = normalizeChat(multistreamerFixtures.twitchText, {}, 1);
    const b = normalizeChat(multistreamerFixtures.twitchText, {}, 1);
    expect(a.ok && b.ok && { ...a.event, id: '' }).toEqual(b.ok && { ...b.event, id: '' });
  });
});
