import type { RawFetchResult } from './raw/frames.js';
import { webParams } from './defaults.js';

/**
 * The WebSocket URL: `pushServer ? fixed web params & compress=gzip & room_id & internal_ext &
 * cursor & every non-empty routeParams entry`, then a second `version_code=270000` (TikTok's web
 * client sends it twice).
 *
 * @packageDocumentation
 */

/** Builds the signed WebSocket URL from a Sign API response. */
export function buildWebSocketUrl(fetchResult: RawFetchResult, roomId: string, userAgent: string): string {
  const params: Record<string, string> = {
    version_code: '180800',
    ...webParams(userAgent),
    device_platform: 'web',
    identity: 'audience',
    live_id: '12',
    ws_direct: '0',
    sup_ws_ds_opt: '1',
    update_version_code: '2.0.0',
    did_rule: '3',
    heartbeat_duration: '0',
    resp_content_type: 'protobuf',
    history_comment_count: '6',
    client_enter: '1',
    compress: 'gzip',
    room_id: roomId,
    internal_ext: fetchResult.internalExt,
    cursor: fetchResult.cursor,
  };
  for (const [key, value] of Object.entries(fetchResult.routeParams)) if (value) params[key] = value;
  const separator = fetchResult.pushServer.includes('?') ? '&' : '?';
  return `${fetchResult.pushServer}${separator}${new URLSearchParams(params)}&version_code=270000`;
}
