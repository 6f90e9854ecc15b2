import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { startHttpServer, type LoopbackHttpServer } from '../../loopback.js';

/** Options of {@link startGoogleOAuthFake}. */
export interface GoogleOAuthFakeOptions {
  /** Default `fake-google-client.apps.googleusercontent.com`. */
  clientId?: string;
  /** Default `fake-google-secret` (Google gives installed apps one; it is not kept secret). */
  clientSecret?: string;
  /** Access token lifetime, seconds (default 3599, Google's). */
  tokenLifetimeSec?: number;
  /** The fake's clock (ms epoch). Default `Date.now`. */
  now?: () => number;
  /** Called with every access token issued (e.g. `youtube.setAccessToken`). */
  onAccessToken?: (token: string) => void;
}

/** A fake of Google's OAuth 2.0 for installed apps: authorize (auto-approve), token, tokeninfo. */
export interface GoogleOAuthFake {
  /** `authorizationUrl` for the sign-in (`/o/oauth2/v2/auth`). */
  readonly authorizeUrl: string;
  /** The token endpoint (`/token`). */
  readonly tokenUrl: string;
  /** The tokeninfo endpoint (`/tokeninfo`). */
  readonly tokenInfoUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Successful refreshes so far. */
  readonly refreshCount: number;
  /** Revokes every refresh token: the next refresh answers `invalid_grant`. */
  revokeAll(): void;
  close(): Promise<void>;
  readonly server: LoopbackHttpServer;
}

const random = (prefix: string) => `${prefix}${randomBytes(18).toString('base64url')}`;

function answer(response: ServerResponse, status: number, json: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(json));
}

/**
 * Starts a fake of Google's OAuth server on 127.0.0.1 (port 0). `GET /o/oauth2/v2/auth` approves at
 * once: 302 to the loopback `redirect_uri` (only `http://127.0.0.1:<port>` or `localhost`) with `code`
 * and `state`, or `error=invalid_request` without an S256 challenge. `POST /token` exchanges a code
 * (single-use; client id, secret, redirect URI and PKCE verifier checked) and refreshes (Google does
 * not rotate: no new refresh token; a revoked one answers `invalid_grant` "Token has been expired or
 * revoked."). `GET /tokeninfo?access_token=` gives `scope` and `expires_in`.
 */
export async function startGoogleOAuthFake(options: GoogleOAuthFakeOptions = {}): Promise<GoogleOAuthFake> {
  const clientId = options.clientId ?? 'fake-google-client.apps.googleusercontent.com';
  const clientSecret = options.clientSecret ?? 'fake-google-secret';
  const now = options.now ?? Date.now;
  const lifetime = options.tokenLifetimeSec ?? 3599;
  const codes = new Map<string, { redirectUri: string; challenge: string; scope: string }>();
  const refreshTokens = new Map<string, string>();
  const accessTokens = new Map<string, { scope: string; expiresAt: number }>();
  let refreshCount = 0;
  const issue = (scope: string) => {
    const token = random('ya29.');
    accessTokens.set(token, { scope, expiresAt: now() + lifetime * 1000 });
    options.onAccessToken?.(token);
    return { access_token: token, expires_in: lifetime, scope, token_type: 'Bearer' };
  };

  const server = await startHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const q = url.searchParams;
      if (request.method === 'GET' && url.pathname === '/o/oauth2/v2/auth') {
        const redirectUri = q.get('redirect_uri') ?? '';
        if (q.get('client_id') !== clientId) return answer(response, 401, { error: 'invalid_client' });
        if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+(\/.*)?$/.test(redirectUri))
          return answer(response, 400, { error: 'redirect_uri_mismatch' });
        const redirect = new URL(redirectUri);
        if (q.get('state') !== null) redirect.searchParams.set('state', q.get('state')!);
        if (
          q.get('code_challenge_method') !== 'S256' ||
          !/^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '') ||
          q.get('response_type') !== 'code'
        ) {
          redirect.searchParams.set('error', 'invalid_request');
        } else {
          const code = random('4/0');
          codes.set(code, { redirectUri, challenge: q.get('code_challenge')!, scope: q.get('scope') ?? '' });
          redirect.searchParams.set('code', code);
          redirect.searchParams.set('scope', q.get('scope') ?? '');
        }
        response.writeHead(302, { location: redirect.toString() });
        response.end();
        return;
      }
      if (request.method === 'GET' && url.pathname === '/tokeninfo') {
        const info = accessTokens.get(q.get('access_token') ?? '');
        if (!info || info.expiresAt <= now()) return answer(response, 400, { error: 'invalid_token', error_description: 'Invalid Value' });
        return answer(response, 200, {
          azp: clientId,
          aud: clientId,
          scope: info.scope,
          expires_in: String(Math.floor((info.expiresAt - now()) / 1000)),
          access_type: 'offline',
        });
      }
      if (request.method !== 'POST' || url.pathname !== '/token') return answer(response, 404, { error: 'not_found' });
      const form = new URLSearchParams(body);
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret)
        return answer(response, 401, { error: 'invalid_client', error_description: 'Unauthorized' });
      if (form.get('grant_type') === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const challenge = createHash('sha256')
          .update(form.get('code_verifier') ?? '', 'ascii')
          .digest('base64url');
        if (!code || code.redirectUri !== form.get('redirect_uri') || code.challenge !== challenge)
          return answer(response, 400, { error: 'invalid_grant', error_description: 'Bad Request' });
        const refresh = random('1//0');
        refreshTokens.set(refresh, code.scope);
        return answer(response, 200, { ...issue(code.scope), refresh_token: refresh });
      }
      if (form.get('grant_type') === 'refresh_token') {
        const scope = refreshTokens.get(form.get('refresh_token') ?? '');
        if (scope === undefined)
          return answer(response, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
        refreshCount++;
        return answer(response, 200, issue(scope));
      }
      return answer(response, 400, { error: 'unsupported_grant_type' });
    });
  });
  return {
    authorizeUrl: `${server.url}/o/oauth2/v2/auth`,
    tokenUrl: `${server.url}/token`,
    tokenInfoUrl: `${server.url}/tokeninfo`,
    clientId,
    clientSecret,
    get refreshCount() {
      return refreshCount;
    },
    revokeAll: () => refreshTokens.clear(),
    close: () => server.close(),
    server,
  };
}
