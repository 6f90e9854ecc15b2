/**
 * Defaults of the TikTok connector: hosts, the browser identity, timings.
 *
 * @packageDocumentation
 */

/** TikTok's web host (room id lookups). */
export const DEFAULT_WEB_BASE_URL = 'https://www.tiktok.com';
/** TikTok's webcast host (room info / live check). */
export const DEFAULT_WEBCAST_BASE_URL = 'https://webcast.tiktok.com';
/** The public Euler Stream Sign API. */
export const DEFAULT_SIGN_API_URL = 'https://api.eulerstream.com';
/** Browser user agent used for the Sign API and the WebSocket (they must match). */
export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
/** The `client` parameter sent to the Sign API. */
export const DEFAULT_SIGN_CLIENT = 'vmsc';
/** Heartbeat interval (tiktok-live-connector's 10 s). */
export const DEFAULT_HEARTBEAT_MS = 10_000;
/** No frame at all for this long means a silent stall: reconnect. */
export const DEFAULT_STALL_TIMEOUT_MS = 60_000;
/** How often `waitUntilLive` polls (cheap endpoints, never the Sign API). */
export const DEFAULT_LIVE_POLL_MS = 60_000;
/** HTTP request timeout. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
/** WebSocket opening handshake timeout (tiktok-live-connector: 20 s). */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 20_000;
/** Message ids remembered for dedupe. */
export const DEFAULT_DEDUPE_SIZE = 10_000;

/** The fixed web parameters TikTok's web client sends (aid 1988 = tiktok_web). */
export function webParams(userAgent: string): Record<string, string> {
  const slash = userAgent.indexOf('/');
  return {
    aid: '1988',
    app_language: 'en',
    app_name: 'tiktok_web',
    browser_language: 'en-US',
    browser_name: slash > 0 ? userAgent.slice(0, slash) : 'Mozilla',
    browser_online: 'true',
    browser_platform: 'Win32',
    browser_version: slash > 0 ? userAgent.slice(slash + 1) : userAgent,
    cookie_enabled: 'true',
    device_platform: 'web_pc',
    screen_height: '1080',
    screen_width: '1920',
    tz_name: 'Europe/Berlin',
    webcast_language: 'en',
  };
}
