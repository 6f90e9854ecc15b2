export { CustomWsClient } from './custom-ws-client.js';
export type { CustomWsClientOptions } from './custom-ws-client.js';
export { WsConnector } from './ws-connector.js';
export type { WsConnectorOptions, TokenPlacement } from './ws-connector.js';
export { compilePath, compileMapping } from './mapping/compile.js';
export type { CompiledPath, CompiledMapping, MappingOutcome } from './mapping/compile.js';
export type { MessageMapping, FieldMapping, MessageFilter, JsonValue } from './mapping/types.js';
export { MultistreamerClient, MULTISTREAMER_CHAT_LIMITS } from './presets/multistreamer/client.js';
export type { MultistreamerClientOptions, MultistreamerChatOptions } from './presets/multistreamer/client.js';
export { MULTISTREAMER_SOURCE } from './presets/multistreamer/normalize.js';
export type {
  RawAccount as MultistreamerRawAccount,
  RawStatus as MultistreamerRawStatus,
  RawChat as MultistreamerRawChat,
  RawViewCountResult as MultistreamerRawViewCountResult,
  RawWriterResult as MultistreamerRawWriterResult,
  RawRequest as MultistreamerRawRequest,
} from './presets/multistreamer/raw.js';
export { VmscMirrorClient } from './presets/vmsc/client.js';
export type { VmscMirrorClientOptions } from './presets/vmsc/client.js';
export type { OverlayAlert } from '@vmsc/core/protocol';
export { VmscAdminClient, AdminRequestError } from './admin/admin-client.js';
export type { VmscAdminClientOptions } from './admin/admin-client.js';
export { AdminApi } from './admin/admin-api.js';
export type { AdminRequester } from './admin/admin-api.js';
