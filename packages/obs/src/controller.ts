import {
  BaseConnector,
  ConnectionError,
  EventBus,
  redact,
  TimeoutError,
  toSecret,
  type Backoff,
  type BackoffOptions,
  type Clock,
  type Secret,
  type VmscError,
} from '@vmsc/core';
import { EventSubscription, OBSWebSocket, OBSWebSocketError, type OBSRequestTypes, type OBSResponseTypes } from 'obs-websocket-js/json';
import { ObsAuthError, ObsNotConnectedError, ObsNotFoundError, ObsRequestError } from './errors.js';

/** obs-websocket's default address (OBS → Tools → WebSocket Server Settings). */
export const OBS_DEFAULT_URL = 'ws://127.0.0.1:4455';

/** The close codes that end the controller instead of a retry. */
const AUTHENTICATION_FAILED = 4009;
const UNSUPPORTED_RPC_VERSION = 4010;
/** The "Kick" button of OBS's session list: the protocol says not to reconnect automatically. */
const SESSION_INVALIDATED = 4011;
const RESOURCE_NOT_FOUND = 600;

/** Options of {@link ObsController}. */
export interface ObsControllerOptions {
  /** obs-websocket's URL. Default `ws://127.0.0.1:4455`. */
  url?: string;
  /** The server password (OBS → Tools → WebSocket Server Settings), if authentication is on. Never logged. */
  password?: string | Secret;
  /** Reconnect backoff (default: 1, 2, 4, 8, then 16 s, plus 0–1 s jitter). */
  backoff?: Backoff | BackoffOptions;
  /** Time source for backoff and timeouts, for tests. */
  clock?: Clock;
  /** Where status notices go (source `obs`); default: a bus of its own. */
  bus?: EventBus;
  /** Instance name in notices. Default `obs`. */
  id?: string;
  /** How long to wait for Hello/Identified before retrying, ms. Default 10,000. */
  connectTimeoutMs?: number;
  /** How long to wait for OBS to answer a request, ms. Default 10,000. */
  requestTimeoutMs?: number;
  /** obs-websocket events to subscribe to (bitmask of `EventSubscription`). Default none: the controller only sends requests. */
  eventSubscriptions?: number;
}

/** What {@link ObsController.stopRecording} resolves with. */
export interface ObsRecordingStopped {
  /** The file OBS saved the recording to. */
  outputPath: string;
}

/**
 * Drives OBS Studio through obs-websocket 5 (with the `obs-websocket-js` library): program scene,
 * scene item visibility, text and other input settings, hotkeys, recording and streaming.
 *
 * It has a connector's lifecycle: `connect()` resolves once identified (with the salted-challenge
 * password when set) and keeps retrying with backoff while OBS is not running; a dropped connection
 * moves to `reconnecting` and comes back on its own; a refused password stops in `error` with an
 * {@link ObsAuthError}. Requests made while not connected reject with {@link ObsNotConnectedError};
 * unknown scenes, sources and hotkeys with {@link ObsNotFoundError}; other refusals with
 * {@link ObsRequestError}.
 *
 * @example
 * ```ts
 * const obs = new ObsController({ url: 'ws://127.0.0.1:4455', password: process.env.OBS_PASSWORD });
 * await obs.connect();
 * await obs.setProgramScene('Be Right Back');
 * await obs.setText('Alert Text', 'Thanks for the follow!');
 * await obs.setSceneItemEnabled('Main', 'Alert Box', true);
 * ```
 */
export class ObsController extends BaseConnector {
  /** The obs-websocket URL. */
  readonly url: string;
  readonly #password: Secret | undefined;
  readonly #connectTimeoutMs: number;
  readonly #requestTimeoutMs: number;
  readonly #eventSubscriptions: number;
  #client: OBSWebSocket | undefined;
  #connectTimer: unknown;

