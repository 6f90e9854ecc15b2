import { ConnectionError, ProtocolError } from '@vmsc/core';

/** Kick's Pusher app key and cluster. */
export interface KickPusherCredentials {
  appKey: string;
  cluster: string;
}

/** The public key Kick's web client uses today (research brief §1.2; it was `eb1d5f283081a78b932c` in 2023). */
export const KICK_DEFAULT_APP_KEY = '32cbd69e4b950bf97679';
/** Kick's Pusher cluster. */
export const KICK_DEFAULT_CLUSTER = 'us2';

/** Options of {@link negotiateKickAppKey}. */
export interface KickNegotiationOptions {
  /** Base URL of Kick's realtime negotiation. Default `https://web.kick.com`. */
  baseUrl?: string;
  timeoutMs?: number;
}

interface PusherConnection {
  provider?: unknown;
  credentials?: { app_key?: unknown; cluster?: unknown };
}

/**
 * Asks Kick which Pusher key to use: `POST {baseUrl}/api/v1/realtime/channels/{channelId}/chat/connection`
 * (the **channel** id, not the chatroom id). Accepts both answer shapes seen: `{provider, credentials}`
 * and `{data: {connections: [...]}}`.
 *
 * @throws `ConnectionError` when the endpoint cannot be reached, `ProtocolError` when it offers no pusher credentials.
 */
export async function negotiateKickAppKey(
  channelId: number | string,
  options: KickNegotiationOptions = {},
): Promise<KickPusherCredentials> {
  const url = `${(options.baseUrl ?? 'https://web.kick.com').replace(/\/$/, '')}/api/v1/realtime/channels/${encodeURIComponent(String(channelId))}/chat/connection`;
  const body = JSON.stringify({
    client: { id: globalThis.crypto.randomUUID(), type: 'web' },
    capabilities: { accepted_providers: [{ provider: 'pusher' }] },
  });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-app-platform': 'web' },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new ConnectionError(`Kick app key negotiation failed: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) throw new ConnectionError(`Kick app key negotiation answered HTTP ${response.status}`);
  const json = (await response.json().catch(() => undefined)) as
    (PusherConnection & { data?: { connections?: PusherConnection[] } }) | undefined;
  const candidates: PusherConnection[] = [json ?? {}, ...(json?.data?.connections ?? [])];
  for (const candidate of candidates) {
    const credentials = candidate.credentials;
    if (candidate.provider === 'pusher' && typeof credentials?.app_key === 'string' && credentials.app_key !== '') {
      return { appKey: credentials.app_key, cluster: typeof credentials.cluster === 'string' ? credentials.cluster : KICK_DEFAULT_CLUSTER };
    }
  }
  throw new ProtocolError('Kick app key negotiation offered no pusher credentials');
}
