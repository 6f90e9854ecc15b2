import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { startHttpServer, type LoopbackHttpServer } from '../../loopback.js';

/** An app the fake OAuth server knows. */
export interface KickOAuthFakeClient {
  clientId: string;
  clientSecret: string;
}

/** Options of {@link startKickOAuthFake}. */
export interface KickOAuthFakeOptions {
  /** Registered apps. Default one: `fake-client-id` / `fake-client-secret`. */
  clients?: readonly KickOAuthFakeClient[];
  /** Access token lifetime in seconds (`expires_in`). Default 3600. */
  tokenLifetimeSec?: number;
  /** The fake's clock (ms epoch), to share with the code under test's injected clock. Default `Date.now`. */
  now?: () => number;
  /** The user id the authorize step signs in as. Default 676. */
  userId?: number;
}

/** An access token the fake issued. */
export interface KickOAuthFakeToken {
  token: string;
  clientId: string;
  scopes: string[];
  /** ms epoch. */
  expiresAt: number;
  revoked: boolean;
  /** `user` (authorization code / refresh) or `app` (client credentials). */
  kind: 'user' | 'app';
}

/** A fake of id.kick.com (OAuth 2.1 Authorization Code + PKCE S256, refresh rotation, client credentials). */
export interface FakeKickOAuthServer {
  /** `baseUrl` for the Kick auth functions. */
  readonly url: string;
  /** Registered apps (the first is the default). */
  readonly clients: readonly KickOAuthFakeClient[];
  /** Successful `grant_type=refresh_token` answers so far. */
  readonly refreshCount: number;
  /** Every `POST /oauth/token` (any grant, any outcome) so far. */
  readonly tokenRequests: number;
  /** Whether `token` is an issued, unrevoked, unexpired access token (with `scope` when given). */
  isValidAccessToken(token: string, scope?: string): boolean;
  /** Sets the lifetime of tokens issued from now on. */
  setTokenLifetime(seconds: number): void;
  /** Makes every access token issued so far expired. */
  expireAccessTokens(): void;
  /** Revokes one token (access or refresh), or every token when none is given. */
  revoke(token?: string): void;
  /** Issued access tokens, oldest first. */
  readonly accessTokens: readonly KickOAuthFakeToken[];
  close(): Promise<void>;
  readonly server: LoopbackHttpServer;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
  expiresAt: number;
}

interface RefreshGrant {
  clientId: string;
  scopes: string[];
}

