import type { Secret } from '@vmsc/core';
import { adminActions, clientActions, type ClientAction, type TokenScope } from '@vmsc/core/protocol';

/**
 * Token scopes: which scope each action needs, and the hook that decides a token's scopes.
 *
 * @packageDocumentation
 */

/**
 * Decides the scopes of an authenticated token: given the token and the scopes the server was
 * configured with for it (all of them for the main token, those of its `tokens` entry otherwise),
 * answers the scopes the connection gets. Supplied as `scopesFor` in the server options; the
 * default, {@link configuredScopes}, keeps the configured ones.
 */
export type TokenScopesResolver = (token: Secret, configured: readonly TokenScope[]) => readonly TokenScope[];

/** The default {@link TokenScopesResolver}: the scopes configured for the token (the main token has all). */
export const configuredScopes: TokenScopesResolver = (_token, configured) => configured;

const ADMIN = new Set<string>(adminActions);

/** The scope an action needs (`hello` needs none). */
export function actionScope(action: ClientAction): TokenScope | undefined {
  if (ADMIN.has(action)) return 'admin';
  switch (action) {
    case 'injectEvent':
      return 'inject';
    case 'triggerRule':
      return 'trigger';
    case 'subscribe':
      return 'subscribe';
    default:
      return undefined;
  }
}

/** The actions a connection with these scopes may use (the admin ones only when the server has an admin handler). */
export function allowedActions(scopes: readonly TokenScope[], hasAdmin: boolean): ClientAction[] {
  return clientActions.filter((action) => {
    const scope = actionScope(action);
    if (scope === 'admin' && !hasAdmin) return false;
    return scope === undefined || scopes.includes(scope);
  });
}
