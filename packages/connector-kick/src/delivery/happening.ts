import type { StreamEvent } from '@vmsc/core';
import { kickLogin } from '../normalize/users.js';

const loginOf = (event: StreamEvent): string => kickLogin(event.user.nickname);

/**
 * The keys of the real-world happening behind a Kick event, computed from the normalized event so
 * that the Pusher feed and the webhooks agree on them: `chat:<message id>`, `sub:<login>`,
 * `gift:<gifter>:<recipients>`, `kicks:<sender>:<gift>:<amount>`, `follow:<login>`,
 * `ban:<user id>`, `reward:<login>:<title>`, `live:online` / `live:offline`. Events of other types
 * (and anonymous follows) have none and are never matched across the feeds.
 */
export function happeningKeys(event: StreamEvent): string[] {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'chat':
      return typeof data.chatId === 'string' ? [`chat:${data.chatId}`] : [];
    case 'subscribe':
      return [`sub:${loginOf(event)}`];
    case 'gifted_sub': {
      const recipients = Array.isArray(data.recipients) ? (data.recipients as string[]).map(kickLogin).sort().join(',') : '';
      const gifter = typeof data.gifterUsername === 'string' ? kickLogin(data.gifterUsername) : 'anonymous';
      return [`gift:${gifter}:${recipients}`];
    }
    case 'kicks_gift':
      return [`kicks:${loginOf(event)}:${String(data.giftId)}:${String(data.amount)}`];
    case 'follow':
      return data.anonymous === true ? [] : [`follow:${loginOf(event)}`];
    case 'ban':
      return [`ban:${event.user.id}`];
    case 'reward_redeem':
      return [`reward:${loginOf(event)}:${String(data.rewardTitle)}`];
    case 'stream_online':
      return ['live:online'];
    case 'stream_offline':
      return ['live:offline'];
    default:
      return [];
  }
}
