import WebSocket from 'ws';

/** What the connector hears from one EventSub socket. */
export interface SocketHandlers {
  /** A frame: its text, or `null` for a binary frame. */
  message(text: string | null): void;
  close(code: number, reason: string): void;
}

/** Opens an EventSub socket (the server only sends; socket errors surface as the close that follows). */
export function openSocket(url: string, handlers: SocketHandlers): WebSocket {
  const socket = new WebSocket(url);
  socket.on('message', (data, isBinary) => handlers.message(isBinary ? null : data.toString()));
  socket.on('close', (code, reason) => handlers.close(code, reason.toString()));
  socket.on('error', () => undefined);
  return socket;
}

/** Closes with 1000 (terminates a socket still connecting, or one that does not close within 1 s). */
export function closeSocket(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve();
    socket.once('close', () => resolve());
    if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
    else socket.close(1000);
    setTimeout(() => {
      socket.terminate();
      resolve();
    }, 1_000).unref?.();
  });
}
