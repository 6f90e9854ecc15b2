import { parseTimestamp, type EventData } from '@vmsc/core';
import type { RawHypeTrainEvent } from '../raw/events.js';

type Extra = Pick<EventData<'twitch', 'hype_train_end'>, 'trainId' | 'trainType' | 'isSharedTrain' | 'topContributions' | 'startedAt'>;

function extra(event: RawHypeTrainEvent): Extra {
  const out: Extra = { trainId: event.id };
  if (event.type) out.trainType = event.type;
  if (typeof event.is_shared_train === 'boolean') out.isSharedTrain = event.is_shared_train;
  if (event.top_contributions) {
    out.topContributions = event.top_contributions.map((c) => ({
      id: c.user_id,
      username: c.user_login,
      nickname: c.user_name,
      type: c.type,
      total: c.total,
    }));
  }
  const startedAt = parseTimestamp(event.started_at);
  if (startedAt !== undefined) out.startedAt = startedAt;
  return out;
}

/** `channel.hype_train.begin` / `.progress` (v2) → data. Progress may arrive before begin. */
export function hypeTrainData(event: RawHypeTrainEvent): EventData<'twitch', 'hype_train_begin'> {
  const data: EventData<'twitch', 'hype_train_begin'> = { level: event.level, total: event.total, goal: event.goal ?? 0, ...extra(event) };
  if (typeof event.progress === 'number') data.progress = event.progress;
  const expiresAt = parseTimestamp(event.expires_at);
  if (expiresAt !== undefined) data.expiresAt = expiresAt;
  return data;
}

/** `channel.hype_train.end` (v2) → data. */
export function hypeTrainEndData(event: RawHypeTrainEvent): EventData<'twitch', 'hype_train_end'> {
  const data: EventData<'twitch', 'hype_train_end'> = { level: event.level, total: event.total, ...extra(event) };
  const endedAt = parseTimestamp(event.ended_at);
  if (endedAt !== undefined) data.endedAt = endedAt;
  const cooldown = parseTimestamp(event.cooldown_ends_at);
  if (cooldown !== undefined) data.cooldownEndsAt = cooldown;
  return data;
}
