/**
 * Types for the `socket.io-client-v2` alias (socket.io-client 2.x): `@types/socket.io-client`
 * declares the unaliased module name, so it cannot type the alias. The shapes are in socket-v2.ts.
 */
declare module 'socket.io-client-v2' {
  function io(uri: string, options?: import('./socket-v2.js').StreamlabsSocketOptions): import('./socket-v2.js').StreamlabsSocket;
  export = io;
}
