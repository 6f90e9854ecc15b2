/**
 * The numbers of obs-websocket 5's protocol (docs/generated/protocol.md of obsproject/obs-websocket)
 * and its salted-challenge authentication.
 *
 * @packageDocumentation
 */
import { createHash, randomBytes } from 'node:crypto';

/** `WebSocketOpCode`: the `op` of every message. */
export const ObsOpCode = {
  Hello: 0,
  Identify: 1,
  Identified: 2,
  Reidentify: 3,
  Event: 5,
  Request: 6,
  RequestResponse: 7,
  RequestBatch: 8,
  RequestBatchResponse: 9,
} as const;

/** `WebSocketCloseCode`: why obs-websocket closed the connection. */
export const ObsCloseCode = {
  UnknownReason: 4000,
  MessageDecodeError: 4002,
  MissingDataField: 4003,
  InvalidDataFieldType: 4004,
  InvalidDataFieldValue: 4005,
  UnknownOpCode: 4006,
  NotIdentified: 4007,
  AlreadyIdentified: 4008,
  AuthenticationFailed: 4009,
  UnsupportedRpcVersion: 4010,
  SessionInvalidated: 4011,
  UnsupportedFeature: 4012,
} as const;

/** `RequestStatus`: the `requestStatus.code` of a RequestResponse. */
export const ObsRequestStatus = {
  Success: 100,
  MissingRequestType: 203,
  UnknownRequestType: 204,
  GenericError: 205,
  UnsupportedRequestBatchExecutionType: 206,
  NotReady: 207,
  MissingRequestField: 300,
  MissingRequestData: 301,
  InvalidRequestField: 400,
  InvalidRequestFieldType: 401,
  RequestFieldOutOfRange: 402,
  RequestFieldEmpty: 403,
  TooManyRequestFields: 404,
  OutputRunning: 500,
  OutputNotRunning: 501,
  OutputPaused: 502,
  OutputNotPaused: 503,
  OutputDisabled: 504,
  StudioModeActive: 505,
  StudioModeNotActive: 506,
  ResourceNotFound: 600,
  ResourceAlreadyExists: 601,
  InvalidResourceType: 602,
  NotEnoughResources: 603,
  InvalidResourceState: 604,
  InvalidInputKind: 605,
  ResourceNotConfigurable: 606,
  InvalidFilterKind: 607,
  ResourceCreationFailed: 700,
  ResourceActionFailed: 701,
  RequestProcessingFailed: 702,
  CannotAct: 703,
} as const;

/** `EventSubscription`: the bits of `eventSubscriptions`, and each event's `eventIntent`. */
export const ObsEventSubscription = {
  None: 0,
  General: 1 << 0,
  Config: 1 << 1,
  Scenes: 1 << 2,
  Inputs: 1 << 3,
  Transitions: 1 << 4,
  Filters: 1 << 5,
  Outputs: 1 << 6,
  SceneItems: 1 << 7,
  MediaInputs: 1 << 8,
  Vendors: 1 << 9,
  Ui: 1 << 10,
  Canvases: 1 << 11,
  /** Every category except the high-volume events (the default when Identify gives none). */
  All: (1 << 12) - 1,
  InputVolumeMeters: 1 << 16,
  InputActiveStateChanged: 1 << 17,
  InputShowStateChanged: 1 << 18,
  SceneItemTransformChanged: 1 << 19,
} as const;

/** The one RPC version obs-websocket 5 speaks. */
export const OBS_RPC_VERSION = 1;

const sha256Base64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * The `authentication` string of Identify: `base64(sha256(base64(sha256(password + salt)) + challenge))`.
 */
export function obsAuthenticationString(password: string, salt: string, challenge: string): string {
  return sha256Base64(sha256Base64(password + salt) + challenge);
}

/** A random 32-byte base64 salt or challenge, as obs-websocket's `GenerateSalt`. */
export function obsRandomSalt(): string {
  return randomBytes(32).toString('base64');
}
