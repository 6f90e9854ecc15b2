/**
 * What to do after a Pusher connection ends, by close code (Pusher protocol 7):
 * - `stop`: 4000–4099, "SHOULD NOT be re-established unchanged" (4001 = unknown app key).
 * - `backoff`: 4100–4199 (over capacity...), and every ordinary network failure (1006, no code).
 * - `now`: 4200–4299 (4200 generic, 4201 pong not received, 4202 inactivity): reconnect immediately.
 */
export type CloseAction = 'stop' | 'backoff' | 'now';

/** Classifies a close / `pusher:error` code. */
export function closeAction(code: number | undefined): CloseAction {
  if (code === undefined) return 'backoff';
  if (code >= 4000 && code <= 4099) return 'stop';
  if (code >= 4200 && code <= 4299) return 'now';
  return 'backoff';
}

/** Pusher's documented meaning of a code, for error messages. */
export function describeCloseCode(code: number | undefined): string {
  switch (code) {
    case undefined:
      return 'connection lost';
    case 4000:
      return 'application only accepts TLS';
    case 4001:
      return 'application does not exist (app key unknown or rotated)';
    case 4003:
      return 'application disabled';
    case 4004:
      return 'over connection quota';
    case 4005:
      return 'path not found';
    case 4006:
      return 'invalid version string format';
    case 4007:
      return 'unsupported protocol version';
    case 4008:
      return 'no protocol version supplied';
    case 4009:
      return 'connection unauthorized';
    case 4100:
      return 'over capacity';
    case 4200:
      return 'generic reconnect immediately';
    case 4201:
      return 'pong reply not received';
    case 4202:
      return 'closed after inactivity';
    default:
      return `close code ${code}`;
  }
}
