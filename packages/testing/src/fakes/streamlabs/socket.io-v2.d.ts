/**
 * The part of the socket.io 2.x server API (installed as the `socket.io-v2` alias) that the
 * Streamlabs fake uses. `@types/socket.io` cannot apply to an aliased package name.
 */
declare module 'socket.io-v2' {
  import type { Server as HttpServer } from 'node:http';

  namespace createServer {
    /** An Engine.IO 3 packet as the engine emits it. */
    interface EnginePacket {
      type: string;
      data?: unknown;
    }
    /** An Engine.IO 3 server-side socket (one per client connection). */
    interface EngineSocket {
      readonly id: string;
      readonly request: { url?: string };
      on(event: 'packet' | 'packetCreate', listener: (packet: EnginePacket) => void): this;
      on(event: 'close', listener: (reason: string) => void): this;
      close(): void;
    }
    interface Engine {
      on(event: 'connection', listener: (socket: EngineSocket) => void): this;
    }
    interface Handshake {
      query: Record<string, string | undefined>;
      url: string;
    }
    interface Socket {
      readonly id: string;
      readonly handshake: Handshake;
      readonly connected: boolean;
      emit(event: string, ...args: unknown[]): boolean;
      disconnect(close?: boolean): this;
      on(event: string, listener: (...args: unknown[]) => void): this;
    }
    interface Namespace {
      readonly sockets: Record<string, Socket>;
    }
    interface ServerOptions {
      pingInterval?: number;
      pingTimeout?: number;
      serveClient?: boolean;
      path?: string;
      transports?: string[];
    }
    interface Server {
      readonly engine: Engine;
      use(middleware: (socket: Socket, next: (error?: Error) => void) => void): this;
      on(event: 'connection', listener: (socket: Socket) => void): this;
      of(namespace: string): Namespace;
      emit(event: string, ...args: unknown[]): boolean;
      close(callback?: () => void): void;
    }
  }
  function createServer(server: HttpServer, options?: createServer.ServerOptions): createServer.Server;
  export = createServer;
}
