import { freshId, numericIdFor, whenReady, type ScriptedFake } from './all-shared.js';
import type { FakeTwitch, FakeTwitchFault } from './twitch/fake.js';
import type { TwitchNotificationFixtureName } from './twitch/fixtures.js';

/** Scripting API of the Twitch fake (EventSub WebSocket + Helix + OAuth validate). */
export interface TwitchScript extends ScriptedFake<FakeTwitch> {
  /**
   * `channel.chat.message`. `badges` are EventSub's `set_id`s (`"broadcaster"`, `"moderator"`,
   * `"vip"`, `"subscriber"`...), sent as `{ set_id, id: "1", info: "" }`.
   */
  chat(init: { username: string; text: string; badges?: readonly string[] }): Promise<void>;
  /** `channel.follow` (v2). */
  follow(init: { username: string }): Promise<void>;
  /** `channel.cheer`. */
  cheer(init: { username: string; bits: number; message?: string }): Promise<void>;
  /** `channel.subscribe`. */
  subscribe(init: { username: string; tier?: '1000' | '2000' | '3000' }): Promise<void>;
  /** `channel.raid` to the broadcaster. */
  raid(init: { username: string; viewers: number }): Promise<void>;
  /** Sends `session_reconnect`; the client must move to the new URL without losing its subscriptions. */
  sessionReconnect(): void;
  /** Sends a `revocation` for the subscription of `type` (default status `authorization_revoked`). */
  revoke(type: string, status?: string): void;
  /** Injects an HTTP fault on the next matching Helix/OAuth request(s). */
  fail(fault: FakeTwitchFault): void;
}

const user = (prefix: string, username: string) => ({
  [`${prefix}_id`]: String(numericIdFor(username)),
  [`${prefix}_login`]: username.toLowerCase(),
  [`${prefix}_name`]: username,
});

/** Wraps a Twitch fake in the uniform scripting API (`broadcaster` is the connected broadcaster). */
export function scriptTwitch(fake: FakeTwitch, broadcaster = { id: '1337', login: 'cool_user', name: 'Cool_User' }): TwitchScript {
  const target = {
    broadcaster_user_id: broadcaster.id,
    broadcaster_user_login: broadcaster.login,
    broadcaster_user_name: broadcaster.name,
  };
  const hasSubscription = (type: string) => () => fake.enabledSubscriptions().some((s) => s.type === type);
  const notify = async (fixture: TwitchNotificationFixtureName, event: Record<string, unknown>, toBroadcaster = true) => {
    await whenReady(hasSubscription(fixture), `an enabled Twitch ${fixture} subscription`);
    fake.notify(fixture, { event: toBroadcaster ? { ...target, ...event } : event });
  };
  return {
    raw: fake,
    dropConnections: () => fake.dropSession(),
    waitForClient: (timeoutMs) =>
      whenReady(() => fake.enabledSubscriptions().length > 0, 'a Twitch EventSub session with subscriptions', timeoutMs),
    chat: ({ username, text, badges = [] }) =>
      notify('channel.chat.message', {
        ...user('chatter_user', username),
        message_id: freshId(),
        message: { text, fragments: [{ type: 'text', text, cheermote: null, emote: null, mention: null }] },
        badges: badges.map((setId) => ({ set_id: setId, id: '1', info: '' })),
        cheer: null,
        reply: null,
      }),
    follow: ({ username }) => notify('channel.follow', { ...user('user', username), followed_at: new Date().toISOString() }),
    cheer: ({ username, bits, message = '' }) => notify('channel.cheer', { ...user('user', username), is_anonymous: false, bits, message }),
    subscribe: ({ username, tier = '1000' }) => notify('channel.subscribe', { ...user('user', username), tier, is_gift: false }),
    raid: ({ username, viewers }) =>
      notify(
        'channel.raid',
        {
          ...user('from_broadcaster_user', username),
          to_broadcaster_user_id: broadcaster.id,
          to_broadcaster_user_login: broadcaster.login,
          to_broadcaster_user_name: broadcaster.name,
          viewers,
        },
        false,
      ),
    sessionReconnect: () => void fake.startReconnect(),
    revoke: (type, status) => fake.revoke(type, status),
    fail: (fault) => fake.failNext(fault),
  };
}
