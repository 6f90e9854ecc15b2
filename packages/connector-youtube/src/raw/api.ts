/**
 * The other Data API v3 bodies the connector reads: the standard Google JSON error envelope,
 * `videos.list` with `liveStreamingDetails`, `liveBroadcasts.list`.
 *
 * @packageDocumentation
 */

/** One entry of `error.errors[]`. */
export interface RawErrorItem {
  message?: string;
  /** `youtube.quota`, `youtube.liveChat`, `global`, `usageLimits`... */
  domain?: string;
  /** What the connector classifies on: `quotaExceeded`, `liveChatEnded`, `forbidden`... */
  reason?: string;
  location?: string;
  locationType?: string;
}

/** Google's JSON error envelope. */
export interface RawErrorBody {
  error?: {
    code?: number;
    message?: string;
    errors?: RawErrorItem[];
    /** gRPC-style status name (`PERMISSION_DENIED`, `UNAUTHENTICATED`...), when given. */
    status?: string;
  };
}

/** `videos.list?part=liveStreamingDetails`. */
export interface RawVideoListResponse {
  kind?: string;
  items?: Array<{
    id?: string;
    liveStreamingDetails?: {
      actualStartTime?: string;
      actualEndTime?: string;
      scheduledStartTime?: string;
      /** A string (uint64). */
      concurrentViewers?: string;
      /** Present only while the broadcast is live and has chat. */
      activeLiveChatId?: string;
    };
  }>;
}

/** `liveBroadcasts.list?part=id,snippet,status`. */
export interface RawBroadcastListResponse {
  kind?: string;
  items?: Array<{
    id?: string;
    snippet?: { title?: string; channelId?: string; liveChatId?: string; actualStartTime?: string; actualEndTime?: string };
    status?: { lifeCycleStatus?: string; privacyStatus?: string };
  }>;
}
