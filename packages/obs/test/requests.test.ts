import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError, VmscError } from '@vmsc/core';
import { ObsNotConnectedError, ObsNotFoundError, ObsRequestError } from '@vmsc/obs';
import { closeAllFakes, startObsFake } from '@vmsc/testing';
import { controllerFor, disconnectControllers, StepClock } from './helpers.js';

afterEach(async () => {
  await disconnectControllers();
  await closeAllFakes();
});

async function connectedPair(password?: string) {
  const fake = await startObsFake(password === undefined ? {} : { password });
  const obs = controllerFor(fake);
  await obs.connect();
  return { fake, obs };
}

/** What `promise` rejects with. */
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

describe('ObsController requests against the obs-websocket fake', () => {
  it('switches the program scene', async () => {
    const { fake, obs } = await connectedPair('hunter2-obs');
    await obs.setProgramScene('BRB');
    expect(fake.state.programSceneName).toBe('BRB');
    expect(fake.requests.at(-1)).toMatchObject({ requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'BRB' }, code: 100 });
  });

  it('shows and hides a scene item by scene and source name', async () => {
    const { fake, obs } = await connectedPair();
    await obs.setSceneItemEnabled('Main', 'Alert Box', true);
    const item = () => fake.state.scene('Main')!.items.find((entry) => entry.sourceName === 'Alert Box')!;
    expect(item().sceneItemEnabled).toBe(true);
    await obs.setSceneItemEnabled('Main', 'Alert Box', false);
    expect(item().sceneItemEnabled).toBe(false);
    expect(fake.requests.map((request) => request.requestType)).toEqual([
      'GetSceneItemId',
      'SetSceneItemEnabled',
      'GetSceneItemId',
      'SetSceneItemEnabled',
    ]);
  });

  it('sets a text source, and other input settings with or without overlay', async () => {
    const { fake, obs } = await connectedPair();
    await obs.setText('Alert Text', 'Thanks for the follow, ana!');
    expect(fake.state.input('Alert Text')!.inputSettings).toEqual({
      text: 'Thanks for the follow, ana!',
      font: { face: 'Arial', size: 48 },
    });
    await obs.setInputSettings('Alert Box', { url: 'http://127.0.0.1/new' });
    expect(fake.state.input('Alert Box')!.inputSettings).toEqual({ url: 'http://127.0.0.1/new', width: 800, height: 600 });
    await obs.setInputSettings('Alert Box', { url: 'http://127.0.0.1/only' }, false);
    expect(fake.state.input('Alert Box')!.inputSettings).toEqual({ url: 'http://127.0.0.1/only' });
  });

  it('triggers a hotkey', async () => {
    const { fake, obs } = await connectedPair();
    await obs.triggerHotkey('OBSBasic.Screenshot');
    expect(fake.state.triggeredHotkeys).toEqual(['OBSBasic.Screenshot']);
  });

  it('starts and stops recording and streaming', async () => {
    const { fake, obs } = await connectedPair();
    await obs.startRecording();
    expect(fake.state.record.active).toBe(true);
    expect(await obs.stopRecording()).toEqual({ outputPath: '/home/streamer/Videos/recording-1.mkv' });
    expect(fake.state.record.active).toBe(false);
    await obs.startStreaming();
    expect(fake.state.stream.active).toBe(true);
    await obs.stopStreaming();
    expect(fake.state.stream.active).toBe(false);
  });

  it('answers other requests through call()', async () => {
    const { obs } = await connectedPair();
    const list = await obs.call('GetSceneList');
    expect(list.currentProgramSceneName).toBe('Starting Soon');
    expect(await obs.call('SetCurrentProgramScene', { sceneName: 'BRB' })).toEqual({});
    await expect(obs.call('SetCurrentProgramScene', { sceneName: 'Nope' })).rejects.toBeInstanceOf(ObsNotFoundError);
  });
});

