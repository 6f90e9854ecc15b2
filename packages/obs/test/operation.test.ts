import { afterEach, expect, it } from 'vitest';
import { ObsNotFoundError, obsOperations, runObsOperation, type ObsOperation } from '@vmsc/obs';
import { closeAllFakes, startObsFake } from '@vmsc/testing';
import { controllerFor, disconnectControllers } from './helpers.js';

afterEach(async () => {
  await disconnectControllers();
  await closeAllFakes();
});

it('runObsOperation carries out every operation on the fake, in order', async () => {
  const fake = await startObsFake();
  const obs = controllerFor(fake);
  await obs.connect();
  const operations: ObsOperation[] = [
    { op: 'setProgramScene', scene: 'Main' },
    { op: 'setSceneItemEnabled', scene: 'Main', source: 'Alert Box', enabled: true },
    { op: 'setText', input: 'Alert Text', text: 'hi' },
    { op: 'setInputSettings', input: 'Alert Box', settings: { url: 'http://127.0.0.1/x' }, overlay: false },
    { op: 'triggerHotkey', hotkey: 'ReplayBuffer.Save' },
    { op: 'startRecording' },
    { op: 'stopRecording' },
    { op: 'startStreaming' },
    { op: 'stopStreaming' },
  ];
  expect(operations.map((operation) => operation.op)).toEqual(obsOperations);
  const results = [];
  for (const operation of operations) results.push(await runObsOperation(obs, operation));
  expect(results[6]).toEqual({ outputPath: '/home/streamer/Videos/recording-1.mkv' });
  expect(fake.state.programSceneName).toBe('Main');
  expect(fake.state.scene('Main')!.items.find((item) => item.sourceName === 'Alert Box')!.sceneItemEnabled).toBe(true);
  expect(fake.state.input('Alert Text')!.inputSettings.text).toBe('hi');
  expect(fake.state.input('Alert Box')!.inputSettings).toEqual({ url: 'http://127.0.0.1/x' });
  expect(fake.state.triggeredHotkeys).toEqual(['ReplayBuffer.Save']);
  expect(fake.requests.map((request) => request.requestType)).toEqual([
    'SetCurrentProgramScene',
    'GetSceneItemId',
    'SetSceneItemEnabled',
    'SetInputSettings',
    'SetInputSettings',
    'TriggerHotkeyByName',
    'StartRecord',
    'StopRecord',
    'StartStream',
    'StopStream',
  ]);
  await expect(runObsOperation(obs, { op: 'setProgramScene', scene: 'Nope' })).rejects.toBeInstanceOf(ObsNotFoundError);
});
