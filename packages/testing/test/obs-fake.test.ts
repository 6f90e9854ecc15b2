import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import OBSWebSocketMsgpack from 'obs-websocket-js';
import { EventSubscription, OBSWebSocket, OBSWebSocketError } from 'obs-websocket-js/json';
import { WebSocket } from 'ws';
import {
  closeAllFakes,
  obsAuthenticationString,
  ObsCloseCode,
  ObsRequestStatus,
  startObsFake,
  waitUntil,
  type ObsFake,
} from '@vmsc/testing';

const clients: Array<{ disconnect(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.allSettled(clients.splice(0).map((client) => client.disconnect()));
  await closeAllFakes();
});

async function connected(fake: ObsFake, password?: string, subscriptions?: number): Promise<OBSWebSocket> {
  const obs = new OBSWebSocket();
  clients.push(obs);
  await obs.connect(fake.url, password, subscriptions === undefined ? {} : { eventSubscriptions: subscriptions });
  return obs;
}

/** The code of the failure `promise` rejects with (an OBSWebSocketError). */
async function failureCode(promise: Promise<unknown>): Promise<number> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OBSWebSocketError);
  return (error as OBSWebSocketError).code;
}

describe('obs-websocket 5 fake: Hello / Identify, with the real obs-websocket-js client', () => {
  it('identifies without a password and answers GetVersion', async () => {
    const fake = await startObsFake();
    const obs = new OBSWebSocket();
    clients.push(obs);
    const hello = await obs.connect(fake.url);
    expect(hello).toMatchObject({ rpcVersion: 1, negotiatedRpcVersion: 1, obsWebSocketVersion: '5.5.2' });
    expect(hello).not.toHaveProperty('authentication');
    const version = await obs.call('GetVersion');
    expect(version.availableRequests).toContain('SetCurrentProgramScene');
    expect(fake.identifiedCount).toBe(1);
  });

  it('sends a salted challenge and accepts the right password', async () => {
    const fake = await startObsFake({ password: 'supersecretpassword' });
    await connected(fake, 'supersecretpassword');
    expect(fake.identifiedCount).toBe(1);
    const identify = fake.received.find((message) => message.op === 1) as { d: { authentication: string } };
    expect(identify.d.authentication).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('closes with 4009 AuthenticationFailed on a wrong or missing password', async () => {
    const fake = await startObsFake({ password: 'supersecretpassword' });
    expect(await failureCode(new OBSWebSocket().connect(fake.url, 'wrong'))).toBe(ObsCloseCode.AuthenticationFailed);
    expect(await failureCode(new OBSWebSocket().connect(fake.url))).toBe(ObsCloseCode.AuthenticationFailed);
    expect(fake.closes.map((close) => close.reason)).toEqual([
      'Authentication failed.',
      "Your payload's data is missing an `authentication` string, however authentication is required.",
    ]);
    expect(fake.identifiedCount).toBe(0);
  });

  it('computes the authentication string of the protocol document', () => {
    // base64(sha256(base64(sha256(password + salt)) + challenge)), recomputed by hand with node:crypto.
    const secret = createHash('sha256')
      .update('pw' + 'salt')
      .digest('base64');
    expect(obsAuthenticationString('pw', 'salt', 'challenge')).toBe(
      createHash('sha256')
        .update(secret + 'challenge')
        .digest('base64'),
    );
  });

  it('speaks MessagePack to the default (obswebsocket.msgpack) client', async () => {
    const fake = await startObsFake({ password: 'pw' });
    const obs = new OBSWebSocketMsgpack();
    clients.push(obs);
    await obs.connect(fake.url, 'pw');
    expect((await obs.call('GetCurrentProgramScene')).sceneName).toBe('Starting Soon');
  });

  it('closes with 4007 NotIdentified when a request comes before Identify', async () => {
    const fake = await startObsFake();
    const socket = new WebSocket(fake.url, 'obswebsocket.json');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', () => socket.send(JSON.stringify({ op: 6, d: { requestType: 'GetVersion', requestId: '1' } })));
    expect(await closed).toBe(ObsCloseCode.NotIdentified);
  });

  it('closes with 4010 on an unsupported rpcVersion and 4006 on an unknown op', async () => {
    const fake = await startObsFake();
    const closeCode = (messages: object[]) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(fake.url, 'obswebsocket.json');
        socket.on('message', () => messages.splice(0).forEach((message) => socket.send(JSON.stringify(message))));
        socket.on('close', (code) => resolve(code));
      });
    expect(await closeCode([{ op: 1, d: { rpcVersion: 2 } }])).toBe(ObsCloseCode.UnsupportedRpcVersion);
    expect(
      await closeCode([
        { op: 1, d: { rpcVersion: 1 } },
        { op: 4, d: {} },
      ]),
    ).toBe(ObsCloseCode.UnknownOpCode);
  });
});

