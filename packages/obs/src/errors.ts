import { AuthError, ConnectionError, NotFoundError, VmscError, type VmscErrorOptions } from '@vmsc/core';

/** What OBS answered to a failed request (obs-websocket's `requestStatus`). */
export interface ObsRequestFailure {
  /** The request that failed, e.g. `SetCurrentProgramScene`. */
  readonly requestType: string;
  /** obs-websocket's `RequestStatus` code (600 ResourceNotFound, 500 OutputRunning, 207 NotReady...). */
  readonly statusCode: number;
  /** OBS's explanation, when it gave one. */
  readonly comment: string | undefined;
}

/**
 * OBS refused the password: obs-websocket closed the connection with 4009 AuthenticationFailed
 * (wrong password, or none given while the server requires one). Retrying cannot help: the
 * controller stops in status `error`. The message never contains the password.
 */
export class ObsAuthError extends AuthError {
  /** The WebSocket close code (4009). */
  readonly closeCode: number;

  constructor(message: string, closeCode: number, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'OBS_AUTH_FAILED' });
    this.closeCode = closeCode;
  }
}

/**
 * OBS has no such scene, source, scene item, input or hotkey (obs-websocket answered 600
 * ResourceNotFound). `resource` says what was looked for, e.g. `scene "Intro"`.
 *
 * @example
 * ```ts
 * try {
 *   await obs.setProgramScene('Intro');
 * } catch (error) {
 *   if (error instanceof ObsNotFoundError) console.warn(`no such ${error.resource}`);
 * }
 * ```
 */
export class ObsNotFoundError extends NotFoundError implements ObsRequestFailure {
  readonly requestType: string;
  readonly statusCode: number;
  readonly comment: string | undefined;
  /** What was not found, e.g. `scene "Intro"` or `source "Cam" in scene "Main"`. */
  readonly resource: string;

  constructor(resource: string, failure: ObsRequestFailure, options?: VmscErrorOptions) {
    super(`OBS has no ${resource}${failure.comment ? ` (${failure.comment})` : ''}`, { ...options, code: 'OBS_NOT_FOUND' });
    this.resource = resource;
    this.requestType = failure.requestType;
    this.statusCode = failure.statusCode;
    this.comment = failure.comment;
  }
}

/**
 * OBS answered a request with a failure other than "not found": `statusCode` is obs-websocket's
 * `RequestStatus` (500 OutputRunning when recording is already on, 501 OutputNotRunning, 207
 * NotReady while OBS loads, 204 UnknownRequestType...) and `comment` its explanation. A request
 * OBS did not answer within `requestTimeoutMs` has `statusCode` -1 and code `OBS_REQUEST_TIMEOUT`.
 */
export class ObsRequestError extends VmscError implements ObsRequestFailure {
  readonly requestType: string;
  readonly statusCode: number;
  readonly comment: string | undefined;

  constructor(message: string, failure: ObsRequestFailure, options?: VmscErrorOptions & { code?: string }) {
    super(options?.code ?? 'OBS_REQUEST_FAILED', message, options);
    this.requestType = failure.requestType;
    this.statusCode = failure.statusCode;
    this.comment = failure.comment;
  }
}

/**
 * A request was made while the controller is not connected to OBS (before `connect()` resolved,
 * while it reconnects, after `disconnect()`), or the connection closed before OBS answered. The
 * request was not (or may not have been) carried out.
 */
export class ObsNotConnectedError extends ConnectionError {
  /** The request that could not be sent, when there was one. */
  readonly requestType: string | undefined;

  constructor(message: string, requestType?: string, options?: VmscErrorOptions) {
    super(message, { ...options, code: 'OBS_NOT_CONNECTED' });
    this.requestType = requestType;
  }
}
