/**
 * The part of the socket.io-client 2.x API (installed as the `socket.io-client-v2` alias, because
 * Streamlabs speaks Socket.IO 2 / Engine.IO 3) that the connector uses. `@types/socket.io-client`
 * declares the unaliased module name, so it cannot type the alias.
 */
declare module 'socket.io-client-v2' {
  namespace io {
    interface ConnectOpts {
      transports?: string[];
      query?: Record<string, string>;
      reconnection?: boolean;
      forceNew?: boolean;
      timeout?: number;
      autoConnect?: boolean;
    }
    interface Manager {
      on(event: 'open', listener: () => void): this;
      on(event: 'close', listener: (reason: string) => void): this;
    }
    interface Socket {
      readonly connected: boolean;
      readonly io: Manager;
      on(event: 'connect', listener: () => void): this;
      on(event: 'disconnect', listener: (reason: string) => void): this;
      on(event: 'connect_error' | 'error', listener: (error: unknown) => void): this;
      on(event: 'connect_timeout', listener: (timeout: number) => void): this;
      on(event: string, listener: (...args: unknown[]) => void): this;
      off(event?: string): this;
      removeAllListeners(): this;
      close(): this;
    }
  }
  function io(uri: string, options?: io.ConnectOpts): io.Socket;
  export = io;
}
