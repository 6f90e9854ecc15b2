import type { ObsController } from './controller.js';

/**
 * One thing to do in OBS, as plain data (what an `obs` rule action carries once its templates are
 * rendered): `op` names the {@link ObsController} method, the other fields are its arguments.
 */
export type ObsOperation =
  | { op: 'setProgramScene'; scene: string }
  | { op: 'setSceneItemEnabled'; scene: string; source: string; enabled: boolean }
  | { op: 'setText'; input: string; text: string }
  | { op: 'setInputSettings'; input: string; settings: Record<string, unknown>; overlay?: boolean }
  | { op: 'triggerHotkey'; hotkey: string }
  | { op: 'startRecording' }
  | { op: 'stopRecording' }
  | { op: 'startStreaming' }
  | { op: 'stopStreaming' };

/** Every {@link ObsOperation} `op`, for validators. */
export const obsOperations: readonly ObsOperation['op'][] = [
  'setProgramScene',
  'setSceneItemEnabled',
  'setText',
  'setInputSettings',
  'triggerHotkey',
  'startRecording',
  'stopRecording',
  'startStreaming',
  'stopStreaming',
];

/** What {@link runObsOperation} resolves with: `outputPath` after `stopRecording`, otherwise nothing. */
export interface ObsOperationResult {
  outputPath?: string;
}

/**
 * Carries out one {@link ObsOperation} on `controller`, with the controller's typed errors
 * (`ObsNotFoundError` for an unknown scene, `ObsNotConnectedError`...).
 *
 * @example
 * ```ts
 * await runObsOperation(obs, { op: 'setSceneItemEnabled', scene: 'Main', source: 'Alert Box', enabled: true });
 * ```
 */
export async function runObsOperation(controller: ObsController, operation: ObsOperation): Promise<ObsOperationResult> {
  switch (operation.op) {
    case 'setProgramScene':
      await controller.setProgramScene(operation.scene);
      return {};
    case 'setSceneItemEnabled':
      await controller.setSceneItemEnabled(operation.scene, operation.source, operation.enabled);
      return {};
    case 'setText':
      await controller.setText(operation.input, operation.text);
      return {};
    case 'setInputSettings':
      await controller.setInputSettings(operation.input, operation.settings, operation.overlay ?? true);
      return {};
    case 'triggerHotkey':
      await controller.triggerHotkey(operation.hotkey);
      return {};
    case 'startRecording':
      await controller.startRecording();
      return {};
    case 'stopRecording':
      return controller.stopRecording();
    case 'startStreaming':
      await controller.startStreaming();
      return {};
    case 'stopStreaming':
      await controller.stopStreaming();
      return {};
  }
}
