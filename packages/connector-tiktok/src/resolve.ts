import { VmscError, type Secret } from '@vmsc/core';
import { webParams } from './defaults.js';
import { TikTokBlockedError, TikTokRoomNotFoundError } from './errors.js';
import { httpGet, pick, tryJson, type HttpResult } from './http.js';

/**
 * uniqueId → roomId (the three sources, in order: the live page's `SIGI_STATE`, the `api-live`
 * JSON, the Sign API's `anchors` route) and the live check (`room/info`).
 *
 * @packageDocumentation
 */

/** Room status meaning "not live" (2 = live). */
export const ROOM_STATUS_OFFLINE = 4;

/** Where lookups go and how. */
export interface LookupEndpoints {
  webBaseUrl: string;
  webcastBaseUrl: string;
  signApiUrl: string;
  apiKey: Secret | undefined;
  userAgent: string;
  timeoutMs: number;
}

/** A resolved room. */
export interface RoomLookup {
  roomId: string;
  /** The room status the source reported (2 live, 4 offline), when it did. */
  status: number | undefined;
  /** Which source answered. */
  source: 'html' | 'api-live' | 'sign-api';
}

/** Strips `https://www.tiktok.com/`, `@` and `/live` from a uniqueId, and trims it. */
export function normalizeUniqueId(input: string): string {
  return input
    .trim()
    .replace(/^https?:\/\/(www\.)?tiktok\.com\//, '')
    .replace(/\/live\/?$/, '')
    .replace(/^@/, '')
    .trim();
}

function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

function toStatus(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function roomIdText(value: unknown): string | undefined {
  if (typeof value === 'string' && /^[1-9]\d*$/.test(value)) return value;
  if (typeof value === 'number' && value > 0) return String(value);
  return undefined;
}

const SIGI_STATE = /<script id="SIGI_STATE" type="application\/json">([\s\S]*?)<\/script>/;

/** Source 1: the HTML live page. */
export function roomFromLivePage(html: string): RoomLookup | 'blocked' | 'no-room' {
  const match = SIGI_STATE.exec(html);
  if (!match) return 'blocked';
  const state = tryJson(match[1]!);
  if (state === undefined) return 'blocked';
  const info = pick(state, 'LiveRoom', 'liveRoomUserInfo');
  const roomId = roomIdText(pick(info, 'user', 'roomId'));
  if (!roomId) return 'no-room';
  return { roomId, status: toStatus(pick(info, 'liveRoom', 'status')), source: 'html' };
}

/** Source 2: the `api-live/user/room` JSON. */
export function roomFromApiLive(body: unknown): RoomLookup | 'not-found' | 'no-room' | 'error' {
  const statusCode = toStatus(pick(body, 'statusCode'));
  if (pick(body, 'message') === 'user_not_found') return 'not-found';
  if (statusCode !== 0) return 'error';
  const roomId = roomIdText(pick(body, 'data', 'user', 'roomId'));
  if (!roomId) return 'no-room';
  return { roomId, status: toStatus(pick(body, 'data', 'liveRoom', 'status')), source: 'api-live' };
}

function describe(result: HttpResult): string {
  return `HTTP ${result.status}`;
}

/**
 * Resolves a uniqueId to its current room id, trying the three sources in order.
 *
 * @throws {@link TikTokRoomNotFoundError} when no source knows a room (user missing or never live),
 *   {@link TikTokBlockedError} when TikTok served a captcha/WAF page or 403 and no other source
 *   answered.
 */
export async function resolveRoomId(uniqueId: string, endpoints: LookupEndpoints): Promise<RoomLookup> {
  const headers = { 'User-Agent': endpoints.userAgent, Accept: 'text/html,application/json' };
  const secrets = [endpoints.apiKey];
  const problems: string[] = [];
  let blocked = false;
  let notFound = false;

  try {
    const page = await httpGet(`${endpoints.webBaseUrl}/@${encodeURIComponent(uniqueId)}/live`, headers, endpoints.timeoutMs, secrets);
    if (page.status === 200) {
      const found = roomFromLivePage(page.text());
      if (typeof found === 'object') return found;
      if (found === 'blocked') blocked = true;
      problems.push(found === 'blocked' ? 'live page: no SIGI_STATE (captcha or block page)' : 'live page: no room id');
    } else {
      if (page.status === 403 || page.status === 429) blocked = true;
      if (page.status === 404) notFound = true;
      problems.push(`live page: ${describe(page)}`);
    }
  } catch (error) {
    problems.push(`live page: ${error instanceof Error ? error.message : 'failed'}`);
  }

  try {
    const url = `${endpoints.webBaseUrl}/api-live/user/room/?${query({ ...webParams(endpoints.userAgent), uniqueId, sourceType: '54' })}`;
    const api = await httpGet(url, headers, endpoints.timeoutMs, secrets);
    const found = api.status === 200 ? roomFromApiLive(tryJson(api.text())) : 'error';
    if (typeof found === 'object') return found;
    if (found === 'not-found') notFound = true;
    if (api.status === 403) blocked = true;
    problems.push(`api-live: ${found === 'error' ? describe(api) : found}`);
  } catch (error) {
    problems.push(`api-live: ${error instanceof Error ? error.message : 'failed'}`);
  }

  try {
    const sign = await httpGet(
      `${endpoints.signApiUrl}/webcast/anchors/${encodeURIComponent(uniqueId)}/room_id`,
      { Accept: 'application/json', ...(endpoints.apiKey ? { 'X-Api-Key': endpoints.apiKey.reveal() } : {}) },
      endpoints.timeoutMs,
      secrets,
    );
    const body = tryJson(sign.text());
    const roomId = sign.status === 200 ? roomIdText(pick(body, 'room_id')) : undefined;
    if (roomId) {
      const isLive = pick(body, 'is_live');
      return { roomId, status: isLive === false ? ROOM_STATUS_OFFLINE : isLive === true ? 2 : undefined, source: 'sign-api' };
    }
    problems.push(
      sign.status === 401 || sign.status === 402 || sign.status === 403
        ? `sign api: ${describe(sign)} (the anchors route needs a plan that includes it)`
        : `sign api: ${describe(sign)}`,
    );
  } catch (error) {
    problems.push(`sign api: ${error instanceof Error ? error.message : 'failed'}`);
  }

  const summary = `no room id for "${uniqueId}" (${problems.join('; ')})`;
  if (blocked && !notFound) {
    throw new TikTokBlockedError(`${summary}. TikTok may be blocking your IP or country: pass roomId yourself or use another network`);
  }
  throw new TikTokRoomNotFoundError(`${summary}. The user may not exist or may never have gone LIVE`);
}

/**
 * The live check: `room/info` status. Returns the status, or undefined when TikTok did not say
 * (18+ rooms answer `status_code` 10011, blocks, network): an unknown status never counts as
 * offline.
 */
export async function fetchRoomStatus(roomId: string, endpoints: LookupEndpoints): Promise<number | undefined> {
  try {
    const url = `${endpoints.webcastBaseUrl}/webcast/room/info/?${query({ ...webParams(endpoints.userAgent), room_id: roomId })}`;
    const info = await httpGet(url, { 'User-Agent': endpoints.userAgent, Accept: 'application/json' }, endpoints.timeoutMs, [
      endpoints.apiKey,
    ]);
    if (info.status !== 200) return undefined;
    return toStatus(pick(tryJson(info.text()), 'data', 'status'));
  } catch (error) {
    if (error instanceof VmscError) return undefined;
    throw error;
  }
}
