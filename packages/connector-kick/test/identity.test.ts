import { describe, expect, it } from 'vitest';
import { kickEventFrames, type KickFixtureName } from '@vmsc/testing';
import { decodeFrameText, normalizeKickFrame } from '../src/index.js';
import type { DecodedFrame } from '../src/raw/pusher.js';

/**
 * One viewer whose display name has an `_` (`Kl_Vava`, the gifter of the REAL GiftedSubscriptionsEvent
 * capture), seen in chat and in subscribe / gift / host frames. The chat, subscribe and host frames are
 * the REAL captures with the name swapped in; the chat slug follows the pairing Kick's own frames show
 * (`Santiii_53` / `santiii-53` in the REAL UserUnbannedEvent capture).
 */
const NAME = 'Kl_Vava';

function frame(name: KickFixtureName, patch: (data: Record<string, unknown>) => void): DecodedFrame {
  const decoded = decodeFrameText(kickEventFrames[name]);
  const data = structuredClone(decoded.data) as Record<string, unknown>;
  patch(data);
  return { ...decoded, data };
}

const chat = frame('ChatMessageEvent', (data) => {
  data.sender = { ...(data.sender as object), id: 54321, username: NAME, slug: 'kl-vava' };
});
const subscription = frame('SubscriptionEvent', (data) => (data.username = NAME));
const subscriptionInfo = frame('ChatMessageSentEvent-subscribe', (data) => {
  data.user = { ...(data.user as object), id: 54321, username: NAME };
});
const gift = decodeFrameText(kickEventFrames.GiftedSubscriptionsEvent); // gifter_username "Kl_Vava" as captured
const host = frame('StreamHostEvent', (data) => (data.host_username = NAME));
const hosted = frame('StreamHostedEvent', (data) => {
  data.user = { ...(data.user as object), id: 54321, username: NAME };
});

const userOf = (decoded: DecodedFrame) => normalizeKickFrame(decoded, { channel: 'xqc' }).event.user;

describe('one viewer, one identity', () => {
  it('a name with `_` has the same username in chat (slug) and in subscribe, gift and host frames (display name only)', () => {
    const inChat = userOf(chat);
    expect(inChat).toMatchObject({ id: '54321', username: 'kl-vava', nickname: NAME });
    for (const decoded of [subscription, subscriptionInfo, gift, host, hosted]) {
      const user = userOf(decoded);
      expect({ frame: decoded.name, username: user.username, nickname: user.nickname }).toEqual({
        frame: decoded.name,
        username: inChat.username,
        nickname: NAME,
      });
    }
  });

  it('frames without a numeric id get `name:` + that same login, frames with one get the numeric id', () => {
    expect(userOf(subscription).id).toBe('name:kl-vava');
    expect(userOf(gift).id).toBe('name:kl-vava');
    expect(userOf(host).id).toBe('name:kl-vava');
    expect(userOf(subscriptionInfo).id).toBe('54321');
    expect(userOf(hosted).id).toBe('54321');
  });

  it("the derivation matches the pair in Kick's REAL unban capture (Santiii_53 / santiii-53)", () => {
    const unban = normalizeKickFrame(decodeFrameText(kickEventFrames.UserUnbannedEvent)).event;
    const moderator = (unban.data as { moderator: { username: string; nickname: string } }).moderator;
    expect(moderator).toMatchObject({ username: 'santiii-53', nickname: 'Santiii_53' });
    const sameNameOnly = normalizeKickFrame({ ...subscription, data: { username: 'Santiii_53', months: 1 } }).event.user;
    expect(sameNameOnly.username).toBe(moderator.username);
  });

  it('the frames of one happening share a dedupe key whatever spelling of the name they carry', () => {
    const keys = (decoded: DecodedFrame) => normalizeKickFrame(decoded).dedupeKeys;
    expect(keys(subscription)).toEqual(keys(subscriptionInfo));
    expect(keys(host)).toEqual(keys(hosted));
    expect(keys(host)).toEqual(['host:kl-vava']);
  });
});
