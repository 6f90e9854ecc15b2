import { isEvent, type StreamEvent } from '@vmsc/core';

/** One human-readable line for an event (without source tag or time). */
export function describeEvent(event: StreamEvent): string {
  const who = event.user.nickname || event.user.username;
  switch (event.type) {
    case 'chat':
      return `${who}: ${event.data.message}`;
    case 'gift':
      return `${who} sent ${event.data.repeatCount}× ${event.data.giftName}${event.data.repeatEnd ? '' : ' (streak…)'}`;
    case 'like':
      return `${who} liked ×${event.data.likeCount}`;
    case 'bpm_update':
      return `heart rate ${event.data.bpm} bpm`;
    case 'cheer':
      if (isEvent(event, 'twitch', 'cheer')) return `${who} cheered ${event.data.bits} bits`;
      return `${who} cheered ${'amount' in event.data ? event.data.amount : event.data.bits}`;
    case 'tip':
    case 'donation':
    case 'super_chat':
    case 'superchat':
    case 'charity_donation':
      return `${who} gave ${event.data.amount} ${event.data.currency}`;
    case 'raid':
      return `raid by ${who} with ${event.data.viewerCount} viewers`;
    case 'viewer_count':
      return `${event.data.viewerCount} watching`;
    case 'follow':
      if (isEvent(event, 'kick', 'follow') && event.data.anonymous)
        return `someone followed${event.data.followersCount !== undefined ? ` (${event.data.followersCount} followers)` : ''}`;
      return `${who} followed`;
    case 'kicks_gift':
      return `${who} gifted ${event.data.amount} Kicks (${event.data.giftName})`;
    case 'unknown':
      return `unmapped message "${event.data.kind}"`;
    default:
      return `${who} ${JSON.stringify(event.data)}`;
  }
}
