import { EventBus, isVmscError, type StreamEvent, type VmscError } from '@vmsc/core';
import { generateKickWebhookKeys, KickWebhookSender, startKickApiFake } from '@vmsc/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KICK_WEBHOOK_EVENT_TYPES,
  KICK_WEBHOOK_PUBLIC_KEY,
  KickWebhookReceiver,
  KickWebhookSignatureError,
  loadKickPublicKey,
} from '../src/index.js';
import { EXPECTED_TYPE, PAYLOADS } from './webhook-payloads.js';

const keys = generateKickWebhookKeys();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function setup(options: Partial<ConstructorParameters<typeof KickWebhookReceiver>[0]> = {}) {
  const bus = new EventBus();
  const receiver = new KickWebhookReceiver({ bus, publicKey: keys.publicKey, ...options });
  await receiver.connect();
  cleanups.push(() => receiver.disconnect());
  const events: StreamEvent[] = [];
  const errors: VmscError[] = [];
  bus.onAny((event) => void events.push(event));
  bus.onNotice('error', (notice) => void errors.push(notice.error));
  const sender = new KickWebhookSender(receiver.url!, keys.privateKey);
  return { bus, receiver, events, errors, sender };
}

describe('KickWebhookReceiver', () => {
  it('maps each of the ten documented types', async () => {
    const { events, sender, errors } = await setup();
    for (const type of KICK_WEBHOOK_EVENT_TYPES) {
      const answer = await sender.send({ type, body: PAYLOADS[type] });
      expect(answer.status, type).toBe(200);
    }
    expect(events.map((event) => event.type)).toEqual(KICK_WEBHOOK_EVENT_TYPES.map((type) => EXPECTED_TYPE[type]));
    expect(errors).toEqual([]);
    const [chat, follow, renewal, gifts] = events;
    expect(chat!.data).toMatchObject({
      message: expect.stringContaining('Hello'),
      chatId: 'unique_message_id_123',
      emotes: ['4148074', '37226'],
    });
    expect(chat!.user).toMatchObject({
      id: '987654321',
      username: 'sender_channel',
      nickname: 'sender_name',
      isModerator: true,
      isSubscriber: true,
    });
    expect(follow!.user).toMatchObject({ id: '111', username: 'new-follower', nickname: 'New_Follower' });
    expect(renewal!.data).toEqual({ months: 3 });
    expect(gifts!.data).toMatchObject({ giftCount: 2, gifterUsername: 'Gifter', recipients: ['Lucky_One', 'Lucky_Two'] });
    const kicks = events[9]!;
    expect(kicks.data).toMatchObject({
      giftId: 'rage_quit',
      giftName: 'Rage Quit',
      amount: 500,
      giftType: 'LEVEL_UP',
      tier: 'MID',
      message: 'w',
    });
    expect(events[8]!.data).toMatchObject({ isPermanent: false, durationMinutes: 10 });
    expect(events[7]!.data).toMatchObject({ reason: expect.stringContaining('metadata') });
  });

  it('refuses a bad or missing signature and emits nothing', async () => {
    const { events, errors, sender } = await setup();
    const other = generateKickWebhookKeys();
    const forged = await new KickWebhookSender(sender.url, other.privateKey).send({
      type: 'channel.followed',
      body: PAYLOADS['channel.followed'],
    });
    expect(forged.status).toBe(403);
    const missing = await sender.send({ type: 'channel.followed', body: PAYLOADS['channel.followed'], signature: null });
    expect(missing.status).toBe(401);
    const tampered = await sender.send({ type: 'channel.followed', body: PAYLOADS['channel.followed'], signature: 'AAAA' });
    expect(tampered.status).toBe(403);
    expect(events).toEqual([]);
    expect(errors).toHaveLength(3);
    expect(errors.every((error) => error instanceof KickWebhookSignatureError)).toBe(true);
  });

  it('emits a message id once, also when Kick retries it after a 200', async () => {
    const { events, sender } = await setup();
    const first = await sender.send({ type: 'channel.followed', body: PAYLOADS['channel.followed'] });
    const retry = await sender.send({ type: 'channel.followed', body: PAYLOADS['channel.followed'], messageId: first.messageId });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(JSON.parse(retry.body)).toMatchObject({ duplicate: true });
    expect(events).toHaveLength(1);
  });

  it('answers 400 to malformed JSON and missing headers, 413 to a large body', async () => {
    const { events, errors, sender } = await setup({ maxBodyBytes: 1000 });
    expect((await sender.send({ type: 'channel.followed', body: '{not json' })).status).toBe(400);
    expect((await sender.send({ type: 'channel.followed', body: {}, headers: { 'Kick-Event-Type': undefined } })).status).toBe(400);
    expect((await sender.send({ type: 'channel.followed', body: { pad: 'x'.repeat(2000) } })).status).toBe(413);
    const stale = new Date(Date.now() - 3_600_000).toISOString();
    expect((await sender.send({ type: 'channel.followed', body: PAYLOADS['channel.followed'], timestamp: stale })).status).toBe(400);
    expect(events).toEqual([]);
    expect(errors).toHaveLength(4);
    expect(errors.every((error) => isVmscError(error))).toBe(true);
  });

  it('publishes an unknown type or version as unknown with a reason, and answers 200', async () => {
    const { events, sender } = await setup();
    expect((await sender.send({ type: 'channel.hype.started', body: { a: 1 } })).status).toBe(200);
    expect((await sender.send({ type: 'channel.followed', version: '2', body: PAYLOADS['channel.followed'] })).status).toBe(200);
    expect(events.map((event) => event.type)).toEqual(['unknown', 'unknown']);
    expect(events[0]!.data).toMatchObject({ kind: 'webhook:channel.hype.started@1', reason: expect.stringContaining('not one VMSC maps') });
    expect(events[1]!.data).toMatchObject({ reason: expect.stringContaining('version "2"') });
  });

  it('reports a documented type with missing fields as malformed unknown', async () => {
    const { events, errors, sender } = await setup();
    expect((await sender.send({ type: 'moderation.banned', body: { broadcaster: {} } })).status).toBe(200);
    expect(events[0]!.type).toBe('unknown');
    expect(errors[0]!.message).toContain('banned_user');
  });

  it("loads Kick's real public key and refuses a signature made by another key", async () => {
    expect(loadKickPublicKey(KICK_WEBHOOK_PUBLIC_KEY).asymmetricKeyType).toBe('rsa');
    const { events, sender } = await setup({ publicKey: undefined });
    const answer = await sender.send({ type: 'channel.followed', body: PAYLOADS['channel.followed'] });
    expect(answer.status).toBe(403);
    expect(events).toEqual([]);
  });

  it('fetches the key from the Kick API (GET /public/v1/public-key)', async () => {
    const api = await startKickApiFake({ publicKey: keys.publicKey });
    cleanups.push(() => api.close());
    const { events, sender } = await setup({ publicKeyUrl: api.url, publicKey: undefined });
    expect((await sender.send({ type: 'channel.followed', body: PAYLOADS['channel.followed'] })).status).toBe(200);
    expect(events).toHaveLength(1);
    expect(api.requests.some((request) => request.path === '/public/v1/public-key')).toBe(true);
  });

  it('works mounted in an existing server through handler', async () => {
    const { createServer } = await import('node:http');
    const bus = new EventBus();
    const receiver = new KickWebhookReceiver({ bus, publicKey: keys.publicKey });
    const server = createServer(receiver.handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const port = (server.address() as { port: number }).port;
    const events: StreamEvent[] = [];
    bus.onAny((event) => void events.push(event));
    const answer = await new KickWebhookSender(`http://127.0.0.1:${port}/hooks`, keys.privateKey).send({
      type: 'channel.followed',
      body: PAYLOADS['channel.followed'],
    });
    expect(answer.status).toBe(200);
    expect(events).toHaveLength(1);
  });
});