describe('ObsController request errors', () => {
  it('an unknown scene is an ObsNotFoundError naming the scene, with the 600 status', async () => {
    const { obs } = await connectedPair();
    const error = await rejection(obs.setProgramScene('Intro'));
    expect(error).toBeInstanceOf(ObsNotFoundError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      code: 'OBS_NOT_FOUND',
      resource: 'scene "Intro"',
      requestType: 'SetCurrentProgramScene',
      statusCode: 600,
      comment: 'No source was found by the name of `Intro`.',
    });
    expect((error as Error).message).toBe('OBS has no scene "Intro" (No source was found by the name of `Intro`.)');
  });

  it('an unknown source in a scene, an unknown input and an unknown hotkey are ObsNotFoundErrors', async () => {
    const { obs } = await connectedPair();
    expect(await rejection(obs.setSceneItemEnabled('Main', 'Nope', true))).toMatchObject({
      resource: 'source "Nope" in scene "Main"',
      requestType: 'GetSceneItemId',
    });
    expect(await rejection(obs.setSceneItemEnabled('Nowhere', 'Webcam', true))).toMatchObject({
      resource: 'source "Webcam" in scene "Nowhere"',
    });
    expect(await rejection(obs.setText('Nope', 'hi'))).toMatchObject({ resource: 'input "Nope"', requestType: 'SetInputSettings' });
    expect(await rejection(obs.triggerHotkey('Nope'))).toBeInstanceOf(ObsNotFoundError);
  });

  it('other refusals are ObsRequestErrors with OBS status code and comment', async () => {
    const { fake, obs } = await connectedPair();
    await obs.startRecording();
    const running = await rejection(obs.startRecording());
    expect(running).toBeInstanceOf(ObsRequestError);
    expect(running).toMatchObject({ code: 'OBS_REQUEST_FAILED', requestType: 'StartRecord', statusCode: 500, comment: undefined });
    expect(await rejection(obs.stopStreaming())).toMatchObject({ statusCode: 501 });
    expect(await rejection(obs.setText('Main', 'x'))).toMatchObject({ statusCode: 602, comment: 'The specified source is not an input.' });
    fake.setNotReady(true);
    const notReady = await rejection(obs.setProgramScene('BRB'));
    expect(notReady).toMatchObject({ statusCode: 207, comment: 'OBS is not ready to perform the request.' });
    expect((notReady as Error).message).toBe('OBS refused SetCurrentProgramScene (status 207: OBS is not ready to perform the request.)');
  });

  it('a request OBS never answers times out with OBS_REQUEST_TIMEOUT', async () => {
    const fake = await startObsFake();
    const clock = new StepClock();
    const obs = controllerFor(fake, { clock, requestTimeoutMs: 5_000 });
    await obs.connect();
    fake.failNextRequest('StartStream', 'silence');
    const pending = rejection(obs.startStreaming());
    await new Promise((resolve) => setImmediate(resolve));
    clock.fire(5_000);
    expect(await pending).toMatchObject({ code: 'OBS_REQUEST_TIMEOUT', statusCode: -1, requestType: 'StartStream' });
    expect(clock.timers).toEqual([]);
  });

  it('requests while not connected, or cut by a dropped connection, are ObsNotConnectedErrors', async () => {
    const fake = await startObsFake();
    const obs = controllerFor(fake);
    const before = await rejection(obs.setProgramScene('BRB'));
    expect(before).toBeInstanceOf(ObsNotConnectedError);
    expect(before).toMatchObject({ code: 'OBS_NOT_CONNECTED', requestType: 'SetCurrentProgramScene' });
    await obs.connect();
    fake.failNextRequest('StartRecord', 'silence');
    const cut = rejection(obs.startRecording());
    await new Promise((resolve) => setImmediate(resolve));
    fake.dropAll();
    expect(await cut).toBeInstanceOf(ObsNotConnectedError);
    await obs.disconnect();
    const after = await rejection(obs.triggerHotkey('OBSBasic.Screenshot'));
    expect(after).toBeInstanceOf(ObsNotConnectedError);
    expect(after).toBeInstanceOf(VmscError);
    expect(fake.state.record.active).toBe(false);
  });
});
