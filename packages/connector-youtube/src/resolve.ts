import { YouTubeAuthError, YouTubeNotLiveError } from './errors.js';
import type { DataApiClient } from './api/client.js';
import type { RawBroadcastListResponse, RawVideoListResponse } from './raw/api.js';

/**
 * Which chat to read:
 * - `{ videoId }`: a live video (API key or OAuth); resolved through `videos.list` `activeLiveChatId`;
 * - `{ mine: true }`: the authorised channel's broadcast that is live now (OAuth only), through
 *   `liveBroadcasts.list`;
 * - `{ liveChatId }`: a chat id you already have (no lookup).
 */
export type YouTubeTarget = { videoId: string } | { mine: true } | { liveChatId: string };

/** What a resolution found. */
export interface ResolvedChat {
  liveChatId: string;
  /** The video / broadcast id, when the target named or found one. */
  videoId?: string;
}

/**
 * `videos.list?part=liveStreamingDetails&id=…` → `activeLiveChatId`, or a {@link YouTubeNotLiveError}
 * saying why there is none (no such video, not a live video, upcoming, ended, no chat).
 */
export async function resolveVideo(client: DataApiClient, videoId: string, signal?: AbortSignal): Promise<ResolvedChat> {
  const response = await client.get<RawVideoListResponse>({
    method: 'videos',
    operation: 'videos.list',
    path: 'videos',
    params: { part: 'liveStreamingDetails', id: videoId },
    ...(signal ? { signal } : {}),
  });
  const video = response.items?.[0];
  if (!video) throw new YouTubeNotLiveError('video_not_found', `YouTube has no video "${videoId}" (or it is private or deleted)`);
  const details = video.liveStreamingDetails;
  if (!details) throw new YouTubeNotLiveError('not_a_live_video', `the YouTube video "${videoId}" is not a live stream`);
  if (details.activeLiveChatId) return { liveChatId: details.activeLiveChatId, videoId };
  if (details.actualEndTime) {
    throw new YouTubeNotLiveError('ended', `the YouTube live stream "${videoId}" ended at ${details.actualEndTime}; its chat is closed`);
  }
  if (!details.actualStartTime) {
    const when = details.scheduledStartTime ? ` (scheduled for ${details.scheduledStartTime})` : '';
    throw new YouTubeNotLiveError('upcoming', `the YouTube live stream "${videoId}" has not started yet${when}`);
  }
  throw new YouTubeNotLiveError('no_chat', `the YouTube live stream "${videoId}" is live but has no active chat (chat disabled?)`);
}

/** Life-cycle states of a broadcast whose chat is open. */
const LIVE_STATES = new Set(['live', 'liveStarting']);

/**
 * `liveBroadcasts.list?part=id,snippet,status&mine=true&broadcastType=all` → the live broadcast's
 * chat. Handles the two foot-guns: `mine=true` also lists past broadcasts whose chat has ended
 * (filtered on `status.lifeCycleStatus`), and the default `broadcastType=event` hides "Stream now"
 * (persistent) broadcasts (`broadcastType=all`).
 */
export async function resolveMine(client: DataApiClient, isOAuth: boolean, signal?: AbortSignal): Promise<ResolvedChat> {
  if (!isOAuth) {
    throw new YouTubeAuthError('target { mine: true } needs OAuth (liveBroadcasts.list does not accept an API key)', {
      reason: 'required',
    });
  }
  const response = await client.get<RawBroadcastListResponse>({
    method: 'liveBroadcasts',
    operation: 'liveBroadcasts.list',
    path: 'liveBroadcasts',
    params: { part: 'id,snippet,status', mine: true, broadcastType: 'all', maxResults: 50 },
    ...(signal ? { signal } : {}),
  });
  const live = (response.items ?? []).filter(
    (item) => LIVE_STATES.has(item.status?.lifeCycleStatus ?? '') && item.snippet?.liveChatId && !item.snippet.actualEndTime,
  );
  const chosen = live.find((item) => item.status?.lifeCycleStatus === 'live') ?? live[0];
  if (!chosen?.snippet?.liveChatId) {
    throw new YouTubeNotLiveError('no_live_broadcast', 'the authorised YouTube channel has no broadcast that is live now');
  }
  return { liveChatId: chosen.snippet.liveChatId, ...(chosen.id ? { videoId: chosen.id } : {}) };
}
