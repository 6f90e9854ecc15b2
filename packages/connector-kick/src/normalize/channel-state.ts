import { anonymousUser, systemUser } from '@vmsc/core';
import type {
  RawChatMoveEvent,
  RawChatroomUpdatedEvent,
  RawChatSettingsChanged,
  RawFollowersUpdated,
  RawGoalProgressUpdateEvent,
  RawPollUpdateEvent,
  RawStopStreamBroadcast,
  RawStreamerIsLive,
} from '../raw/kick-events.js';
import { createKickEvent as createEvent } from './event.js';
import { isObject, isString, malformed, metaOf, stripUndefined, type FrameHandler } from './frame.js';
import { parseKickTimestamp } from './timestamp.js';
import { kickUser, kickUserRef } from './users.js';

const chatMode = (enabled: boolean | undefined, seconds?: number) =>
  enabled === undefined ? undefined : seconds === undefined ? { enabled } : { enabled, seconds };

/** A follow's data: the follower count when Kick sent it, `anonymous` when the follower is unnamed (no spreads). */
function followData(followersCount: number | undefined, anonymous: boolean): { followersCount?: number; anonymous?: true } {
  if (followersCount === undefined) return anonymous ? { anonymous } : {};
  return anonymous ? { followersCount, anonymous } : { followersCount };
}

/** The channel's state: live/offline, outgoing hosts, polls, chat settings, goals, follows. */
export const CHANNEL_STATE_HANDLERS: Record<string, FrameHandler> = {
  ChatMoveToSupportedChannelEvent: (frame, data, context) => {
    const raw = data as unknown as RawChatMoveEvent;
    if (!isObject(raw.hosted) || !isString(raw.hosted.username)) return malformed(frame, context, 'hosted');
    const event = createEvent({
      source: 'kick',
      type: 'host_out',
      data: stripUndefined({
        target: kickUserRef(raw.hosted.id, raw.hosted.username, raw.hosted.slug),
        viewerCount: raw.hosted.viewers_count,
      }) as {
        target: { id: string; username: string; nickname: string };
      },
      meta: metaOf(context),
    });
    return { event };
  },
  PollUpdateEvent: (frame, data, context) => {
    const raw = data as unknown as RawPollUpdateEvent;
    if (!isObject(raw.poll) || !Array.isArray(raw.poll.options)) return malformed(frame, context, 'poll');
    const event = createEvent({
      source: 'kick',
      type: 'poll_update',
      data: {
        title: raw.poll.title,
        options: raw.poll.options.map((option) => ({ id: option.id, label: option.label, votes: option.votes })),
        durationSeconds: raw.poll.duration,
        remainingSeconds: raw.poll.remaining,
      },
      meta: metaOf(context),
    });
    return { event };
  },
  ChatroomUpdatedEvent: (frame, data, context) => {
    const raw = data as unknown as RawChatroomUpdatedEvent;
    const event = createEvent({
      source: 'kick',
      type: 'chat_settings',
      data: stripUndefined({
        slowMode: chatMode(raw.slow_mode?.enabled, raw.slow_mode?.message_interval),
        subscribersOnly: chatMode(raw.subscribers_mode?.enabled),
        followersOnly: chatMode(raw.followers_mode?.enabled, raw.followers_mode?.min_duration),
        emotesOnly: chatMode(raw.emotes_mode?.enabled),
        accountAge: chatMode(raw.account_age?.enabled, raw.account_age?.min_duration),
      }),
      meta: metaOf(context),
    });
    return { event };
  },
  ChatSettingsChanged: (frame, data, context) => {
    const settings = (data as unknown as RawChatSettingsChanged).settings;
    if (!isObject(settings)) return malformed(frame, context, 'settings');
    const event = createEvent({
      source: 'kick',
      type: 'chat_settings',
      data: stripUndefined({
        slowMode: chatMode(settings.slow_mode?.enabled, settings.slow_mode?.duration_seconds),
        subscribersOnly: chatMode(settings.subscribers_only_mode?.enabled),
        followersOnly: chatMode(settings.followers_only_mode?.enabled, settings.followers_only_mode?.duration_seconds),
        emotesOnly: chatMode(settings.emotes_only_mode?.enabled),
        accountAge: chatMode(settings.minimum_account_age?.enabled, settings.minimum_account_age?.duration_seconds),
      }),
      meta: metaOf(context),
    });
    return { event };
  },
  GoalProgressUpdateEvent: (frame, data, context) => {
    const raw = data as unknown as RawGoalProgressUpdateEvent;
    if (!isString(raw.id) || typeof raw.current_value !== 'number') return malformed(frame, context, 'id/current_value');
    const event = createEvent({
      source: 'kick',
      type: 'goal_progress',
      data: stripUndefined({
        goalId: raw.id,
        goalType: raw.type,
        current: raw.current_value,
        target: raw.target_value,
        status: raw.status,
      }) as {
        goalId: string;
        goalType: string;
        current: number;
        target: number;
      },
      meta: metaOf(context),
    });
    return { event };
  },
  StreamerIsLive: (frame, data, context) => {
    const raw = data as unknown as RawStreamerIsLive;
    if (!isObject(raw.livestream)) return malformed(frame, context, 'livestream');
    const startedAt = parseKickTimestamp(raw.livestream.created_at) ?? Date.now();
    const event = createEvent({
      source: 'kick',
      type: 'stream_online',
      user: systemUser(),
      timestamp: startedAt,
      data: stripUndefined({ startedAt, livestreamId: String(raw.livestream.id), title: raw.livestream.session_title }) as {
        startedAt: number;
      },
      meta: metaOf(context),
    });
    return { event, dedupeKeys: [`live:${String(raw.livestream.id)}`] };
  },
  StopStreamBroadcast: (frame, data, context) => {
    const raw = data as unknown as RawStopStreamBroadcast;
    const event = createEvent({ source: 'kick', type: 'stream_offline', data: { reason: 'StopStreamBroadcast' }, meta: metaOf(context) });
    return raw.livestream?.id === undefined ? { event } : { event, dedupeKeys: [`offline:${String(raw.livestream.id)}`] };
  },
  FollowersUpdated: (frame, data, context) => {
    const raw = data as unknown as RawFollowersUpdated;
    const named = isString(raw.username) && raw.username !== '';
    const followersCount = typeof raw.followersCount === 'number' ? raw.followersCount : undefined;
    const timestamp = parseKickTimestamp(raw.created_at);
    if (raw.followed === false) {
      return {
        event: createEvent({ source: 'kick', type: 'unfollow', timestamp, data: followData(followersCount, false), meta: metaOf(context) }),
      };
    }
    const event = createEvent({
      source: 'kick',
      type: 'follow',
      user: named ? kickUser(undefined, raw.username as string) : anonymousUser(),
      timestamp,
      data: followData(followersCount, !named),
      meta: metaOf(context),
    });
    return { event };
  },
};