const token = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`;

function answer(response: ServerResponse, status: number, json: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(json));
}

function oauthError(response: ServerResponse, status: number, error: string, description: string): void {
  answer(response, status, { error, error_description: description });
}

/**
 * Starts a fake of Kick's OAuth server on 127.0.0.1 (port 0): `GET /oauth/authorize` auto-approves
 * (302 to `redirect_uri?code=...&state=...`, or an OAuth error redirect / 400 for bad parameters),
 * `POST /oauth/token` with `authorization_code` (PKCE S256 checked, single-use codes),
 * `refresh_token` (rotation: a used refresh token answers `invalid_grant`) and `client_credentials`,
 * each checking the client id and secret (`invalid_client`, 401); `POST /oauth/revoke` and
 * `POST /oauth/token/introspect`. Hook it to the Kick API fake's chat endpoint with
 * `api.acceptChatToken((t) => oauth.isValidAccessToken(t, 'chat:write'))`.
 */
export async function startKickOAuthFake(options: KickOAuthFakeOptions = {}): Promise<FakeKickOAuthServer> {
  const clients = options.clients ?? [{ clientId: 'fake-client-id', clientSecret: 'fake-client-secret' }];
  const now = options.now ?? Date.now;
  let lifetimeSec = options.tokenLifetimeSec ?? 3600;
  let refreshCount = 0;
  let tokenRequests = 0;
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, RefreshGrant>();
  const accessTokens: KickOAuthFakeToken[] = [];

  const issue = (clientId: string, scopes: string[], kind: 'user' | 'app') => {
    const access: KickOAuthFakeToken = {
      token: token('kat'),
      clientId,
      scopes,
      expiresAt: now() + lifetimeSec * 1000,
      revoked: false,
      kind,
    };
    accessTokens.push(access);
    const json: Record<string, unknown> = {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: lifetimeSec,
      scope: scopes.join(' '),
    };
    if (kind === 'user') {
      const refresh = token('krt');
      refreshTokens.set(refresh, { clientId, scopes });
      json.refresh_token = refresh;
    }
    return json;
  };

  const server = await startHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const path = url.pathname;
      if (request.method === 'GET' && path === '/oauth/authorize') {
        const q = url.searchParams;
        const clientId = q.get('client_id') ?? '';
        const redirectUri = q.get('redirect_uri') ?? '';
        if (!clients.some((c) => c.clientId === clientId)) return oauthError(response, 400, 'invalid_client', 'unknown client_id');
        let redirect: URL;
        try {
          redirect = new URL(redirectUri);
        } catch {
          return oauthError(response, 400, 'invalid_request', 'redirect_uri must be an absolute URL');
        }
        const state = q.get('state');
        if (state !== null) redirect.searchParams.set('state', state);
        const problem =
          q.get('response_type') !== 'code'
            ? 'response_type must be code'
            : q.get('code_challenge_method') !== 'S256'
              ? 'code_challenge_method must be S256'
              : !/^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? '')
                ? 'code_challenge must be a base64url SHA-256'
                : undefined;
        if (problem) {
          redirect.searchParams.set('error', 'invalid_request');
          redirect.searchParams.set('error_description', problem);
        } else {
          const code = token('kac');
          codes.set(code, {
            clientId,
            redirectUri,
            challenge: q.get('code_challenge')!,
            scopes: (q.get('scope') ?? '').split(' ').filter((s) => s.length > 0),
            expiresAt: now() + 600_000,
          });
          redirect.searchParams.set('code', code);
        }
        response.writeHead(302, { location: redirect.toString() });
        response.end();
        return;
      }
      if (request.method !== 'POST') return oauthError(response, 404, 'not_found', `no ${request.method} ${path}`);
      const form = new URLSearchParams(body);
      for (const [key, value] of url.searchParams) if (!form.has(key)) form.set(key, value);
      if (path === '/oauth/token') {
        tokenRequests++;
        const grant = form.get('grant_type');
        const clientId = form.get('client_id') ?? '';
        const client = clients.find((c) => c.clientId === clientId);
        if (!client || client.clientSecret !== form.get('client_secret')) {
          return oauthError(response, 401, 'invalid_client', 'client authentication failed');
        }
        if (grant === 'authorization_code') {
          const code = codes.get(form.get('code') ?? '');
          if (code) codes.delete(form.get('code')!);
          if (!code || code.expiresAt <= now())
            return oauthError(response, 400, 'invalid_grant', 'the authorization code is invalid or expired');
          if (code.clientId !== clientId) return oauthError(response, 400, 'invalid_grant', 'the code was issued to another client');
          if (code.redirectUri !== form.get('redirect_uri'))
            return oauthError(response, 400, 'invalid_grant', 'redirect_uri does not match');
          const verifier = form.get('code_verifier') ?? '';
          const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
          if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || challenge !== code.challenge) {
            return oauthError(response, 400, 'invalid_grant', 'code_verifier does not match the code_challenge');
          }
          return answer(response, 200, issue(clientId, code.scopes, 'user'));
        }
        if (grant === 'refresh_token') {
          const refresh = form.get('refresh_token') ?? '';
          const held = refreshTokens.get(refresh);
          if (!held || held.clientId !== clientId) return oauthError(response, 400, 'invalid_grant', 'the refresh token is invalid');
          refreshTokens.delete(refresh);
          refreshCount++;
          return answer(response, 200, issue(clientId, held.scopes, 'user'));
        }
        if (grant === 'client_credentials') return answer(response, 200, issue(clientId, [], 'app'));
        return oauthError(response, 400, 'unsupported_grant_type', `grant_type ${grant ?? '(none)'} is not supported`);
      }
      if (path === '/oauth/revoke') {
        const value = form.get('token') ?? '';
        refreshTokens.delete(value);
        for (const access of accessTokens) if (access.token === value) access.revoked = true;
        return answer(response, 200, {});
      }
      if (path === '/oauth/token/introspect') {
        const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? form.get('token') ?? '';
        const access = accessTokens.find((a) => a.token === bearer);
        const active = access !== undefined && !access.revoked && access.expiresAt > now();
        return answer(response, 200, {
          data: active
            ? {
                active,
                client_id: access.clientId,
                exp: Math.floor(access.expiresAt / 1000),
                scope: access.scopes.join(' '),
                token_type: access.kind,
              }
            : { active: false },
          message: 'OK',
        });
      }
      return oauthError(response, 404, 'not_found', `no POST ${path}`);
    });
  });

  return {
    url: server.url,
    clients,
    get refreshCount() {
      return refreshCount;
    },
    get tokenRequests() {
      return tokenRequests;
    },
    isValidAccessToken(value, scope) {
      const access = accessTokens.find((a) => a.token === value);
      return access !== undefined && !access.revoked && access.expiresAt > now() && (scope === undefined || access.scopes.includes(scope));
    },
    setTokenLifetime(seconds) {
      lifetimeSec = seconds;
    },
    expireAccessTokens() {
      const t = now();
      for (const access of accessTokens) access.expiresAt = Math.min(access.expiresAt, t);
    },
    revoke(value) {
      if (value === undefined) {
        refreshTokens.clear();
        for (const access of accessTokens) access.revoked = true;
        return;
      }
      refreshTokens.delete(value);
      for (const access of accessTokens) if (access.token === value) access.revoked = true;
    },
    accessTokens,
    close: () => server.close(),
    server,
  };
}
