import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Secret } from '@vmsc/core';
import { TOKEN_SUBPROTOCOL_PREFIX, type TokenScope } from '@vmsc/core/protocol';

/** Where a connection's token came from. */
export type TokenCarrier = 'query' | 'header' | 'subprotocol';

/** A token found on an upgrade request, and where. */
export interface PresentedToken {
  value: string;
  carrier: TokenCarrier;
}

/** A new random token: 32 bytes from the CSPRNG, base64url (safe in URLs and subprotocols). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The token of an upgrade request: `Authorization: Bearer <token>`, then a `vmsc.token.<token>`
 * subprotocol, then the `token` query parameter. `undefined` when none is present.
 */
export function presentedToken(request: IncomingMessage): PresentedToken | undefined {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return { value: match[1]!, carrier: 'header' };
  }
  const protocols = request.headers['sec-websocket-protocol'];
  if (typeof protocols === 'string') {
    for (const protocol of protocols.split(',')) {
      const trimmed = protocol.trim();
      if (trimmed.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) {
        return { value: trimmed.slice(TOKEN_SUBPROTOCOL_PREFIX.length), carrier: 'subprotocol' };
      }
    }
  }
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  if (queryStart >= 0) {
    const token = new URLSearchParams(url.slice(queryStart + 1)).get('token');
    if (token) return { value: token, carrier: 'query' };
  }
  return undefined;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares a presented token with the expected one in constant time (both are hashed first, so
 * neither the content nor the length leaks through timing).
 */
export function tokensEqual(presented: string, expected: Secret): boolean {
  return timingSafeEqual(digest(presented), digest(expected.reveal()));
}

/** A token the server accepts and the scopes it grants. */
export interface TokenGrant {
  token: Secret;
  scopes: readonly TokenScope[];
  /** Whether this is the main token (the one `regenerateToken()` replaces). */
  main: boolean;
}

/** The grant matching a presented token; every grant is compared, so timing does not tell which matched. */
export function findGrant(presented: string, grants: readonly TokenGrant[]): TokenGrant | undefined {
  let found: TokenGrant | undefined;
  for (const grant of grants) {
    if (tokensEqual(presented, grant.token) && !found) found = grant;
  }
  return found;
}
