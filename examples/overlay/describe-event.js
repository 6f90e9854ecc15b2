// @ts-check
/**
 * What the overlay shows for an event: an alert (gift, follow, sub, tip, raid), a chat line, or
 * nothing. Pure functions over StreamEvents (no DOM), shared by the page and its tests.
 *
 * @typedef {{ id: string, type: string, source: string, user: { id: string, username: string, nickname: string }, data: Record<string, any>, meta?: { platform?: string } }} OverlayEvent
 * @typedef {'gift' | 'follow' | 'sub' | 'tip' | 'raid'} AlertKind
 * @typedef {{ kind: AlertKind, title: string, text: string, detail?: string, platform: string }} Alert
 * @typedef {{ platform: string, name: string, message: string, color?: string }} ChatLine
 */

/** Display names of the platforms (events relayed by an aggregator carry the origin in `meta.platform`). */
const PLATFORM_NAMES = {
  tiktok: 'TikTok',
  twitch: 'Twitch',
  youtube: 'YouTube',
  kick: 'Kick',
  streamlabs: 'Streamlabs',
  streamelements: 'StreamElements',
};

/**
 * The alert of every alerting event type, by `source:type`. Each returns the alert's title, text
 * and optional detail (a user's message). Types that only repeat another alert are left out:
 * YouTube's `gift_membership_received` (one per recipient of a `membership_gift`, which already alerts).
 *
 * @type {Record<string, (e: OverlayEvent, who: string) => { kind: AlertKind, title: string, text: string, detail?: string }>}
 */
const ALERTS = {
  // gifts
  'tiktok:gift': (e, who) =>
    gift(
      who,
      e.data.giftName,
      e.data.repeatCount,
      e.data.diamondCount ? `${e.data.diamondCount * (e.data.repeatCount || 1)} 💎` : undefined,
    ),
  'tiktok:envelope': (e, who) => ({
    kind: 'gift',
    title: 'Treasure chest!',
    text: `${who} dropped a treasure chest`,
    detail: e.data.coins ? `${e.data.coins} coins` : undefined,
  }),
  'kick:kicks_gift': (e, who) => ({
    ...gift(who, e.data.giftName, 1, `${e.data.amount} Kicks`),
    detail: e.data.message || `${e.data.amount} Kicks`,
  }),
  'youtube:jewels_gift': (e, who) =>
    gift(who, e.data.giftName, e.data.comboCount, e.data.jewelsAmount ? `${e.data.jewelsAmount} Jewels` : undefined),
  // follows
  'tiktok:follow': (_e, who) => follow(who),
  'twitch:follow': (_e, who) => follow(who),
  'kick:follow': (_e, who) => follow(who),
  'streamlabs:follow': (_e, who) => follow(who),
  'streamelements:follow': (_e, who) => follow(who),
  // subscriptions and gifted subscriptions
  'tiktok:subscribe': (e, who) => sub(who, e.data.subMonth),
  'twitch:subscribe': (e, who) =>
    sub(who, e.data.cumulativeMonths, tierName(e.data.tier), e.data.message, e.data.isGift ? 'received a gifted sub' : undefined),
  'twitch:subscription_gift': (e, who) => giftedSubs(who, e.data.totalGifts, 'subs', tierName(e.data.tier)),
  'kick:subscribe': (e, who) => sub(who, e.data.months),
  'kick:gifted_sub': (e, who) => giftedSubs(e.data.gifterUsername || who, e.data.giftCount, 'subs'),
  'streamlabs:subscription': (e, who) =>
    sub(who, e.data.months, tierName(e.data.tier), e.data.message, e.data.isGift ? giftedBy(e.data.gifterName) : undefined),
  'streamelements:subscriber': (e, who) =>
    sub(who, e.data.months, tierName(e.data.tier), e.data.message, e.data.isGift ? giftedBy(e.data.gifterName) : undefined),
  'streamelements:community_gift': (e, who) => giftedSubs(who, e.data.giftCount, 'subs', tierName(e.data.tier)),
  'youtube:new_subscriber': (e, who) => ({ kind: 'sub', title: 'New member!', text: `${who} became a member`, detail: e.data.tier }),
  'youtube:member_milestone': (e, who) => ({
    kind: 'sub',
    title: 'Member milestone!',
    text: `${who} has been a member for ${e.data.memberMonths} months`,
    detail: e.data.message,
  }),
  'youtube:membership_gift': (e, who) => giftedSubs(who, e.data.giftCount, 'memberships', e.data.tier),
  // tips, donations, Super Chats, bits
  'streamlabs:donation': (e, who) => tip(who, e.data.formattedAmount || money(e.data.amount, e.data.currency), e.data.message),
  'streamelements:tip': (e, who) => tip(who, money(e.data.amount, e.data.currency), e.data.message),
  'streamelements:superchat': (e, who) => tip(who, money(e.data.amount, e.data.currency), e.data.message, 'Super Chat!'),
  'youtube:super_chat': (e, who) =>
    tip(who, e.data.amountDisplayString || money(e.data.amount, e.data.currency), e.data.message, 'Super Chat!'),
  'youtube:super_sticker': (e, who) =>
    tip(who, e.data.amountDisplayString || money(e.data.amount, e.data.currency), e.data.altText, 'Super Sticker!'),
  'twitch:cheer': (e, who) => tip(who, `${e.data.bits} bits`, e.data.message, 'Cheer!'),
  'twitch:charity_donation': (e, who) => tip(who, money(e.data.amount, e.data.currency), e.data.charityName, 'Charity donation!'),
  'streamlabs:bits': (e, who) => tip(who, `${e.data.amount} bits`, e.data.message, 'Cheer!'),
  'streamelements:cheer': (e, who) => tip(who, `${e.data.amount} bits`, e.data.message, 'Cheer!'),
  // raids (Kick calls them hosts)
  'twitch:raid': (e) => raid(e.data.fromBroadcaster?.nickname || e.data.fromBroadcaster?.username || 'Someone', e.data.viewerCount),
  'streamlabs:raid': (e, who) => raid(who, e.data.viewerCount),
  'streamelements:raid': (e, who) => raid(who, e.data.viewerCount),
  'kick:host': (e, who) => raid(who, e.data.viewerCount),
  'streamlabs:host': (e, who) => raid(who, e.data.viewerCount, 'hosted'),
  'streamelements:host': (e, who) => raid(who, e.data.viewerCount, 'hosted'),
};

