/**
 * The browser build of `@vmsc/custom-ws-client` (`@vmsc/custom-ws-client/browser`): one ES module
 * with its dependencies bundled, using the browser's own WebSocket, importable from a plain
 * `<script type="module">`. It exports the client API plus the few `@vmsc/core` pieces a page
 * needs (the bus, event guards and validation), so a page needs nothing else.
 *
 * Browsers cannot set WebSocket headers: the token is sent as the `vmsc.token.<token>` subprotocol
 * by {@link VmscMirrorClient} (or as a query parameter, `tokenIn: 'query'`).
 *
 * @example
 * ```html
 * <script type="module">
 *   import { EventBus, VmscMirrorClient } from './vmsc-client.browser.js';
 *   const bus = new EventBus();
 *   bus.on('gift', (event) => console.log(event.user.nickname, event.data));
 *   await new VmscMirrorClient({ bus, url: 'ws://127.0.0.1:7895', token: '…' }).connect();
 * </script>
 * ```
 *
 * @packageDocumentation
 */
export { CustomWsClient } from './custom-ws-client.js';
export type { CustomWsClientOptions } from './custom-ws-client.js';
export { WsConnector } from './ws-connector.js';
export type { WsConnectorOptions, TokenPlacement } from './ws-connector.js';
export { compilePath, compileMapping } from './mapping/compile.js';
export type { CompiledPath, CompiledMapping, MappingOutcome } from './mapping/compile.js';
export type { MessageMapping, FieldMapping, MessageFilter, JsonValue } from './mapping/types.js';
export { MultistreamerClient } from './presets/multistreamer/client.js';
export type { MultistreamerClientOptions, MultistreamerChatOptions } from './presets/multistreamer/client.js';
export { VmscMirrorClient } from './presets/vmsc/client.js';
export type { VmscMirrorClientOptions } from './presets/vmsc/client.js';
export type { OverlayAlert } from '@vmsc/core/protocol';
export { EventBus, isEvent, parseEvent, createEvent, systemUser } from '@vmsc/core';
export type { StreamEvent, StreamUser, EventBusOptions, Unsubscribe, ConnectorStatus, StatusChange } from '@vmsc/core';
