/**
 * The raw wire types of the StreamElements Realtime API (Socket.IO, `https://realtime.streamelements.com`,
 * https://developers.streamelements.com/websockets). Fields are optional because the normalizer
 * must survive whatever arrives; the comments say what StreamElements sends.
 *
 * @packageDocumentation
 */

/** The argument of `emit('authenticate', …)`. */
export interface RawAuthenticate {
  /** `jwt` (dashboard JWT), `oauth2` (OAuth access token) or `apikey` (overlay token). */
  method: 'jwt' | 'oauth2' | 'apikey';
  token: string;
}

/** The payload of the server's `authenticated` event. */
export interface RawAuthenticated {
  clientId?: string;
  /** The StreamElements channel (account) id. */
  channelId?: string;
  project?: string;
  message?: string;
}

/** The payload of the server's `unauthorized` event. */
export interface RawUnauthorized {
  message?: string;
}

/** The viewer-and-amount block of an activity. */
export interface RawActivityData {
  username?: string;
  displayName?: string;
  /** The user id on the provider (Twitch user id, YouTube channel id...). */
  providerId?: string;
  avatar?: string;
  /** Tip amount, bits, raid/host viewers, sub months, gift count, redemption cost: a number. */
  amount?: number | string;
  currency?: string;
  message?: string;
  /** `1000`, `2000`, `3000`, `prime`. */
  tier?: string;
  streak?: number;
  gifted?: boolean;
  /** The gifter of a gifted sub. */
  sender?: string;
  tipId?: string;
  /** Merch items. */
  items?: Array<{ name?: string; price?: number; quantity?: number } | string>;
  quantity?: number;
  /** Redemptions: the item's name. */
  redemption?: string;
  [key: string]: unknown;
}

/** An activity: the payload of the `event` server event (and of Astro's `channel.activities`). */
export interface RawActivity {
  _id?: string;
  activityId?: string;
  /** StreamElements channel id (hex). */
  channel?: string;
  /** `follower`, `subscriber`, `tip`, `cheer`, `raid`, `host`, `merch`, `redemption`, `superchat`, `communityGiftPurchase`, `sponsor`, `purchase`... */
  type?: string;
  /** The platform it happened on: `twitch`, `youtube`, `facebook`, `kick`... */
  provider?: string;
  flagged?: boolean;
  createdAt?: string;
  updatedAt?: string;
  /** `true` for emulated/replayed activities. */
  isMock?: boolean;
  data?: RawActivityData;
}

/** One emulated event of `event:test` (note `name`, not `username`). */
export interface RawTestEventItem {
  type?: string;
  name?: string;
  amount?: number | string;
  count?: number;
  items?: RawActivityData['items'];
  tier?: string;
  month?: number;
  isTest?: boolean;
  message?: string;
  currency?: string;
  [key: string]: unknown;
}

/** The payload of `event:test`: a widget listener name and one or several emulated events. */
export interface RawTestEvent {
  /** `tip-latest`, `follower-latest`, `subscriber-latest`, `cheer-latest`, `raid-latest`... */
  listener?: string;
  event?: RawTestEventItem | RawTestEventItem[];
}

/** The payload of `event:update`: a session value (widget counter) changed. */
export interface RawSessionUpdate {
  name?: string;
  data?: unknown;
}