  constructor(options: ObsControllerOptions = {}) {
    super('obs', {
      bus: options.bus ?? new EventBus(),
      ...(options.id === undefined ? {} : { id: options.id }),
      ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
    this.url = options.url ?? OBS_DEFAULT_URL;
    this.#password = options.password === undefined ? undefined : toSecret(options.password);
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.#eventSubscriptions = options.eventSubscriptions ?? EventSubscription.None;
  }

  /**
   * Connects and identifies. Resolves once OBS accepted the connection; rejects with
   * {@link ObsAuthError} on a refused password. While OBS is unreachable it retries with backoff
   * and the promise stays pending (watch `status`).
   */
  connect(): Promise<void> {
    return this.startConnecting(() => this.#open());
  }

  /** Closes the connection and stops retrying; status `disconnected`. */
  async disconnect(): Promise<void> {
    this.markDisconnected(new ObsNotConnectedError('disconnect() was called before OBS connected'));
    await this.#closeClient();
  }

  /** Switches the program (live) scene. Unknown scene: {@link ObsNotFoundError}. */
  async setProgramScene(sceneName: string): Promise<void> {
    await this.#call('SetCurrentProgramScene', { sceneName }, `scene "${sceneName}"`);
  }

  /**
   * Shows (`true`) or hides (`false`) the source `sourceName` in scene `sceneName` (the eye icon).
   * Unknown scene, or no such source in that scene: {@link ObsNotFoundError}.
   */
  async setSceneItemEnabled(sceneName: string, sourceName: string, enabled: boolean): Promise<void> {
    const where = `source "${sourceName}" in scene "${sceneName}"`;
    const { sceneItemId } = await this.#call('GetSceneItemId', { sceneName, sourceName }, where);
    await this.#call('SetSceneItemEnabled', { sceneName, sceneItemId, sceneItemEnabled: enabled }, where);
  }

  /** Sets the text of a text source (GDI+ `text_gdiplus_v3` or FreeType `text_ft2_source_v2`). */
  async setText(inputName: string, text: string): Promise<void> {
    await this.setInputSettings(inputName, { text });
  }

  /**
   * Sets an input's settings (e.g. a browser source's `url`, an image's `file`). With `overlay`
   * (the default) the given keys are applied on top of the current settings; with `false` the
   * input is reset to its defaults first. Unknown input: {@link ObsNotFoundError}.
   */
  async setInputSettings(inputName: string, inputSettings: Record<string, unknown>, overlay = true): Promise<void> {
    await this.#call(
      'SetInputSettings',
      { inputName, inputSettings: inputSettings as OBSRequestTypes['SetInputSettings']['inputSettings'], overlay },
      `input "${inputName}"`,
    );
  }

  /** Triggers a hotkey by its OBS name (e.g. `OBSBasic.Screenshot`). Unknown name: {@link ObsNotFoundError}. */
  async triggerHotkey(hotkeyName: string): Promise<void> {
    await this.#call('TriggerHotkeyByName', { hotkeyName }, `hotkey "${hotkeyName}"`);
  }

  /** Starts recording. Already recording: {@link ObsRequestError} with `statusCode` 500 (OutputRunning). */
  async startRecording(): Promise<void> {
    await this.#call('StartRecord', undefined);
  }

  /** Stops recording and resolves with the saved file. Not recording: {@link ObsRequestError} 501 (OutputNotRunning). */
  async stopRecording(): Promise<ObsRecordingStopped> {
    const { outputPath } = await this.#call('StopRecord', undefined);
    return { outputPath };
  }

  /** Starts streaming. Already live: {@link ObsRequestError} with `statusCode` 500 (OutputRunning). */
  async startStreaming(): Promise<void> {
    await this.#call('StartStream', undefined);
  }

  /** Stops streaming. Not live: {@link ObsRequestError} 501 (OutputNotRunning). */
  async stopStreaming(): Promise<void> {
    await this.#call('StopStream', undefined);
  }

  /**
   * Any other obs-websocket request (see obs-websocket's protocol.md), e.g. `call('GetSceneList')`,
   * with the same errors as the methods above. Resolves with the `responseData` (`{}` when none).
   * Its types are deliberately loose: the typed request map of `obs-websocket-js` pulls in
   * `type-fest` declarations that do not compile with `skipLibCheck: false` on TypeScript 5.9.
   */
  async call(requestType: string, requestData?: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response: unknown = await this.#call(requestType as keyof OBSRequestTypes, requestData as never);
    return (response ?? {}) as Record<string, unknown>;
  }

  /** `ObsController(<url>, <status>)`: never the password. */
  override toString(): string {
    return `ObsController(${this.url}, ${this.status})`;
  }

  #open(): void {
    void this.#closeClient();
    const client = new OBSWebSocket();
    this.#client = client;
    this.#connectTimer = this.clock.setTimeout(() => {
      if (this.#client !== client || client.identified) return;
      void this.#lose(
        client,
        new TimeoutError(`OBS at ${this.url} did not identify the connection within ${this.#connectTimeoutMs} ms`, {
          code: 'OBS_CONNECT_TIMEOUT',
        }),
      );
    }, this.#connectTimeoutMs);
    client.on('ConnectionClosed', (error) => {
      if (this.#client === client && this.status === 'connected') void this.#lose(client, this.#closeError(error));
    });
    client
      .connect(this.url, this.#password?.reveal(), { rpcVersion: 1, eventSubscriptions: this.#eventSubscriptions })
      .then(() => {
        if (this.#client !== client) return;
        this.#clearConnectTimer();
        this.markConnected('obs-websocket does not replay events missed while disconnected');
      })
      .catch((error: unknown) => {
        if (this.#client === client) void this.#lose(client, this.#closeError(error));
      });
  }

  /** The connection failed or dropped: stop on a refused password, otherwise retry with backoff. */
  async #lose(client: OBSWebSocket, error: VmscError): Promise<void> {
    if (this.#client !== client) return;
    this.#clearConnectTimer();
    this.#client = undefined;
    const final = error instanceof ObsAuthError || error.code === 'OBS_SESSION_INVALIDATED' || error.code === 'OBS_UNSUPPORTED_RPC';
    if (final) this.markFailed(error);
    else this.markLost(error, () => this.#open());
    await client.disconnect().catch(() => undefined);
  }

  #closeError(error: unknown): VmscError {
    const code = error instanceof OBSWebSocketError ? error.code : -1;
    const reason = this.#redact(error instanceof Error && error.message ? error.message : 'connection failed');
    if (code === AUTHENTICATION_FAILED) return new ObsAuthError(`OBS refused the password (${reason})`, code);
    if (code === SESSION_INVALIDATED)
      return new ConnectionError(`OBS ended the session (${reason}); not reconnecting`, { code: 'OBS_SESSION_INVALIDATED' });
    if (code === UNSUPPORTED_RPC_VERSION)
      return new ConnectionError(`OBS does not speak obs-websocket 5 RPC 1 (${reason})`, { code: 'OBS_UNSUPPORTED_RPC' });
    return new ConnectionError(`OBS connection to ${this.url} failed: ${reason}${code > 0 ? ` (close code ${code})` : ''}`, {
      code: 'OBS_CONNECTION_FAILED',
    });
  }

  #call<Type extends keyof OBSRequestTypes>(
    requestType: Type,
    requestData: OBSRequestTypes[Type] | undefined,
    resource?: string,
  ): Promise<OBSResponseTypes[Type]> {
    const client = this.#client;
    if (this.status !== 'connected' || !client?.identified) {
      return Promise.reject(
        new ObsNotConnectedError(`cannot send ${requestType}: not connected to OBS (status ${this.status})`, requestType),
      );
    }
    return new Promise<OBSResponseTypes[Type]>((resolve, reject) => {
      const finish = () => {
        this.clock.clearTimeout(timer);
        client.off('ConnectionClosed', onClosed);
      };
      const onClosed = () => {
        finish();
        reject(new ObsNotConnectedError(`the OBS connection closed before OBS answered ${requestType}`, requestType));
      };
      const timer = this.clock.setTimeout(() => {
        finish();
        const failure = { requestType, statusCode: -1, comment: undefined };
        reject(
          new ObsRequestError(`OBS did not answer ${requestType} within ${this.#requestTimeoutMs} ms`, failure, {
            code: 'OBS_REQUEST_TIMEOUT',
          }),
        );
      }, this.#requestTimeoutMs);
      client.once('ConnectionClosed', onClosed);
      client.call(requestType, requestData).then(
        (response) => {
          finish();
          resolve(response);
        },
        (error: unknown) => {
          finish();
          reject(this.#requestError(requestType, error, resource));
        },
      );
    });
  }

  #requestError(requestType: string, error: unknown, resource: string | undefined): VmscError {
    if (!(error instanceof OBSWebSocketError)) {
      return new ObsNotConnectedError(
        `cannot send ${requestType}: ${this.#redact(error instanceof Error ? error.message : String(error))}`,
        requestType,
        { cause: error },
      );
    }
    const comment = error.message ? this.#redact(error.message) : undefined;
    const failure = { requestType, statusCode: error.code, comment };
    if (error.code === RESOURCE_NOT_FOUND) return new ObsNotFoundError(resource ?? `resource for ${requestType}`, failure);
    return new ObsRequestError(`OBS refused ${requestType} (status ${error.code}${comment ? `: ${comment}` : ''})`, failure);
  }

  #redact(text: string): string {
    return redact(text, [this.#password]);
  }

  #clearConnectTimer(): void {
    if (this.#connectTimer !== undefined) this.clock.clearTimeout(this.#connectTimer);
    this.#connectTimer = undefined;
  }

  async #closeClient(): Promise<void> {
    this.#clearConnectTimer();
    const client = this.#client;
    this.#client = undefined;
    await client?.disconnect().catch(() => undefined);
  }
}
