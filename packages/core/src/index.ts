// Errors (every class of errors.ts and rules/errors.ts, recognised across copies of core)
export * from './errors.js';
export * from './rules/errors.js';
export { isVmscError } from './is-vmsc-error.js';
export type { VmscErrorsByName } from './is-vmsc-error.js';

// The event model
export { catalogue } from './events/catalogue/index.js';
export type { Catalogue } from './events/catalogue/index.js';
export { userRefSchema, emoteDetailSchema, unknownDataSchema } from './events/catalogue/shared.js';
export { streamUserSchema, systemUser, SYSTEM_USER_ID, anonymousUser, ANONYMOUS_USER_ID } from './events/user.js';
export type { StreamUser } from './events/user.js';
export { eventMetaSchema } from './events/meta.js';
export type { EventMeta } from './events/meta.js';
export type {
  Platform,
  PlatformEventType,
  StreamEventType,
  EventData,
  PlatformsWithType,
  DataOfType,
  CustomSource,
  StreamEventBase,
  PlatformEvent,
  CustomSourceEvent,
  StreamEvent,
  EventOfType,
} from './events/stream-event.js';
export { platforms, eventTypes, isPlatform, isStreamEventType } from './events/registry.js';
export { createEvent, newEventId } from './events/create.js';
export type { CreateEventInput, CreateEventOptions, TypesFor, DataFor, EventFor } from './events/create.js';
export { parseEvent, assertEvent, validateData, validateUser } from './events/validate.js';
export type { ParseEventResult } from './events/validate.js';
export { isEvent } from './events/guards.js';

// The bus
export { EventBus } from './bus/event-bus.js';
export type { EventBusOptions, EventHandler, NoticeHandler, Unsubscribe } from './bus/event-bus.js';
export type { CrossSourceDedupeOptions } from './bus/cross-source-dedupe.js';
export type {
  BusNotice,
  NoticeOfKind,
  DedupeReason,
  DedupedNotice,
  HandlerErrorNotice,
  StatusNotice,
  GapNotice,
  ErrorNotice,
  ChatWaitingNotice,
  ChatDroppedNotice,
  ViewerEvictedNotice,
  ChatWaitReason,
} from './bus/notices.js';

// The connector contract
export { connectorStatuses } from './connector/status.js';
export type { ConnectorStatus } from './connector/status.js';
export { canSendChat } from './connector/connector.js';
export type { Connector, ConnectorEvents, ConnectorHealth, StatusChange, Gap } from './connector/connector.js';
export { READ_ONLY_CAPABILITIES, chatCapabilities, chatLength, checkChatLength } from './connector/chat.js';
export type { ChatSender, SendChatResult, SendChatOptions, ChatLimits, ChatRateLimit, ConnectorCapabilities } from './connector/chat.js';
export { ChatOutbox, provesNotSent } from './connector/chat-outbox.js';
export type { ChatOutboxOptions } from './connector/chat-outbox.js';
export { BaseConnector } from './connector/base-connector.js';
export type { BaseConnectorOptions } from './connector/base-connector.js';
export { WebSocketConnector, type WebSocketLike, type WebSocketClose } from './connector/websocket-connector.js';
export {
  SocketIoConnector,
  type SocketIoLike,
  type SocketIoConnectorConfig,
  type SocketIoDelivery,
} from './connector/socketio-connector.js';
export { Backoff, Reconnector } from './connector/backoff.js';
export type { BackoffOptions, ReconnectorOptions } from './connector/backoff.js';

// Utilities
export { systemClock } from './util/clock.js';
export type { Clock } from './util/clock.js';
export { Secret, toSecret, redact, REDACTED } from './util/secret.js';
export { RecentIds } from './util/recent-ids.js';
export { parseTimestamp } from './util/timestamp.js';
export { parseRetryAfter } from './util/retry-after.js';
export { microsToDecimal } from './util/micros.js';

// Rules
export { RuleEngine } from './rules/engine.js';
export type { RuleEngineOptions, TriggerOptions, RuleLogger } from './rules/engine-options.js';
export { ruleSchema, triggerSchema, cooldownSchema, runModeSchema } from './rules/rule-schema.js';
export type { Rule, RuleInput, RuleTrigger, RuleCooldown, RuleRunMode } from './rules/rule-schema.js';
export { conditionSchema } from './rules/condition-schema.js';
export type { Condition, FieldCondition, AllCondition, AnyCondition, NotCondition, ConditionTrace } from './rules/conditions.js';
export { operators } from './rules/operators.js';
export type { Operator } from './rules/operators.js';
export { actionSchema } from './rules/action-schema.js';
export { actionTypes } from './rules/actions.js';
export type {
  Action,
  ActionType,
  ActionTypeMap,
  BuiltinAction,
  RunRuleAction,
  IfAction,
  AddPointsAction,
  LeaderboardAction,
  CallAction,
  EmitAction,
  DelayAction,
  LogAction,
  RandomAction,
  CounterAction,
  SetVariableAction,
} from './rules/actions.js';
export type { ActionHandler, ActionHandlerContext, ActionPreview } from './rules/run-actions.js';
export { ActionRegistry } from './rules/registry.js';
export { defineAction } from './rules/definition.js';
export { httpAction, httpActionSchema } from './rules/builtin-http.js';
export type { HttpAction, HttpActionOptions, HttpTarget } from './rules/builtin-http.js';
export type { HttpResponseInfo, FetchFunction } from './rules/http-request.js';
export { HttpActionError } from './rules/http-error.js';
export type { HttpActionErrorCode } from './rules/http-error.js';
export { HostAllowList } from './rules/http-url.js';
export type { ActionDefinition, ActionOf, ActionContext, ActionPreviewContext, ActionPreviewInfo, ActionSkip } from './rules/definition.js';
export { templated } from './rules/builtin.js';
export { validateRules } from './rules/validate.js';
export { replyAction, replyActionSchema, chatSourcesOf, chatTargetsOf } from './rules/builtin-reply.js';
export type { ReplyAction, ReplyOutput, ReplyConnectors } from './rules/builtin-reply.js';
export type { LeaderboardOutput } from './rules/builtin-points.js';
export type { ValidateRulesResult, ValidateRulesOptions } from './rules/validate.js';
export type { RuleRunResult, RunOutcome, RunCause, ActionRecord, ActionStatus, RunHandler, DerivedEventMeta } from './rules/run.js';
export { queuePriorities } from './rules/queue.js';
export type { QueuePriority, QueueStatus, OverflowPolicy } from './rules/queue.js';
export { DEFAULT_MAX_VIEWERS, savedViewerSchema } from './rules/viewers.js';
export type { SavedViewer, LeaderboardEntry } from './rules/viewers.js';
export type { RuleExplanation } from './rules/explain.js';
export { permissionLevels, roleMappings, roleMappingOf, viewerRoles, viewerLevel, checkPermission } from './rules/permissions.js';
export type { PermissionLevel, Permission, PermissionUser, PermissionCheck, ViewerRoles, RoleMapping } from './rules/permissions.js';
export { parseCommandLine, parseUsagePattern, matchUsage } from './rules/command-parser.js';
export type { CommandLine, CommandArgs, UsageToken, ArgType } from './rules/command-parser.js';
export { permissionSchema, commandArgsSchema } from './rules/command-schema.js';
export type { CommandScope, CommandExplanation } from './rules/command.js';
export type { CooldownBlock, CooldownKind } from './rules/cooldowns.js';
export { ruleEngineStateSchema } from './rules/state.js';
export type { RuleEngineState } from './rules/state.js';
export type { JsonValue, JsonPrimitive } from './rules/json.js';
