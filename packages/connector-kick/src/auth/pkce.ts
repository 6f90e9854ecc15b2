import { createHash, randomBytes } from 'node:crypto';

/** A PKCE pair (RFC 7636) for one sign-in: keep `codeVerifier` private until the code exchange. */
export interface KickPkce {
  /** 43–128 characters of `[A-Za-z0-9-._~]`; sent only to `POST /oauth/token`. */
  codeVerifier: string;
  /** base64url(SHA-256(codeVerifier)), sent in the authorize URL. */
  codeChallenge: string;
  /** Always `S256` (Kick accepts no other method). */
  method: 'S256';
}

/** base64url(SHA-256(`codeVerifier`)), the S256 code challenge of RFC 7636 §4.2. */
export function kickPkceChallenge(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

/**
 * A fresh PKCE pair: a 64-character random verifier (48 random bytes, base64url) and its S256 challenge.
 *
 * @example
 * ```ts
 * const pkce = createKickPkce();
 * const url = kickAuthorizeUrl({ clientId, redirectUri, scopes: ['chat:write'], state, codeChallenge: pkce.codeChallenge });
 * ```
 */
export function createKickPkce(): KickPkce {
  const codeVerifier = randomBytes(48).toString('base64url');
  return { codeVerifier, codeChallenge: kickPkceChallenge(codeVerifier), method: 'S256' };
}
