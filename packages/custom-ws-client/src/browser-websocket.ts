/**
 * What `isomorphic-ws` resolves to in the browser build: the runtime's own WebSocket (the
 * `./browser` bundle aliases `isomorphic-ws` to this file, so neither `ws` nor any Node builtin is
 * bundled). `undefined` where there is none; opening a connection then fails with a ConnectionError.
 *
 * @internal
 */
const BrowserWebSocket = (globalThis as { WebSocket?: typeof WebSocket }).WebSocket as typeof WebSocket;

export default BrowserWebSocket;
