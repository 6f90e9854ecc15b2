import { randomUUID } from 'node:crypto';

/** A JSON object, as OBS settings and request data are. */
export type ObsJsonObject = { [key: string]: unknown };

/** A scene item of the fake: one source placed in one scene. */
export interface ObsFakeSceneItem {
  readonly sceneItemId: number;
  readonly sourceName: string;
  sceneItemEnabled: boolean;
}

/** A scene of the fake. */
export interface ObsFakeScene {
  readonly sceneName: string;
  readonly sceneUuid: string;
  readonly items: ObsFakeSceneItem[];
}

/** An input (a source that is not a scene) of the fake, e.g. a text source. */
export interface ObsFakeInput {
  readonly inputName: string;
  readonly inputUuid: string;
  readonly inputKind: string;
  inputSettings: ObsJsonObject;
}

/** An output's state (recording or streaming). */
export interface ObsFakeOutput {
  active: boolean;
  /** When it started (ms since epoch), while active. */
  startedAt: number | undefined;
}

/** How a test describes a scene: its name and the sources in it (top to bottom is irrelevant here). */
export interface ObsFakeSceneInit {
  name: string;
  /** Sources placed in the scene; `enabled` defaults to true. Item ids are 1, 2, 3... per scene. */
  items?: Array<string | { sourceName: string; enabled?: boolean }>;
}

/** How a test describes an input. */
export interface ObsFakeInputInit {
  name: string;
  /** `text_gdiplus_v3` (Windows text), `text_ft2_source_v2` (FreeType text), `browser_source`... */
  kind: string;
  settings?: ObsJsonObject;
}

/** The default OBS state: three scenes, a camera, two text sources and a browser source, hotkeys. */
export const OBS_FAKE_DEFAULT_SCENES: readonly ObsFakeSceneInit[] = [
  { name: 'Starting Soon', items: ['Countdown'] },
  { name: 'Main', items: ['Webcam', 'Alert Text', { sourceName: 'Alert Box', enabled: false }] },
  { name: 'BRB', items: ['BRB Text'] },
];

/** The default inputs of the fake (see {@link OBS_FAKE_DEFAULT_SCENES}). */
export const OBS_FAKE_DEFAULT_INPUTS: readonly ObsFakeInputInit[] = [
  { name: 'Countdown', kind: 'text_ft2_source_v2', settings: { text: '5:00' } },
  { name: 'Webcam', kind: 'dshow_input', settings: {} },
  { name: 'Alert Text', kind: 'text_gdiplus_v3', settings: { text: '', font: { face: 'Arial', size: 48 } } },
  { name: 'Alert Box', kind: 'browser_source', settings: { url: 'http://127.0.0.1/alerts', width: 800, height: 600 } },
  { name: 'BRB Text', kind: 'text_gdiplus_v3', settings: { text: 'Be right back' } },
];

/** The default hotkey names the fake knows (`TriggerHotkeyByName`). */
export const OBS_FAKE_DEFAULT_HOTKEYS: readonly string[] = [
  'OBSBasic.StartRecording',
  'OBSBasic.StopRecording',
  'OBSBasic.StartStreaming',
  'OBSBasic.StopStreaming',
  'OBSBasic.Screenshot',
  'ReplayBuffer.Save',
];

/** The state of the fake OBS that requests read and change. */
export class ObsFakeState {
  readonly scenes: ObsFakeScene[];
  readonly inputs: ObsFakeInput[];
  readonly hotkeys: Set<string>;
  readonly record: ObsFakeOutput = { active: false, startedAt: undefined };
  readonly stream: ObsFakeOutput = { active: false, startedAt: undefined };
  /** Every hotkey triggered, in order. */
  readonly triggeredHotkeys: string[] = [];
  programSceneName: string;
  /** Recordings made so far (StopRecord's `outputPath`). */
  recordingCount = 0;

  constructor(options: {
    scenes?: readonly ObsFakeSceneInit[];
    inputs?: readonly ObsFakeInputInit[];
    programScene?: string;
    hotkeys?: readonly string[];
  }) {
    this.scenes = (options.scenes ?? OBS_FAKE_DEFAULT_SCENES).map((scene) => ({
      sceneName: scene.name,
      sceneUuid: randomUUID(),
      items: (scene.items ?? []).map((item, index) => {
        const init = typeof item === 'string' ? { sourceName: item } : item;
        return { sceneItemId: index + 1, sourceName: init.sourceName, sceneItemEnabled: init.enabled ?? true };
      }),
    }));
    this.inputs = (options.inputs ?? OBS_FAKE_DEFAULT_INPUTS).map((input) => ({
      inputName: input.name,
      inputUuid: randomUUID(),
      inputKind: input.kind,
      inputSettings: structuredClone(input.settings ?? {}),
    }));
    this.hotkeys = new Set(options.hotkeys ?? OBS_FAKE_DEFAULT_HOTKEYS);
    const first = this.scenes[0];
    if (!first) throw new Error('the OBS fake needs at least one scene');
    this.programSceneName = options.programScene ?? first.sceneName;
    if (!this.scene(this.programSceneName)) throw new Error(`programScene ${this.programSceneName} is not one of the scenes`);
  }

  /** The scene named `name`, if any. */
  scene(name: string): ObsFakeScene | undefined {
    return this.scenes.find((scene) => scene.sceneName === name);
  }

  /** The input named `name`, if any. */
  input(name: string): ObsFakeInput | undefined {
    return this.inputs.find((input) => input.inputName === name);
  }

  /** The current program scene. */
  get programScene(): ObsFakeScene {
    return this.scene(this.programSceneName)!;
  }

  /** The last recording's file name. */
  get lastRecordPath(): string {
    return `/home/streamer/Videos/recording-${this.recordingCount}.mkv`;
  }
}
