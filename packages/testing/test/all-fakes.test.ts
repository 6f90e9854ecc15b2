import { afterEach, describe, expect, it } from 'vitest';
import { canSendChat, EventBus, isEvent, parseEvent, type Connector, type ConnectorStatus, type StreamEvent } from '@vmsc/core';
import { HypeRateConnector, PulsoidConnector } from '@vmsc/connector-heartrate';
import { KickConnector } from '@vmsc/connector-kick';
import { StreamElementsConnector } from '@vmsc/connector-streamelements';
import { StreamlabsConnector } from '@vmsc/connector-streamlabs';
import { TikTokConnector } from '@vmsc/connector-tiktok';
import { TwitchConnector } from '@vmsc/connector-twitch';
import { YouTubeConnector } from '@vmsc/connector-youtube';
import { MultistreamerClient } from '@vmsc/custom-ws-client';
import { closeAllFakes, FAKE_PLATFORMS, startAllFakes, waitUntil, type AllFakes } from '@vmsc/testing';

let connectors: Connector[] = [];
let fakes: AllFakes | undefined;

afterEach(async () => {
  await Promise.allSettled(connectors.map((connector) => connector.disconnect()));
  connectors = [];
  await fakes?.close();
  fakes = undefined;
  await closeAllFakes();
});

/** Every real connector on one bus, each pointed at its fake with `fakes.connectionOptions`. */
function connectEverything(all: AllFakes, bus: EventBus): Connector[] {
  const options = all.connectionOptions;
  return [
    new KickConnector({ bus, ...options.kick }),
    new TwitchConnector({ bus, ...options.twitch }),
    new TikTokConnector({ bus, ...options.tiktok }),
    new YouTubeConnector({ bus, ...options.youtube }),
    new StreamlabsConnector({ bus, ...options.streamlabs }),
    new StreamElementsConnector({ bus, ...options.streamelements }),
    new PulsoidConnector({ bus, ...options.heartrate }),
    new HypeRateConnector({ bus, ...options.hyperate }),
    new MultistreamerClient({ bus, ...options.multistreamer }),
  ];
}

/** Scripts one event per platform (awaiting each call waits for that fake's client). */
async function scriptOneOfEach(all: AllFakes, round: string): Promise<void> {
  await all.kick.chat({ username: 'kickviewer', content: `!dice ${round}` });
  await all.twitch.cheer({ username: 'twitchfan', bits: 100, message: `cheer ${round}` });
  await all.tiktok.gift({ username: 'rosefan', giftName: 'Rose', repeatCount: 3, repeatEnd: true });
  await all.youtube.superChat({ username: 'ytfan', amount: 5, currency: 'USD', text: `super ${round}` });
  await all.streamlabs.donation({ username: 'donor', amount: 13.37, message: `donation ${round}` });
  await all.streamelements.tip({ username: 'tipper', amount: 12, currency: 'EUR', message: `tip ${round}` });
  await all.heartrate.beat(120);
  await all.hyperate.beat(95);
  await all.multistreamer.chat({ username: 'ircuser', text: `irc ${round}`, accountId: 0 });
}

/** Waits for one event of each scripted kind after `from` and checks its typed data. */
async function expectOneOfEach(events: StreamEvent[], from: number, round: string): Promise<void> {
  const after = () => events.slice(from);
  const find = (match: (event: StreamEvent) => boolean) => after().find(match);
  await waitUntil(
    () =>
      [
        find((e) => isEvent(e, 'kick', 'chat') && e.data.message === `!dice ${round}`),
        find((e) => isEvent(e, 'twitch', 'cheer') && e.data.message === `cheer ${round}`),
        find((e) => isEvent(e, 'tiktok', 'gift')),
        find((e) => isEvent(e, 'youtube', 'super_chat') && e.data.message === `super ${round}`),
        find((e) => isEvent(e, 'streamlabs', 'donation') && e.data.message === `donation ${round}`),
        find((e) => isEvent(e, 'streamelements', 'tip') && e.data.message === `tip ${round}`),
        find((e) => isEvent(e, 'heartrate', 'bpm_update') && e.data.bpm === 120),
        find((e) => isEvent(e, 'heartrate', 'bpm_update') && e.data.bpm === 95),
        find((e) => e.type === 'chat' && e.source === 'irc'),
      ].every(Boolean),
    `one event of every platform (round ${round}); got ${after()
      .map((e) => `${e.source}/${e.type}`)
      .join(', ')}`,
    { timeoutMs: 10_000 },
  );
  // Every event is a valid StreamEvent of the catalogue, with the typed fields the script set.
  for (const event of after()) expect(parseEvent(event).ok, `${event.source}/${event.type} validates`).toBe(true);
  const gift = after().find((e) => isEvent(e, 'tiktok', 'gift'));
  expect(gift && isEvent(gift, 'tiktok', 'gift') ? [gift.data.giftName, gift.data.repeatCount, gift.data.repeatEnd] : []).toEqual([
    'Rose',
    3,
    true,
  ]);
  const cheer = after().find((e) => isEvent(e, 'twitch', 'cheer'));
  expect(cheer && isEvent(cheer, 'twitch', 'cheer') ? [cheer.data.bits, cheer.user.username] : []).toEqual([100, 'twitchfan']);
  const donation = after().find((e) => isEvent(e, 'streamlabs', 'donation'));
  expect(donation && isEvent(donation, 'streamlabs', 'donation') ? donation.data.amount : undefined).toBe(13.37);
  const superChat = after().find((e) => isEvent(e, 'youtube', 'super_chat'));
  expect(superChat && isEvent(superChat, 'youtube', 'super_chat') ? [superChat.data.amount, superChat.data.currency] : []).toEqual([
    5,
    'USD',
  ]);
}

