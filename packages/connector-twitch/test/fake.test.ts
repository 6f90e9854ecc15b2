import { closeAllFakes, startTwitchFake, twitchProtocolFixtures, type FakeTwitch } from '@vmsc/testing';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

afterEach(closeAllFakes);

function open(
  url: string,
  options: WebSocket.ClientOptions = {},
): Promise<{ socket: WebSocket; frames: Array<Record<string, any>>; closed: Promise<number> }> {
  const socket = new WebSocket(url, options);
  const frames: Array<Record<string, any>> = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString()) as Record<string, any>));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('message', () => resolve({ socket, frames, closed }));
  });
}

async function helix(fake: FakeTwitch, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${fake.helixUrl}${path}`, {
    method,
    headers: { Authorization: 'Bearer test-token', 'Client-Id': fake.clientId, 'Content-Type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const sub = (
  sessionId: string,
  type = 'channel.cheer',
  version = '1',
  condition: Record<string, string> = { broadcaster_user_id: '1337' },
) => ({
  type,
  version,
  condition,
  transport: { method: 'websocket', session_id: sessionId },
});

describe('the fake Twitch (EventSub WebSocket + Helix)', () => {
  it('welcomes with a session, clamps keepalive_timeout_seconds, and closes 4003 when nothing is subscribed in time', async () => {
    const fake = await startTwitchFake({ unusedTimeoutMs: 100, pingIntervalMs: 0 });
    const { frames, closed } = await open(`${fake.eventsubUrl}?keepalive_timeout_seconds=5`);
    expect(frames[0]).toMatchObject({
      metadata: { message_type: 'session_welcome' },
      payload: { session: { status: 'connected', keepalive_timeout_seconds: 10, reconnect_url: null } },
    });
    expect(Object.keys(frames[0]!.payload.session).sort()).toEqual(
      Object.keys(twitchProtocolFixtures.sessionWelcome.payload.session).sort(),
    );
    expect(await closed).toBe(4003);
  });

  it('closes 4001 on any inbound text and 4002 when pongs stop', async () => {
    const fake = await startTwitchFake({ pingIntervalMs: 50 });
    const a = await open(fake.eventsubUrl);
    a.socket.send('hello');
    expect(await a.closed).toBe(4001);
    const b = await open(fake.eventsubUrl, { autoPong: false });
    expect(await b.closed).toBe(4002);
  });

  it('sends keepalives while idle', async () => {
    const fake = await startTwitchFake({ keepaliveSeconds: 0.1, pingIntervalMs: 0 });
    const { frames } = await open(fake.eventsubUrl);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(frames.filter((f) => f.metadata.message_type === 'session_keepalive').length).toBeGreaterThanOrEqual(2);
  });

  it('answers subscription creates like Twitch: 202, 409, 410, 400, 403, 429 limits and costs', async () => {
    const fake = await startTwitchFake({ pingIntervalMs: 0, maxTotalCost: 1 });
    const { frames } = await open(fake.eventsubUrl);
    const sessionId = frames[0]!.payload.session.id as string;
    const created = await helix(fake, 'POST', '/eventsub/subscriptions', sub(sessionId));
    expect(created.status).toBe(202);
    expect(Object.keys(created.body).sort()).toEqual(Object.keys(twitchProtocolFixtures.createSubscriptionResponse202).sort());
    expect(created.body.data[0]).toMatchObject({
      status: 'enabled',
      type: 'channel.cheer',
      cost: 0,
      transport: { method: 'websocket', session_id: sessionId },
    });
    expect((await helix(fake, 'POST', '/eventsub/subscriptions', sub(sessionId))).status).toBe(409);
    expect((await helix(fake, 'POST', '/eventsub/subscriptions', sub(sessionId, 'channel.follow', '1'))).status).toBe(410);
    expect((await helix(fake, 'POST', '/eventsub/subscriptions', sub(sessionId, 'channel.hype_train.begin', '1'))).status).toBe(410);
    expect((await helix(fake, 'POST', '/eventsub/subscriptions', sub('nope'))).body.message).toBe(
      'websocket transport session does not exist or has already disconnected',
    );
    expect(
      (await helix(fake, 'POST', '/eventsub/subscriptions', sub(sessionId, 'channel.cheer', '1', { broadcaster_user_id: '1338' }))).status,
    ).toBe(403);
    // stream.online for another user costs 1; a second one exceeds max_total_cost 1.
    const online = await helix(
      fake,
      'POST',
      '/eventsub/subscriptions',
      sub(sessionId, 'stream.online', '1', { broadcaster_user_id: '1338' }),
    );
    expect(online.body.data[0].cost).toBe(1);
    const over = await helix(
      fake,
      'POST',
      '/eventsub/subscriptions',
      sub(sessionId, 'stream.offline', '1', { broadcaster_user_id: '1338' }),
    );
    expect(over).toMatchObject({ status: 429, body: { message: 'websocket transport subscriptions total cost exceeded' } });
    const list = await helix(fake, 'GET', '/eventsub/subscriptions');
    expect(list.body).toMatchObject({ total: 2, total_cost: 1, max_total_cost: 1 });
  });

  it('refuses a 4th WebSocket transport for the same user with Twitch’s 429 body', async () => {
    const fake = await startTwitchFake({ pingIntervalMs: 0 });
    for (let i = 0; i < 3; i++) {
      const { frames } = await open(fake.eventsubUrl);
      expect((await helix(fake, 'POST', '/eventsub/subscriptions', sub(frames[0]!.payload.session.id))).status).toBe(202);
    }
    const { frames } = await open(fake.eventsubUrl);
    const refused = await helix(fake, 'POST', '/eventsub/subscriptions', sub(frames[0]!.payload.session.id, 'channel.ban'));
    expect(refused).toEqual({ status: 429, body: twitchProtocolFixtures.createSubscriptionTransportsLimit429 });
  });

  it('hands a session over through its reconnect URL, closes the old socket with 4004 after the grace, and revokes', async () => {
    const fake = await startTwitchFake({ pingIntervalMs: 0 });
    const old = await open(fake.eventsubUrl);
    await helix(fake, 'POST', '/eventsub/subscriptions', sub(old.frames[0]!.payload.session.id));
    const url = fake.startReconnect({ graceMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(old.frames.at(-1)).toMatchObject({
      metadata: { message_type: 'session_reconnect' },
      payload: { session: { status: 'reconnecting', reconnect_url: url } },
    });
    const fresh = await open(url);
    expect(fake.enabledSubscriptions()).toHaveLength(1);
    expect(fake.enabledSubscriptions()[0]!.sessionId).toBe(fresh.frames[0]!.payload.session.id);
    expect(await old.closed).toBe(4004);
    fake.notify('channel.cheer');
    fake.revoke('channel.cheer', 'user_removed');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fresh.frames.map((f) => f.metadata.message_type)).toEqual(['session_welcome', 'notification', 'revocation']);
    expect(fresh.frames[2]!.payload.subscription.status).toBe('user_removed');
    const bad = new WebSocket(`${fake.eventsubUrl}?reconnect_id=unknown`);
    expect(await new Promise((resolve) => bad.on('close', resolve))).toBe(4007);
  });

  it('validates tokens and checks the client id', async () => {
    const fake = await startTwitchFake();
    const ok = await fetch(`${fake.authUrl}/validate`, { headers: { Authorization: 'OAuth test-token' } });
    expect(await ok.json()).toMatchObject({ client_id: fake.clientId, user_id: '1337', login: 'cool_user' });
    expect((await fetch(`${fake.authUrl}/validate`, { headers: { Authorization: 'OAuth wrong' } })).status).toBe(401);
    const mismatch = await fetch(`${fake.helixUrl}/users?login=cool_user`, {
      headers: { Authorization: 'Bearer test-token', 'Client-Id': 'other' },
    });
    expect(await mismatch.json()).toMatchObject({ status: 401, message: 'Client ID and OAuth token do not match' });
  });
});
