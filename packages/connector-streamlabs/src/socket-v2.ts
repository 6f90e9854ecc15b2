/**
 * The part of the socket.io-client 2.x API (installed as the `socket.io-client-v2` alias, because
 * Streamlabs speaks Socket.IO 2 / Engine.IO 3) that the connector uses. Declared here, not only in
 * the module shim, so the published declarations name no module a consumer has no types for.
 */

/** Options of `io(url, options)`. */
export interface StreamlabsSocketOptions {
  transports?: string[];
  query?: Record<string, string>;
  reconnection?: boolean;
  forceNew?: boolean;
  timeout?: number;
  autoConnect?: boolean;
}

/** The socket's Engine.IO manager. */
export interface StreamlabsSocketManager {
  on(event: 'open', listener: () => void): this;
  on(event: 'close', listener: (reason: string) => void): this;
}

/** A socket.io-client 2 socket, as the connector uses it. */
export interface StreamlabsSocket {
  readonly connected: boolean;
  readonly io: StreamlabsSocketManager;
  on(event: 'connect', listener: () => void): this;
  on(event: 'disconnect', listener: (reason: string) => void): this;
  on(event: 'connect_error' | 'error', listener: (error: unknown) => void): this;
  on(event: 'connect_timeout', listener: (timeout: number) => void): this;
  on(event: string, listener: (...args: unknown[]) => void): this;
  off(event?: string): this;
  removeAllListeners(): this;
  close(): this;
}
