/**
 * Pusher protocol 7 frames as they travel on the wire.
 *
 * @packageDocumentation
 */

/**
 * One Pusher text frame. Server→client `data` is a JSON-encoded string (Kick's PHP encoder escapes
 * `/` as `\/` in it) that must be parsed a second time; client→server `data` is an object.
 */
export interface PusherFrame {
  event: string;
  data?: unknown;
  channel?: string;
}

/** A frame after the second parse: `data` is whatever the inner JSON held (object, array, string...). */
export interface DecodedFrame {
  /** The event name with any `App\Events\` prefix removed. */
  name: string;
  /** The event name exactly as on the wire. */
  wireName: string;
  channel: string | undefined;
  data: unknown;
}
