import { ObsEventSubscription as Sub, ObsRequestStatus as Status, OBS_RPC_VERSION } from './protocol.js';
import type { ObsFakeInput, ObsFakeOutput, ObsFakeScene, ObsFakeState, ObsJsonObject } from './state.js';

/** An event a request caused, as sent in op 5. */
export interface ObsFakeEvent {
  eventType: string;
  eventIntent: number;
  eventData?: ObsJsonObject;
}

/** What a request handler answers: the `requestStatus` code and comment, data, and the events it caused. */
export interface ObsRequestResult {
  code: number;
  comment?: string;
  responseData?: ObsJsonObject;
  events?: ObsFakeEvent[];
}

/** A request as the handlers see it (`data` undefined when `requestData` was missing or not an object). */
interface Req {
  data: ObsJsonObject | undefined;
  state: ObsFakeState;
  now: number;
}

/** A validation failure, thrown inside a handler and turned into its RequestResponse. */
class Fail {
  constructor(
    readonly code: number,
    readonly comment?: string,
  ) {}
}

const ok = (responseData?: ObsJsonObject, events?: ObsFakeEvent[]): ObsRequestResult => ({
  code: Status.Success,
  ...(responseData ? { responseData } : {}),
  ...(events ? { events } : {}),
});

// Field checks with the codes and comments of obs-websocket's Request::Validate* (rpc/Request.cpp).
function basic(req: Req, key: string): unknown {
  if (!req.data) throw new Fail(Status.MissingRequestData, 'Your request data is missing or invalid (non-object)');
  const value = req.data[key];
  if (value === undefined || value === null) throw new Fail(Status.MissingRequestField, `Your request is missing the \`${key}\` field.`);
  return value;
}

function string(req: Req, key: string, allowEmpty = false): string {
  const value = basic(req, key);
  if (typeof value !== 'string') throw new Fail(Status.InvalidRequestFieldType, `The field value of \`${key}\` must be a string.`);
  if (!allowEmpty && value === '') throw new Fail(Status.RequestFieldEmpty, `The field value of \`${key}\` must not be empty.`);
  return value;
}

function number(req: Req, key: string, min: number): number {
  const value = basic(req, key);
  if (typeof value !== 'number') throw new Fail(Status.InvalidRequestFieldType, `The field value of \`${key}\` must be a number.`);
  if (value < min)
    throw new Fail(Status.RequestFieldOutOfRange, `The field value of \`${key}\` is below the minimum of \`${min.toFixed(6)}\``);
  return value;
}

function boolean(req: Req, key: string): boolean {
  const value = basic(req, key);
  if (typeof value !== 'boolean') throw new Fail(Status.InvalidRequestFieldType, `The field value of \`${key}\` must be boolean.`);
  return value;
}

function object(req: Req, key: string): ObsJsonObject {
  const value = basic(req, key);
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Fail(Status.InvalidRequestFieldType, `The field value of \`${key}\` must be an object.`);
  return value as ObsJsonObject;
}