describe('obs-websocket 5 fake: requests', () => {
  it('lists, reads and switches scenes; unknown scenes answer 600 ResourceNotFound', async () => {
    const fake = await startObsFake();
    const obs = await connected(fake);
    const list = await obs.call('GetSceneList');
    expect(list.currentProgramSceneName).toBe('Starting Soon');
    expect(list.scenes.map((scene) => scene.sceneName)).toEqual(['BRB', 'Main', 'Starting Soon']);
    await obs.call('SetCurrentProgramScene', { sceneName: 'Main' });
    expect((await obs.call('GetCurrentProgramScene')).sceneName).toBe('Main');
    expect(fake.state.programSceneName).toBe('Main');
    const error = await obs.call('SetCurrentProgramScene', { sceneName: 'Nope' }).catch((reason: OBSWebSocketError) => reason);
    expect(error).toMatchObject({ code: ObsRequestStatus.ResourceNotFound, message: 'No source was found by the name of `Nope`.' });
    expect(await failureCode(obs.call('SetCurrentProgramScene', { sceneName: 'Webcam' }))).toBe(ObsRequestStatus.InvalidResourceType);
    expect(await failureCode(obs.call('SetCurrentProgramScene', {}))).toBe(ObsRequestStatus.MissingRequestField);
  });

  it('finds scene items and shows / hides them', async () => {
    const fake = await startObsFake();
    const obs = await connected(fake);
    const { sceneItemId } = await obs.call('GetSceneItemId', { sceneName: 'Main', sourceName: 'Alert Box' });
    expect((await obs.call('GetSceneItemEnabled', { sceneName: 'Main', sceneItemId })).sceneItemEnabled).toBe(false);
    await obs.call('SetSceneItemEnabled', { sceneName: 'Main', sceneItemId, sceneItemEnabled: true });
    expect((await obs.call('GetSceneItemEnabled', { sceneName: 'Main', sceneItemId })).sceneItemEnabled).toBe(true);
    expect(await failureCode(obs.call('GetSceneItemId', { sceneName: 'Main', sourceName: 'Nope' }))).toBe(
      ObsRequestStatus.ResourceNotFound,
    );
    expect(await failureCode(obs.call('GetSceneItemEnabled', { sceneName: 'Main', sceneItemId: 99 }))).toBe(
      ObsRequestStatus.ResourceNotFound,
    );
    expect(await failureCode(obs.call('SetSceneItemEnabled', { sceneName: 'Main', sceneItemId } as never))).toBe(
      ObsRequestStatus.MissingRequestField,
    );
  });

  it('reads and overlays input settings (text sources), or replaces them with overlay: false', async () => {
    const fake = await startObsFake();
    const obs = await connected(fake);
    await obs.call('SetInputSettings', { inputName: 'Alert Text', inputSettings: { text: 'Thanks!' } });
    const read = await obs.call('GetInputSettings', { inputName: 'Alert Text' });
    expect(read).toEqual({ inputKind: 'text_gdiplus_v3', inputSettings: { text: 'Thanks!', font: { face: 'Arial', size: 48 } } });
    await obs.call('SetInputSettings', { inputName: 'Alert Text', inputSettings: { text: 'Only' }, overlay: false });
    expect(fake.state.input('Alert Text')!.inputSettings).toEqual({ text: 'Only' });
    expect(await failureCode(obs.call('GetInputSettings', { inputName: 'Nope' }))).toBe(ObsRequestStatus.ResourceNotFound);
    expect(await failureCode(obs.call('GetInputSettings', { inputName: 'Main' }))).toBe(ObsRequestStatus.InvalidResourceType);
  });

  it('triggers known hotkeys only', async () => {
    const fake = await startObsFake();
    const obs = await connected(fake);
    await obs.call('TriggerHotkeyByName', { hotkeyName: 'OBSBasic.Screenshot' });
    expect(fake.state.triggeredHotkeys).toEqual(['OBSBasic.Screenshot']);
    expect(await failureCode(obs.call('TriggerHotkeyByName', { hotkeyName: 'Nope' }))).toBe(ObsRequestStatus.ResourceNotFound);
  });

  it('starts and stops recording and streaming, with 500 / 501 when already in that state', async () => {
    const fake = await startObsFake();
    const obs = await connected(fake);
    expect(await failureCode(obs.call('StopRecord'))).toBe(ObsRequestStatus.OutputNotRunning);
    await obs.call('StartRecord');
    expect((await obs.call('GetRecordStatus')).outputActive).toBe(true);
    expect(await failureCode(obs.call('StartRecord'))).toBe(ObsRequestStatus.OutputRunning);
    expect((await obs.call('StopRecord')).outputPath).toBe('/home/streamer/Videos/recording-1.mkv');
    expect((await obs.call('GetRecordStatus')).outputActive).toBe(false);
    await obs.call('StartStream');
    expect((await obs.call('GetStreamStatus')).outputActive).toBe(true);
    expect(await failureCode(obs.call('StartStream'))).toBe(ObsRequestStatus.OutputRunning);
    await obs.call('StopStream');
    expect(fake.state.stream.active).toBe(false);
  });

  it('answers 204 to unknown request types, runs batches, records requests and scripted failures', async () => {
    const fake = await startObsFake();
    const obs = await connected(fake);
    expect(await failureCode(obs.call('GetStats'))).toBe(ObsRequestStatus.UnknownRequestType);
    const results = await obs.callBatch([
      { requestType: 'SetCurrentProgramScene', requestData: { sceneName: 'BRB' } },
      { requestType: 'GetCurrentProgramScene' },
    ]);
    expect(results.map((result) => result.requestStatus.code)).toEqual([100, 100]);
    fake.failNextRequest('GetVersion', { code: ObsRequestStatus.NotReady, comment: 'loading' });
    expect(await failureCode(obs.call('GetVersion'))).toBe(ObsRequestStatus.NotReady);
    expect(fake.requests.map((request) => [request.requestType, request.code, request.batch])).toEqual([
      ['GetStats', 204, false],
      ['SetCurrentProgramScene', 100, true],
      ['GetCurrentProgramScene', 100, true],
      ['GetVersion', 207, false],
    ]);
  });
});

