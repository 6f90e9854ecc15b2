/**
 * Setup file of the vitest project `browser-build`: the bundle uses the runtime's global WebSocket
 * (what `isomorphic-ws` is in the browser build); Node 20 has none, so it gets `ws`'s WHATWG-style
 * one, as real as the Node build's. Set before the test file imports the bundle.
 */
import { WebSocket } from 'ws';

(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
