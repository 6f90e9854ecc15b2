import { toSecret, type Secret } from '@vmsc/core';
import { KickTokenProvider } from './token-provider.js';

/**
 * What `KickConnector`'s `chatToken` takes: a fixed token, a {@link KickTokenProvider} (refreshes
 * itself, and once after a 401), or a function returning the current access token (called for every
 * message, and once more after a 401).
 */
export type KickChatToken = string | Secret | KickTokenProvider | (() => Promise<string | Secret>);

/** The connector's view of a chat token: get one, and ask for another after a 401. */
export interface ChatTokenSource {
  get(): Promise<Secret>;
  /** A token to retry with after `rejected` got a 401, or undefined when there is none to try. */
  renew(rejected: Secret): Promise<Secret | undefined>;
}

/** Wraps any {@link KickChatToken} as a {@link ChatTokenSource}. */
export function chatTokenSource(token: KickChatToken): ChatTokenSource {
  if (token instanceof KickTokenProvider) {
    return {
      get: () => token.accessToken(),
      renew: async (rejected) => (await token.refresh(rejected)).accessToken,
    };
  }
  if (typeof token === 'function') {
    return {
      get: async () => toSecret(await token()),
      renew: async (rejected) => {
        const next = toSecret(await token());
        return next.reveal() === rejected.reveal() ? undefined : next;
      },
    };
  }
  const fixed = toSecret(token);
  return { get: () => Promise.resolve(fixed), renew: () => Promise.resolve(undefined) };
}
