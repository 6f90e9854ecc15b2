import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { startHttpServer, type LoopbackHttpServer } from '../../loopback.js';
import type { FakeTwitch } from './fake.js';

/** Options of {@link startTwitchOAuthFake}. */
export interface TwitchOAuthFakeOptions {
  /** The app's client id (default `vmsc-test-client`, the Twitch fake's). */
  clientId?: string;
  /** Access token lifetime, seconds (default 14,400: Twitch's four hours). */
  tokenLifetimeSec?: number;
  /** Poll interval the device endpoint asks for, seconds (default 5). */
  intervalSec?: number;
  /** The fake's clock (ms epoch): share it with the code under test. Default `Date.now`. */
  now?: () => number;
  /** The user who signs in (default `cool_user` 1337, the Twitch fake's). */
  user?: { userId: string; login: string };
  /** Also make every issued token valid (and every revoked one invalid) on this Twitch fake. */
  twitch?: FakeTwitch;
}

/** One `POST /oauth2/token` device-code poll, as the fake answered it. */
export interface TwitchDevicePoll {
  /** Fake clock time of the poll. */
  at: number;
  /** `authorization_pending`, `slow_down`, `access_denied`, `expired_token`, or `ok`. */
  answer: string;
}

/** An access token the fake issued. */
export interface TwitchOAuthFakeToken {
  token: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

/** A fake of id.twitch.tv's OAuth endpoints: device code flow, refresh rotation, validate. */
export interface TwitchOAuthFake {
  /** `http://127.0.0.1:<port>/oauth2`: the base of `/device`, `/token`, `/validate`. */
  readonly url: string;
  readonly clientId: string;
  /** Device-code polls so far. */
  readonly polls: readonly TwitchDevicePoll[];
  /** Successful refreshes so far. */
  readonly refreshCount: number;
  /** Issued access tokens, oldest first. */
  readonly accessTokens: readonly TwitchOAuthFakeToken[];
  /** The user approves the pending device code (`scopes`: what they grant; default what was asked). */
  approve(scopes?: string[]): void;
  /** The user denies it: the next poll answers `access_denied`. */
  deny(): void;
  /** The next poll answers `code` whatever the state (e.g. `slow_down`). */
  answerNextPoll(code: string): void;
  /** Whether `token` is issued, unrevoked and unexpired. */
  isValidAccessToken(token: string): boolean;
  /** Revokes every token (access and refresh): the next refresh answers "Invalid refresh token". */
  revokeAll(): void;
  close(): Promise<void>;
  readonly server: LoopbackHttpServer;
}

const random = (prefix: string) => `${prefix}${randomBytes(15).toString('base64url')}`;

function answer(response: ServerResponse, status: number, json: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(json));
}

/** Twitch's error shape: `{ status, message }` (the RFC's code is in `message`). */
const twitchError = (response: ServerResponse, status: number, message: string) => answer(response, status, { status, message });

/**
 * Starts a fake of Twitch's OAuth server on 127.0.0.1 (port 0): `POST /oauth2/device` (device code,
 * user code, `verification_uri`, `interval`), `POST /oauth2/token` with the device-code grant (answers
 * `authorization_pending` until {@link TwitchOAuthFake.approve}, `slow_down` when polled sooner than
 * the interval, which then grows by 5 s, as RFC 8628 says) and `refresh_token` (single-use refresh
 * tokens, rotated; a used or revoked one answers 400 "Invalid refresh token"), and `GET
 * /oauth2/validate` (scopes, `expires_in`; 401 for an expired or revoked token). Errors use Twitch's
 * `{ status, message }` shape.
 */
