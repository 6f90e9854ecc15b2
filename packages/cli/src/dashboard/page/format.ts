import type { StreamEvent } from '@vmsc/custom-ws-client/browser-admin';

/** "12 s ago", "3 min ago", "2 h ago"; "never" without a time. */
export function ago(at: number | undefined, now: number): string {
  if (at === undefined) return 'never';
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}

/** The spec's dashboard status words (StreamElements' status card). */
export const STATUS_WORDS: Record<string, { label: string; meaning: string }> = {
  disconnected: { label: 'Disconnected', meaning: 'No active connection.' },
  connecting: { label: 'Connecting', meaning: 'Connecting…' },
  connected: { label: 'Connected', meaning: 'Connection is active and receiving events.' },
  reconnecting: { label: 'Reconnecting', meaning: 'Connection lost. Reconnecting automatically.' },
  error: { label: 'Error', meaning: 'Connection failed. Check the credentials or the network.' },
};

/** A one-line summary of an event's data. */
export function summary(event: StreamEvent): string {
  const data = event.data as Record<string, unknown>;
  for (const key of ['message', 'text', 'giftName', 'amount', 'bits', 'bpm', 'count', 'viewers']) {
    const value = data[key];
    if (value !== undefined && value !== null && typeof value !== 'object') {
      const extra = key === 'amount' && typeof data.currency === 'string' ? ` ${data.currency}` : '';
      return `${key === 'message' || key === 'text' ? '' : `${key} `}${String(value)}${extra}`;
    }
  }
  return '';
}

/** `hh:mm:ss` of an epoch-ms time. */
export function clock(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour12: false });
}
