/**
 * `@vmsc/core/protocol`: the VMSC Custom WebSocket protocol's messages (both directions) as zod
 * schemas and TypeScript types, and its constants. Safe to import in a browser: no `ws`, no server.
 *
 * @example
 * ```ts
 * import { serverMessageSchema, type ClientMessage } from '@vmsc/core/protocol';
 * const socket = new WebSocket('ws://127.0.0.1:7895', ['vmsc.v1', `vmsc.token.${token}`]);
 * const hello: ClientMessage = { action: 'hello', requestId: 1 };
 * socket.onopen = () => socket.send(JSON.stringify(hello));
 * socket.onmessage = (m) => console.log(serverMessageSchema.parse(JSON.parse(m.data)));
 * ```
 *
 * @packageDocumentation
 */
export { PROTOCOL_VERSION, DEFAULT_CUSTOM_WS_PORT, CUSTOM_WS_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX, CLOSE_CODES } from './constants.js';
export type { CloseCode } from './constants.js';
export {
  requestIdSchema,
  errorCodes,
  tokenScopes,
  streamEventSchema,
  injectedEventSchema,
  injectEventMessageSchema,
  triggerRuleMessageSchema,
  subscribeMessageSchema,
  helloMessageSchema,
  clientActions,
  clientMessageSchema,
  injectEventAckSchema,
  triggerRuleAckSchema,
  subscribeAckSchema,
  helloCatalogueSchema,
  helloAckSchema,
  eventMessageSchema,
  errorMessageSchema,
  serverMessageSchema,
} from './messages.js';
export type {
  RequestId,
  ErrorCode,
  TokenScope,
  InjectedEvent,
  InjectEventMessage,
  TriggerRuleMessage,
  SubscribeMessage,
  HelloMessage,
  ClientAction,
  ClientMessage,
  InjectEventAck,
  TriggerRuleAck,
  SubscribeAck,
  JsonSchema,
  HelloCatalogue,
  HelloAck,
  EventMessage,
  ErrorMessage,
  ServerMessage,
} from './messages.js';
export {
  overlayAlertInputSchema,
  overlayAlertSchema,
  alertMessageSchema,
  MAX_ALERT_DURATION_MS,
  DEFAULT_ALERT_DURATION_MS,
} from './alerts.js';
export type { OverlayAlertInput, OverlayAlert, AlertMessage } from './alerts.js';
export {
  adminRequestSchemas,
  adminAckSchemas,
  adminActions,
  adminRequestSchema,
  adminAckSchema,
  adminEngineStateSchema,
  explainEventSchema,
  ruleRunMessageSchema,
  connectorStatusChangedMessageSchema,
  adminPushMessageSchema,
} from './admin.js';
export type {
  AdminAction,
  AdminActionMap,
  AdminRequest,
  AdminAck,
  AdminParams,
  AdminResult,
  ExplainEvent,
  RuleRunMessage,
  ConnectorStatusChangedMessage,
  AdminPushMessage,
} from './admin.js';
export { dedupedMessageSchema } from './admin-notices.js';
export type { DedupedMessage } from './admin-notices.js';
export {
  adminConnectorStates,
  adminErrorInfoSchema,
  adminRuleSchema,
  adminConnectorInfoSchema,
  adminQueueStatusSchema,
  adminActionRecordSchema,
  adminRuleRunSchema,
  adminReloadResultSchema,
  adminExplanationSchema,
} from './admin-results.js';
export type {
  AdminErrorInfo,
  AdminRule,
  AdminConnectorInfo,
  AdminQueueStatus,
  AdminActionRecord,
  AdminRuleRun,
  AdminReloadResult,
  AdminExplanation,
} from './admin-results.js';