export async function startTwitchOAuthFake(options: TwitchOAuthFakeOptions = {}): Promise<TwitchOAuthFake> {
  const clientId = options.clientId ?? options.twitch?.clientId ?? 'vmsc-test-client';
  const now = options.now ?? Date.now;
  const lifetimeSec = options.tokenLifetimeSec ?? 14_400;
  const user = options.user ?? { userId: '1337', login: 'cool_user' };
  const polls: TwitchDevicePoll[] = [];
  const accessTokens: TwitchOAuthFakeToken[] = [];
  const refreshTokens = new Map<string, string[]>();
  const scripted: string[] = [];
  let refreshCount = 0;
  let device:
    | {
        code: string;
        userCode: string;
        scopes: string[];
        interval: number;
        expiresAt: number;
        lastPoll: number;
        state: 'pending' | 'approved' | 'denied' | 'used';
        granted?: string[];
      }
    | undefined;

  const issue = (scopes: string[]) => {
    const access: TwitchOAuthFakeToken = { token: random('tat'), scopes, expiresAt: now() + lifetimeSec * 1000, revoked: false };
    accessTokens.push(access);
    options.twitch?.setToken(access.token, { ...user, scopes, clientId, expiresIn: lifetimeSec });
    const refresh = random('trt');
    refreshTokens.set(refresh, scopes);
    return { access_token: access.token, refresh_token: refresh, expires_in: lifetimeSec, scope: scopes, token_type: 'bearer' };
  };
  const valid = (token: string) => accessTokens.some((a) => a.token === token && !a.revoked && a.expiresAt > now());

  const server = await startHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const form = new URLSearchParams(body);
      if (request.method === 'GET' && url.pathname === '/oauth2/validate') {
        const token = /^(?:OAuth|Bearer) (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
        const access = accessTokens.find((a) => a.token === token);
        if (!access || !valid(token)) return twitchError(response, 401, 'invalid access token');
        return answer(response, 200, {
          client_id: clientId,
          login: user.login,
          user_id: user.userId,
          scopes: access.scopes,
          expires_in: Math.floor((access.expiresAt - now()) / 1000),
        });
      }
      if (request.method !== 'POST') return twitchError(response, 404, 'not found');
      if (form.get('client_id') !== clientId) return twitchError(response, 400, 'invalid client');
      if (url.pathname === '/oauth2/device') {
        const interval = options.intervalSec ?? 5;
        device = {
          code: random('dev'),
          userCode: randomBytes(4).toString('hex').toUpperCase(),
          scopes: (form.get('scopes') ?? '').split(' ').filter(Boolean),
          interval,
          expiresAt: now() + 1_800_000,
          lastPoll: now(),
          state: 'pending',
        };
        return answer(response, 200, {
          device_code: device.code,
          user_code: device.userCode,
          verification_uri: `https://www.twitch.tv/activate?public=true&device-code=${device.userCode}`,
          interval,
          expires_in: 1800,
        });
      }
      if (url.pathname !== '/oauth2/token') return twitchError(response, 404, 'not found');
      const grant = form.get('grant_type');
      if (grant === 'urn:ietf:params:oauth:grant-type:device_code') {
        if (!device || form.get('device_code') !== device.code || device.state === 'used')
          return twitchError(response, 400, 'invalid device code');
        const poll: TwitchDevicePoll = { at: now(), answer: '' };
        polls.push(poll);
        const early = now() - device.lastPoll < device.interval * 1000;
        device.lastPoll = now();
        const code =
          scripted.shift() ??
          (now() >= device.expiresAt
            ? 'expired_token'
            : early
              ? 'slow_down'
              : device.state === 'denied'
                ? 'access_denied'
                : device.state === 'pending'
                  ? 'authorization_pending'
                  : 'ok');
        poll.answer = code;
        if (code === 'slow_down') device.interval += 5;
        if (code !== 'ok') return twitchError(response, 400, code);
        device.state = 'used';
        return answer(response, 200, issue(device.granted ?? device.scopes));
      }
      if (grant === 'refresh_token') {
        const scopes = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!scopes) return answer(response, 400, { error: 'Bad Request', status: 400, message: 'Invalid refresh token' });
        refreshTokens.delete(form.get('refresh_token')!);
        refreshCount++;
        return answer(response, 200, issue(scopes));
      }
      return twitchError(response, 400, 'unsupported grant type');
    });
  });

  return {
    url: `${server.url}/oauth2`,
    clientId,
    polls,
    accessTokens,
    get refreshCount() {
      return refreshCount;
    },
    approve(scopes) {
      if (!device) throw new Error('fake Twitch OAuth: no device code to approve');
      device.state = 'approved';
      if (scopes) device.granted = scopes;
    },
    deny() {
      if (device) device.state = 'denied';
    },
    answerNextPoll(code) {
      scripted.push(code);
    },
    isValidAccessToken: valid,
    revokeAll() {
      refreshTokens.clear();
      for (const access of accessTokens) {
        access.revoked = true;
        options.twitch?.revokeToken(access.token);
      }
    },
    close: () => server.close(),
    server,
  };
}