const tryString = (req: Req, key: string): string | undefined => {
  const value = req.data?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Request::AcquireSource: by UUID first, then by name; scenes and inputs share one namespace. */
function source(req: Req, nameKey: string, uuidKey: string): ObsFakeScene | ObsFakeInput {
  const { scenes, inputs } = req.state;
  const uuid = tryString(req, uuidKey);
  if (uuid !== undefined) {
    const found = scenes.find((s) => s.sceneUuid === uuid) ?? inputs.find((i) => i.inputUuid === uuid);
    if (!found) throw new Fail(Status.ResourceNotFound, `No source was found by the UUID of \`${uuid}\`.`);
    return found;
  }
  const name = tryString(req, nameKey);
  if (name !== undefined) {
    const found = req.state.scene(name) ?? req.state.input(name);
    if (!found) throw new Fail(Status.ResourceNotFound, `No source was found by the name of \`${name}\`.`);
    return found;
  }
  throw new Fail(
    Status.MissingRequestField,
    `Your request must contain at least one of the following fields: \`${nameKey}\` or \`${uuidKey}\`.`,
  );
}

function scene(req: Req): ObsFakeScene {
  const found = source(req, 'sceneName', 'sceneUuid');
  if (!('sceneUuid' in found)) throw new Fail(Status.InvalidResourceType, 'The specified source is not a scene.');
  return found;
}

function input(req: Req): ObsFakeInput {
  const found = source(req, 'inputName', 'inputUuid');
  if (!('inputUuid' in found)) throw new Fail(Status.InvalidResourceType, 'The specified source is not an input.');
  return found;
}

function sceneItem(req: Req) {
  const owner = scene(req);
  const id = number(req, 'sceneItemId', 0);
  const item = owner.items.find((candidate) => candidate.sceneItemId === id);
  if (!item) throw new Fail(Status.ResourceNotFound, `No scene items were found in scene \`${owner.sceneName}\` with the ID \`${id}\`.`);
  return { owner, item };
}

const timecode = (ms: number) => {
  const pad = (n: number, width = 2) => String(Math.floor(n)).padStart(width, '0');
  return `${pad(ms / 3_600_000)}:${pad((ms / 60_000) % 60)}:${pad((ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

function outputStatus(output: ObsFakeOutput, now: number): ObsJsonObject {
  const duration = output.active && output.startedAt !== undefined ? now - output.startedAt : 0;
  return { outputActive: output.active, outputTimecode: timecode(duration), outputDuration: duration, outputBytes: duration * 750 };
}

const outputEvent = (eventType: string, state: string, extra: ObsJsonObject = {}): ObsFakeEvent => ({
  eventType,
  eventIntent: Sub.Outputs,
  eventData: { outputActive: state === 'OBS_WEBSOCKET_OUTPUT_STARTED', outputState: state, ...extra },
});

function startOutput(req: Req, output: ObsFakeOutput, eventType: string, extra: (started: boolean) => ObsJsonObject): ObsRequestResult {
  if (output.active) return { code: Status.OutputRunning };
  output.active = true;
  output.startedAt = req.now;
  return ok(undefined, [
    outputEvent(eventType, 'OBS_WEBSOCKET_OUTPUT_STARTING', extra(false)),
    outputEvent(eventType, 'OBS_WEBSOCKET_OUTPUT_STARTED', extra(true)),
  ]);
}

function stopOutput(
  output: ObsFakeOutput,
  eventType: string,
  extra: (stopped: boolean) => ObsJsonObject,
  responseData?: ObsJsonObject,
): ObsRequestResult {
  if (!output.active) return { code: Status.OutputNotRunning };
  output.active = false;
  output.startedAt = undefined;
  return ok(responseData, [
    outputEvent(eventType, 'OBS_WEBSOCKET_OUTPUT_STOPPING', extra(false)),
    outputEvent(eventType, 'OBS_WEBSOCKET_OUTPUT_STOPPED', extra(true)),
  ]);
}

type Handler = (req: Req) => ObsRequestResult;

const handlers: Record<string, Handler> = {
  GetVersion: () =>
    ok({
      obsVersion: '30.2.2',
      obsWebSocketVersion: '5.5.2',
      rpcVersion: OBS_RPC_VERSION,
      availableRequests: Object.keys(handlers),
      supportedImageFormats: ['png', 'jpg'],
      platform: 'ubuntu',
      platformDescription: 'Ubuntu 24.04 LTS',
    }),
  GetSceneList: ({ state }) => {
    const program = state.programScene;
    const count = state.scenes.length;
    return ok({
      currentProgramSceneName: program.sceneName,
      currentProgramSceneUuid: program.sceneUuid,
      currentPreviewSceneName: null,
      currentPreviewSceneUuid: null,
      // OBS lists scenes bottom first, with sceneIndex counting from the bottom.
      scenes: state.scenes.map((s, i) => ({ sceneName: s.sceneName, sceneUuid: s.sceneUuid, sceneIndex: count - i - 1 })).reverse(),
    });
  },
  GetCurrentProgramScene: ({ state }) => {
    const { sceneName, sceneUuid } = state.programScene;
    return ok({ sceneName, sceneUuid, currentProgramSceneName: sceneName, currentProgramSceneUuid: sceneUuid });
  },
  SetCurrentProgramScene: (req) => {
    const target = scene(req);
    if (req.state.programSceneName === target.sceneName) return ok();
    req.state.programSceneName = target.sceneName;
    const eventData = { sceneName: target.sceneName, sceneUuid: target.sceneUuid };
    return ok(undefined, [{ eventType: 'CurrentProgramSceneChanged', eventIntent: Sub.Scenes, eventData }]);
  },
  GetSceneItemId: (req) => {
    const owner = scene(req);
    const sourceName = string(req, 'sourceName');
    const offset = req.data?.searchOffset === undefined ? 0 : number(req, 'searchOffset', -1);
    const matches = owner.items.filter((item) => item.sourceName === sourceName);
    const item = offset === -1 ? matches.at(-1) : matches[offset];
    if (!item)
      return { code: Status.ResourceNotFound, comment: 'No scene items were found in the specified scene by that name or offset.' };
    return ok({ sceneItemId: item.sceneItemId });
  },
  GetSceneItemEnabled: (req) => ok({ sceneItemEnabled: sceneItem(req).item.sceneItemEnabled }),
  SetSceneItemEnabled: (req) => {
    const { owner, item } = sceneItem(req);
    const enabled = boolean(req, 'sceneItemEnabled');
    if (item.sceneItemEnabled === enabled) return ok();
    item.sceneItemEnabled = enabled;
    const eventData = { sceneName: owner.sceneName, sceneUuid: owner.sceneUuid, sceneItemId: item.sceneItemId, sceneItemEnabled: enabled };
    return ok(undefined, [{ eventType: 'SceneItemEnableStateChanged', eventIntent: Sub.SceneItems, eventData }]);
  },
  GetInputSettings: (req) => {
    const target = input(req);
    return ok({ inputSettings: structuredClone(target.inputSettings), inputKind: target.inputKind });
  },
  SetInputSettings: (req) => {
    const target = input(req);
    const settings = object(req, 'inputSettings');
    const overlay = req.data?.overlay === undefined ? true : boolean(req, 'overlay');
    target.inputSettings = overlay ? { ...target.inputSettings, ...structuredClone(settings) } : structuredClone(settings);
    const eventData = { inputName: target.inputName, inputUuid: target.inputUuid, inputSettings: structuredClone(target.inputSettings) };
    return ok(undefined, [{ eventType: 'InputSettingsChanged', eventIntent: Sub.Inputs, eventData }]);
  },
  TriggerHotkeyByName: (req) => {
    const name = string(req, 'hotkeyName');
    if (req.data?.contextName !== undefined) string(req, 'contextName');
    if (!req.state.hotkeys.has(name)) return { code: Status.ResourceNotFound, comment: 'No hotkeys were found by that name.' };
    req.state.triggeredHotkeys.push(name);
    return ok();
  },
  GetRecordStatus: ({ state, now }) => ok({ ...outputStatus(state.record, now), outputPaused: false }),
  GetStreamStatus: ({ state, now }) =>
    ok({
      ...outputStatus(state.stream, now),
      outputReconnecting: false,
      outputCongestion: 0,
      outputSkippedFrames: 0,
      outputTotalFrames: 0,
    }),
  StartRecord: (req) => {
    req.state.recordingCount++;
    const path = req.state.lastRecordPath;
    const result = startOutput(req, req.state.record, 'RecordStateChanged', (started) => ({ outputPath: started ? path : null }));
    if (result.code !== Status.Success) req.state.recordingCount--;
    return result;
  },
  StopRecord: ({ state }) => {
    const path = state.lastRecordPath;
    return stopOutput(state.record, 'RecordStateChanged', (stopped) => ({ outputPath: stopped ? path : null }), { outputPath: path });
  },
  StartStream: (req) => startOutput(req, req.state.stream, 'StreamStateChanged', () => ({})),
  StopStream: ({ state }) => stopOutput(state.stream, 'StreamStateChanged', () => ({})),
};

/** The request types the fake implements. */
export const OBS_FAKE_REQUEST_TYPES: readonly string[] = Object.keys(handlers);

/**
 * Runs one request against the state, as obs-websocket's RequestHandler::ProcessRequest does:
 * unknown types answer 204, field problems the codes of Request::Validate*.
 */
export function runObsRequest(state: ObsFakeState, requestType: string, requestData: unknown, now: number): ObsRequestResult {
  if (requestData !== undefined && requestData !== null && (typeof requestData !== 'object' || Array.isArray(requestData))) {
    return { code: Status.InvalidRequestFieldType, comment: 'Your request data is not an object.' };
  }
  if (requestType === '') return { code: Status.MissingRequestType, comment: "Your request's `requestType` may not be empty." };
  const handler = Object.hasOwn(handlers, requestType) ? handlers[requestType] : undefined;
  if (!handler) return { code: Status.UnknownRequestType, comment: 'Your request type is not valid.' };
  try {
    return handler({ state, data: (requestData ?? undefined) as ObsJsonObject | undefined, now });
  } catch (error) {
    if (error instanceof Fail) return error.comment === undefined ? { code: error.code } : { code: error.code, comment: error.comment };
    throw error;
  }
}
