/**
 * The raw wire types of the Streamlabs Socket API: the object Streamlabs passes to the Socket.IO
 * `event` handler (https://dev.streamlabs.com/docs/socket-api). Every field is optional here
 * because the normalizer must survive whatever arrives; the comments say what Streamlabs sends.
 *
 * @packageDocumentation
 */

/**
 * One Socket.IO `event` payload: `{ type, message, for?, event_id? }`. Streamlabs documents
 * `message` as "always an array", but community clients have seen a bare object: both are accepted.
 */
export interface RawStreamlabsSocketEvent {
  /** `donation`, `follow`, `subscription`, `resub`, `host`, `bits`, `raid`, `merch`, `superchat`, or a non-alert type (`alertPlaying`, `streamlabels`...). */
  type?: string;
  /** The alert items. */
  message?: RawStreamlabsAlertItem[] | RawStreamlabsAlertItem;
  /** The platform account the alert belongs to: `twitch_account`, `youtube_account`...; absent, `""` or `streamlabs` for Streamlabs' own (donations, merch). */
  for?: string;
  /** Id of the whole delivery (`evt_…`). */
  event_id?: string;
  /** Set on some test alerts. */
  isTest?: boolean;
}

/** One alert item of a Streamlabs `event` (the union of the fields of every alert type). */
export interface RawStreamlabsAlertItem {
  /** Streamlabs' id of the alert (hex): the dedupe key. */
  _id?: string;
  /** Numeric id of a donation, the message id of a Super Chat, the follower's platform user id of a follow (Twitch user id, YouTube channel id). */
  id?: number | string;
  /** Login / display name of the viewer. */
  name?: string;
  /** Display name, when different. */
  display_name?: string;
  /** Amount: a decimal string for donations (`"13.37"`) and bits (`"100"`), micros for YouTube Super Chats (`"5000000"`). */
  amount?: string | number;
  formatted_amount?: string;
  formattedAmount?: string;
  /** Super Chat: Streamlabs' formatted amount (`"$5.00"`). */
  displayString?: string;
  currency?: string;
  message?: string | null;
  /** Super Chat text. */
  comment?: string | null;
  from?: string;
  from_user_id?: number | string | null;
  /** YouTube channel id of the viewer (Super Chats). */
  channelId?: string;
  /** Subscriptions. */
  months?: number | string;
  streak_months?: number | string;
  sub_plan?: string;
  sub_plan_name?: string;
  sub_type?: string;
  /** Gift subs: the gifter. */
  gifter?: string;
  gifter_display_name?: string;
  /** Mystery gifts: how many. */
  count?: number | string;
  /** Hosts: viewer count as a string. */
  viewers?: number | string;
  /** Raids: viewer count. */
  raiders?: number | string;
  /** Merch. */
  product?: string;
  imageHref?: string;
  /** Test alert flag. */
  isTest?: boolean;
  /** Other fields Streamlabs may add. */
  [key: string]: unknown;
}