/** Event types the overlay subscribes to (alerts and chat), for the server-side filter. */
export const OVERLAY_EVENT_TYPES = [...new Set([...Object.keys(ALERTS).map((key) => key.split(':')[1]), 'chat'])];

/**
 * The alert for an event, or `undefined` when the event does not alert.
 *
 * @param {OverlayEvent} event
 * @returns {Alert | undefined}
 */
export function describeAlert(event) {
  const platform = platformOf(event);
  const describe = ALERTS[`${event.source}:${event.type}`];
  if (!describe) return undefined;
  // A TikTok gift streak sends an event per combo step; only its last one (`repeatEnd`) alerts.
  if (event.source === 'tiktok' && event.type === 'gift' && event.data.repeatEnd === false) return undefined;
  const alert = describe(event, displayName(event));
  return { ...alert, detail: alert.detail === undefined || alert.detail === '' ? undefined : String(alert.detail), platform };
}

/**
 * The chat line of a `chat` event, or `undefined` for any other event.
 *
 * @param {OverlayEvent} event
 * @returns {ChatLine | undefined}
 */
export function describeChat(event) {
  if (event.type !== 'chat' || typeof event.data?.message !== 'string') return undefined;
  const color = event.data.color ?? event.data.senderIdentity?.color;
  return {
    platform: platformOf(event),
    name: displayName(event),
    // Kick writes emotes inline as `[emote:<id>:<name>]`: show the name.
    message: event.source === 'kick' ? event.data.message.replace(/\[emote:\d+:([^\]]+)\]/g, '$1') : event.data.message,
    ...(typeof color === 'string' && /^#[0-9a-f]{3,8}$/i.test(color) ? { color } : {}),
  };
}

/** @param {OverlayEvent} event */
function platformOf(event) {
  const platform = event.meta?.platform ?? event.source;
  return PLATFORM_NAMES[/** @type {keyof typeof PLATFORM_NAMES} */ (platform)] ?? platform;
}

/** @param {OverlayEvent} event */
function displayName(event) {
  const user = event.user;
  if (!user || user.id === 'system' || event.data?.anonymous === true) return 'Someone';
  return user.nickname || user.username || 'Someone';
}

/** @returns {{ kind: AlertKind, title: string, text: string, detail?: string }} */
function gift(who, name, count, detail) {
  const times = typeof count === 'number' && count > 1 ? `${count} × ` : 'a ';
  return { kind: 'gift', title: 'Gift!', text: `${who} sent ${times}${name}`, detail };
}

/** @returns {{ kind: AlertKind, title: string, text: string }} */
function follow(who) {
  return { kind: 'follow', title: 'New follower!', text: `${who} followed` };
}

/** @returns {{ kind: AlertKind, title: string, text: string, detail?: string }} */
function sub(who, months, tier, message, action) {
  const text = action
    ? `${who} ${action}`
    : typeof months === 'number' && months > 1
      ? `${who} subscribed for ${months} months`
      : `${who} subscribed`;
  return { kind: 'sub', title: 'New subscriber!', text: tier ? `${text} (${tier})` : text, detail: message };
}

/** The action of a gifted subscription's recipient. */
function giftedBy(gifter) {
  return typeof gifter === 'string' && gifter !== '' ? `received a sub gifted by ${gifter}` : 'received a gifted sub';
}

/** @returns {{ kind: AlertKind, title: string, text: string, detail?: string }} */
function giftedSubs(who, count, what, tier) {
  const n = typeof count === 'number' ? count : 1;
  const text = `${who} gifted ${n} ${n === 1 ? what.replace(/s$/, '') : what}`;
  return { kind: 'sub', title: 'Gifted subs!', text: tier ? `${text} (${tier})` : text };
}

/** @returns {{ kind: AlertKind, title: string, text: string, detail?: string }} */
function tip(who, amount, message, title = 'Tip!') {
  return { kind: 'tip', title, text: `${who} sent ${amount}`, detail: message };
}

/** @returns {{ kind: AlertKind, title: string, text: string }} */
function raid(who, viewers, verb = 'raided') {
  const count = typeof viewers === 'number' ? ` with ${viewers} viewer${viewers === 1 ? '' : 's'}` : '';
  return { kind: 'raid', title: verb === 'raided' ? 'Raid!' : 'Host!', text: `${who} ${verb}${count}` };
}

/** `13.37 USD` → `$13.37` where the browser knows the currency; the plain amount otherwise. */
function money(amount, currency) {
  if (typeof amount !== 'number') return String(amount ?? '');
  if (typeof currency !== 'string' || currency === '') return String(amount);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Twitch-style tiers (`1000`/`2000`/`3000`/`prime`) as names; other tiers unchanged. */
function tierName(tier) {
  if (tier === undefined || tier === null || tier === '') return undefined;
  const names = { 1000: 'Tier 1', 2000: 'Tier 2', 3000: 'Tier 3', prime: 'Prime' };
  return names[/** @type {keyof typeof names} */ (String(tier).toLowerCase())] ?? String(tier);
}