describe('startAllFakes: every real connector against its fake on one bus', () => {
  it('delivers one typed event of every platform, and again after every connection was dropped', async () => {
    fakes = await startAllFakes();
    const bus = new EventBus();
    const events: StreamEvent[] = [];
    bus.onAny((event) => void events.push(event));
    const statuses = new Map<string, ConnectorStatus[]>();
    connectors = connectEverything(fakes, bus);
    for (const connector of connectors) {
      statuses.set(connector.id, []);
      connector.on('status', ({ status }) => void statuses.get(connector.id)!.push(status));
    }
    await Promise.all(connectors.map((connector) => connector.connect()));
    expect(connectors.map((connector) => connector.status)).toEqual(connectors.map(() => 'connected'));
    await fakes.waitForClients();

    await scriptOneOfEach(fakes, 'one');
    await expectOneOfEach(events, 0, 'one');

    const before = events.length;
    fakes.dropAllConnections();
    await waitUntil(
      () => connectors.every((connector) => statuses.get(connector.id)!.includes('reconnecting') && connector.status === 'connected'),
      `every connector reconnecting then connected again: ${connectors.map((c) => `${c.id}=${c.status}`).join(', ')}`,
      { timeoutMs: 12_000 },
    );
    await scriptOneOfEach(fakes, 'two');
    await expectOneOfEach(events, before, 'two');
  }, 30_000);

  it('every connector declares what it can do: only Twitch and multistreamer send chat here (YouTube needs OAuth, the fakes give it an API key)', async () => {
    fakes = await startAllFakes();
    connectors = connectEverything(fakes, new EventBus());
    const senders = connectors.filter((connector) => canSendChat(connector)).map((connector) => connector.source);
    expect(senders).toEqual(['twitch', 'multistreamer']);
    for (const connector of connectors) {
      expect(connector.capabilities.chat.send).toBe(canSendChat(connector));
      if (canSendChat(connector)) expect(connector.chatLimits.lengthUnit).toMatch(/^(utf16|code-points|utf8-bytes)$/);
    }
    expect(connectors.filter((connector) => connector.capabilities.chat.reply).map((connector) => connector.source)).toEqual(['twitch']);
  });

  it('offers connection options and a scripting API for every platform, uniform in shape', async () => {
    fakes = await startAllFakes();
    for (const platform of FAKE_PLATFORMS) {
      expect(fakes.connectionOptions[platform], platform).toBeDefined();
      expect(typeof fakes[platform].dropConnections, platform).toBe('function');
      expect(typeof fakes[platform].waitForClient, platform).toBe('function');
      expect(fakes[platform].raw, platform).toBeDefined();
    }
    // Every URL is on loopback: nothing ever touches the internet.
    const urls = JSON.stringify(fakes.connectionOptions).match(/(?:https?|wss?):\/\/[^"/]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^\w+:\/\/127\.0\.0\.1:\d+$/);
    expect(fakes.connectionOptions.kick.wsHost).toBe('127.0.0.1');
  });

  it('a scripting call without a connected client fails with a clear timeout instead of sending into the void', async () => {
    fakes = await startAllFakes();
    await expect(fakes.kick.waitForClient(50)).rejects.toThrow(/Kick client subscribed to chatrooms\.668\.v2/);
    await expect(fakes.twitch.waitForClient(50)).rejects.toThrow(/Twitch EventSub session/);
  });

  it('sends the platforms’ own reconnect and revocation messages: Twitch session_reconnect and revocation, Kick 4200', async () => {
    fakes = await startAllFakes();
    const bus = new EventBus();
    const events: StreamEvent[] = [];
    bus.onAny((event) => void events.push(event));
    const twitch = new TwitchConnector({ bus, ...fakes.connectionOptions.twitch });
    const kick = new KickConnector({ bus, ...fakes.connectionOptions.kick });
    connectors = [twitch, kick];
    await Promise.all(connectors.map((connector) => connector.connect()));
    await fakes.waitForClients(['twitch', 'kick']);

    const sessionsBefore = fakes.twitch.raw.sessions.length;
    fakes.twitch.sessionReconnect();
    await waitUntil(() => fakes!.twitch.raw.sessions.length > sessionsBefore, 'a new Twitch session at the reconnect URL');
    await fakes.twitch.follow({ username: 'after_reconnect' });
    await waitUntil(
      () => events.some((e) => isEvent(e, 'twitch', 'follow') && e.user.username === 'after_reconnect'),
      'follow after reconnect',
    );

    fakes.twitch.revoke('channel.follow');
    await waitUntil(() => fakes!.twitch.raw.enabledSubscriptions().every((s) => s.type !== 'channel.follow'), 'follow revoked');
    await expect(fakes.twitch.follow({ username: 'nobody' })).rejects.toThrow(/channel\.follow subscription/);

    const accepted = fakes.kick.raw.connectionsAccepted;
    fakes.kick.reconnect();
    await waitUntil(() => fakes!.kick.raw.connectionsAccepted > accepted && kick.status === 'connected', 'Kick reconnected after 4200', {
      timeoutMs: 8_000,
    });
    await fakes.kick.gift({ username: 'gifter', amount: 100, giftName: 'Hell Yeah' });
    await waitUntil(
      () => events.some((e) => isEvent(e, 'kick', 'kicks_gift') && e.data.amount === 100 && e.data.giftName === 'Hell Yeah'),
      'kicks gift',
    );
  }, 20_000);

  it('injects faults: refused handshakes are retried, malformed payloads become typed errors or unknown events, never a crash', async () => {
    fakes = await startAllFakes();
    const bus = new EventBus();
    const events: StreamEvent[] = [];
    bus.onAny((event) => void events.push(event));
    const pulsoid = new PulsoidConnector({ bus, ...fakes.connectionOptions.heartrate });
    const streamlabs = new StreamlabsConnector({ bus, ...fakes.connectionOptions.streamlabs });
    const twitch = new TwitchConnector({ bus, ...fakes.connectionOptions.twitch });
    connectors = [pulsoid, streamlabs, twitch];
    await Promise.all(connectors.map((connector) => connector.connect()));

    // Pulsoid: the next two upgrades are refused, then the connection comes back and readings flow.
    fakes.heartrate.refuseNext(2);
    const upgrades = fakes.heartrate.raw.requests.length;
    fakes.heartrate.dropConnections();
    await waitUntil(
      () => fakes!.heartrate.raw.requests.length >= upgrades + 3 && pulsoid.status === 'connected',
      'Pulsoid back after two refusals',
      {
        timeoutMs: 8_000,
      },
    );
    await fakes.heartrate.beat(77);
    await waitUntil(() => events.some((e) => isEvent(e, 'heartrate', 'bpm_update') && e.data.bpm === 77), 'a reading after the refusals');

    // Streamlabs: an event of a kind nobody knows is published as `unknown`, not swallowed.
    await fakes.streamlabs.waitForClient();
    fakes.streamlabs.emitRaw('event', { type: 'brand_new_kind', message: [{ foo: 1 }], event_id: 'evt_x' });
    await waitUntil(() => events.some((e) => e.source === 'streamlabs' && e.type === 'unknown'), 'a streamlabs unknown event');

    // Twitch: a Helix failure on the next request surfaces as a typed error, the connector stays up.
    fakes.twitch.fail({ path: '/helix/chat/messages', status: 503, body: { error: 'Service Unavailable', status: 503, message: '' } });
    await expect(twitch.sendChat('hello')).rejects.toMatchObject({ code: expect.any(String) });
    expect(twitch.status).toBe('connected');
    expect(pulsoid.status).toBe('connected');
  }, 20_000);
});