describe('obs-websocket 5 fake: events and connections', () => {
  it('sends the events each change causes to subscribed clients', async () => {
    const fake = await startObsFake();
    const obs = await connected(fake);
    const seen: Array<[string, unknown]> = [];
    obs.on('CurrentProgramSceneChanged', (data) => seen.push(['CurrentProgramSceneChanged', data.sceneName]));
    obs.on('SceneItemEnableStateChanged', (data) => seen.push(['SceneItemEnableStateChanged', data.sceneItemEnabled]));
    obs.on('InputSettingsChanged', (data) => seen.push(['InputSettingsChanged', data.inputSettings.text]));
    obs.on('RecordStateChanged', (data) => seen.push(['RecordStateChanged', data.outputState]));
    obs.on('StreamStateChanged', (data) => seen.push(['StreamStateChanged', data.outputActive]));
    await obs.call('SetCurrentProgramScene', { sceneName: 'Main' });
    await obs.call('SetSceneItemEnabled', { sceneName: 'Main', sceneItemId: 3, sceneItemEnabled: true });
    await obs.call('SetInputSettings', { inputName: 'Alert Text', inputSettings: { text: 'hi' } });
    await obs.call('StartRecord');
    await obs.call('StartStream');
    await waitUntil(() => seen.length === 7, 'the seven events');
    expect(seen).toEqual([
      ['CurrentProgramSceneChanged', 'Main'],
      ['SceneItemEnableStateChanged', true],
      ['InputSettingsChanged', 'hi'],
      ['RecordStateChanged', 'OBS_WEBSOCKET_OUTPUT_STARTING'],
      ['RecordStateChanged', 'OBS_WEBSOCKET_OUTPUT_STARTED'],
      ['StreamStateChanged', false],
      ['StreamStateChanged', true],
    ]);
  });

  it('respects eventSubscriptions, and Reidentify changes them', async () => {
    const fake = await startObsFake();
    const scenesOnly = await connected(fake, undefined, EventSubscription.Scenes);
    const outputsOnly = await connected(fake, undefined, EventSubscription.Outputs);
    const scenes: string[] = [];
    const outputs: string[] = [];
    scenesOnly.on('CurrentProgramSceneChanged', (data) => scenes.push(data.sceneName));
    scenesOnly.on('RecordStateChanged', (data) => scenes.push(data.outputState));
    outputsOnly.on('CurrentProgramSceneChanged', (data) => outputs.push(data.sceneName));
    outputsOnly.on('RecordStateChanged', (data) => outputs.push(data.outputState));
    await scenesOnly.call('SetCurrentProgramScene', { sceneName: 'BRB' });
    await scenesOnly.call('StartRecord');
    await waitUntil(() => scenes.length === 1 && outputs.length === 2, 'the first events');
    expect(fake.subscriptions()).toEqual([EventSubscription.Scenes, EventSubscription.Outputs]);
    await scenesOnly.reidentify({ eventSubscriptions: EventSubscription.None });
    fake.emitEvent('CurrentProgramSceneChanged', EventSubscription.Scenes, { sceneName: 'X', sceneUuid: 'x' });
    await outputsOnly.call('StopRecord');
    await waitUntil(() => outputs.length === 4, 'the StopRecord events');
    expect(scenes).toEqual(['BRB']);
  });

  it('drops connections on demand (for reconnect tests)', async () => {
    const fake = await startObsFake();
    const obs = await connected(fake);
    const closed = new Promise<number>((resolve) => obs.once('ConnectionClosed', (error) => resolve(error.code)));
    fake.dropAll();
    expect(await closed).toBe(1006);
    await waitUntil(() => fake.connectionCount === 0, 'the fake to see the drop');
    await connected(fake);
    expect(fake.identifiedCount).toBe(1);
  });
});
