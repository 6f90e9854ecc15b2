/** Kick's OAuth server. */
export const KICK_ID_URL = 'https://id.kick.com';

/** Options of {@link kickAuthorizeUrl}. */
export interface KickAuthorizeUrlOptions {
  /** The app's client id (kick.com → Settings → Developer). */
  clientId: string;
  /** Where Kick sends the browser back with `?code=...&state=...`; must match the app's setting exactly. */
  redirectUri: string;
  /** Scopes asked for, e.g. `['user:read', 'chat:write']` (sending chat needs `chat:write`). */
  scopes: readonly string[];
  /** An unguessable value to check on the redirect (CSRF protection). */
  state: string;
  /** The S256 challenge from {@link createKickPkce}. */
  codeChallenge: string;
  /** Default {@link KICK_ID_URL}; a test server in tests. */
  baseUrl?: string;
}

/**
 * The URL to open in the browser to sign in: `GET {baseUrl}/oauth/authorize` with `response_type=code`,
 * `client_id`, `redirect_uri`, space-separated `scope`, `code_challenge`, `code_challenge_method=S256`
 * and `state`. It holds no secret.
 */
export function kickAuthorizeUrl(options: KickAuthorizeUrlOptions): string {
  const url = new URL('/oauth/authorize', options.baseUrl ?? KICK_ID_URL);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scopes.join(' '),
    code_challenge: options.codeChallenge,
    code_challenge_method: 'S256',
    state: options.state,
  }).toString();
  return url.toString();
}
