export { startObsFake } from './server.js';
export type { ObsFake, ObsFakeOptions, ObsFakeRequest, ObsFakeClose, ObsFakeFailure } from './server.js';
export { ObsFakeState, OBS_FAKE_DEFAULT_SCENES, OBS_FAKE_DEFAULT_INPUTS, OBS_FAKE_DEFAULT_HOTKEYS } from './state.js';
export type {
  ObsFakeScene,
  ObsFakeSceneItem,
  ObsFakeInput,
  ObsFakeOutput,
  ObsFakeSceneInit,
  ObsFakeInputInit,
  ObsJsonObject,
} from './state.js';
export { OBS_FAKE_REQUEST_TYPES } from './requests.js';
export type { ObsFakeEvent } from './requests.js';
export { ObsOpCode, ObsCloseCode, ObsRequestStatus, ObsEventSubscription, OBS_RPC_VERSION, obsAuthenticationString } from './protocol.js';
