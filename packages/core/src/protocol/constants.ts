/**
 * Fixed numbers of the VMSC Custom WebSocket protocol (spec 000 plus the documented extensions).
 *
 * @packageDocumentation
 */

/** The protocol version this package speaks (answered by `hello`). */
export const PROTOCOL_VERSION = 1;

/** Default TCP port of the custom WebSocket server (spec 000). */
export const DEFAULT_CUSTOM_WS_PORT = 7895;

/**
 * The WebSocket subprotocol a browser offers next to its token subprotocol; the server selects it
 * (a browser fails the handshake when it offered subprotocols and the server selects none).
 */
export const CUSTOM_WS_SUBPROTOCOL = 'vmsc.v1';

/**
 * Prefix of the subprotocol that carries the auth token for clients that cannot set headers
 * (browsers): offer `['vmsc.v1', 'vmsc.token.' + token]`.
 */
export const TOKEN_SUBPROTOCOL_PREFIX = 'vmsc.token.';

/**
 * Close codes the server uses. 4401 is spec 000's; the others are VMSC's documented choices in the
 * application range (4000–4999), plus the standard 1001, 1007 and 1009. (A browser page whose `Origin`
 * is not allowed never gets a WebSocket: its upgrade is answered with HTTP 403.)
 */
export const CLOSE_CODES = {
  /** Missing, wrong or regenerated token (spec 000). An `AUTH_FAILED` error message precedes it. */
  AUTH_FAILED: 4401,
  /** The client kept sending after being rate limited (flooding). */
  FLOODING: 4429,
  /** The server already has its maximum number of connections. */
  SERVER_FULL: 4503,
  /** The client did not read its messages fast enough: its send buffer passed the bound. */
  SLOW_CONSUMER: 4509,
  /** The server is shutting down (`close()`). */
  GOING_AWAY: 1001,
  /** A frame was larger than the maximum frame size (set by the WebSocket layer). */
  MESSAGE_TOO_BIG: 1009,
  /** A text frame was not valid UTF-8 (set by the WebSocket layer; binary frames are decoded leniently instead). */
  INVALID_FRAME_DATA: 1007,
} as const;

/** One of {@link CLOSE_CODES}. */
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
