import { afterEach, describe, expect, it } from 'vitest';
import { createEvent, EventBus, RuleEngine, validateRules, type RuleInput } from '@vmsc/core';
import { ObsNotConnectedError, ObsNotFoundError, obsAction, obsOperations } from '@vmsc/obs';
import { closeAllFakes, startObsFake } from '@vmsc/testing';
import { controllerFor, disconnectControllers } from './helpers.js';

afterEach(async () => {
  await disconnectControllers();
  await closeAllFakes();
});

const raid = createEvent({
  source: 'twitch',
  type: 'chat',
  user: { id: '1', username: 'raider', nickname: 'Raider' },
  data: { message: 'Main' },
});

function rule(name: string, actions: unknown[]): RuleInput {
  return { id: crypto.randomUUID(), name, trigger: { types: ['chat'] }, actions } as RuleInput;
}

async function rig() {
  const fake = await startObsFake();
  const obs = controllerFor(fake);
  await obs.connect();
  const engine = new RuleEngine({ bus: new EventBus(), logger: () => undefined, actions: [obsAction(obs)] });
  return { fake, obs, engine };
}

describe('the obs action', () => {
  it('runs every ObsController operation on the fake, templates rendered, outputs in the run report', async () => {
    const { fake, engine } = await rig();
    const actions = [
      { type: 'obs', op: 'setProgramScene', scene: '{{data.message}}' },
      { type: 'obs', op: 'setSceneItemEnabled', scene: 'Main', source: 'Alert Box', enabled: true },
      { type: 'obs', op: 'setText', input: 'Alert Text', text: 'thanks {{user.nickname}}' },
      { type: 'obs', op: 'setInputSettings', input: 'Alert Box', settings: { url: 'http://127.0.0.1/{{user.username}}' }, overlay: false },
      { type: 'obs', op: 'triggerHotkey', hotkey: 'ReplayBuffer.Save' },
      { type: 'obs', op: 'startRecording' },
      { type: 'obs', op: 'stopRecording' },
      { type: 'obs', op: 'startStreaming' },
      { type: 'obs', op: 'stopStreaming' },
    ];
    expect(actions.map((action) => action.op)).toEqual(obsOperations);
    engine.addRule(rule('all', actions));
    const run = await engine.trigger('all', raid);
    expect(run.outcome).toBe('completed');
    expect(run.actions.map((record) => record.status)).toEqual(actions.map(() => 'ok'));
    expect(run.actions[0]!.output).toEqual({ op: 'setProgramScene' });
    expect(run.actions[6]!.output).toEqual({ op: 'stopRecording', outputPath: '/home/streamer/Videos/recording-1.mkv' });
    expect(fake.state.programSceneName).toBe('Main');
    expect(fake.state.scene('Main')!.items.find((item) => item.sourceName === 'Alert Box')!.sceneItemEnabled).toBe(true);
    expect(fake.state.input('Alert Text')!.inputSettings.text).toBe('thanks Raider');
    expect(fake.state.input('Alert Box')!.inputSettings).toEqual({ url: 'http://127.0.0.1/raider' });
    expect(fake.state.triggeredHotkeys).toEqual(['ReplayBuffer.Save']);
  });

  it('an unknown scene fails the action (and the run) with ObsNotFoundError; nothing crashes', async () => {
    const { engine } = await rig();
    engine.addRule(
      rule('nope', [
        { type: 'obs', op: 'setProgramScene', scene: 'Nope' },
        { type: 'log', message: 'after' },
      ]),
    );
    const run = await engine.trigger('nope', raid);
    expect(run.outcome).toBe('failed');
    expect(run.actions[0]!.status).toBe('failed');
    expect(run.actions[0]!.error).toBeInstanceOf(ObsNotFoundError);
    expect(run.error).toBeInstanceOf(ObsNotFoundError);
  });

  it('a controller that is not connected fails with ObsNotConnectedError, and explain says so', async () => {
    const fake = await startObsFake();
    const obs = controllerFor(fake);
    const engine = new RuleEngine({ bus: new EventBus(), logger: () => undefined, actions: [obsAction(obs)] });
    engine.addRule(rule('off', [{ type: 'obs', op: 'triggerHotkey', hotkey: '{{data.message}}' }]));
    expect(engine.explain('off', raid).actions[0]).toMatchObject({
      description: 'obs triggerHotkey {"hotkey":"Main"}',
      problem: 'OBS is not connected (disconnected)',
    });
    const run = await engine.trigger('off', raid);
    expect(run.actions[0]!.error).toBeInstanceOf(ObsNotConnectedError);
  });

  it('is validated by path: unknown op, missing and extra fields, malformed templates', async () => {
    const { engine } = await rig();
    const result = validateRules(
      [
        rule('a', [
          { type: 'obs', op: 'switchScene', scene: 'Main' },
          { type: 'obs', op: 'setProgramScene' },
          { type: 'obs', op: 'setSceneItemEnabled', scene: 'Main', source: 'x', enabled: 'yes' },
          { type: 'obs', op: 'startRecording', scene: 'Main' },
          { type: 'obs', op: 'setText', input: 'Alert Text', text: 'hi {{user.nickname' },
        ]),
      ],
      { actions: engine.actionRegistry },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '[0].actions[0].op',
        '[0].actions[1].scene',
        '[0].actions[2].enabled',
        '[0].actions[3]',
        '[0].actions[4].text',
      ]),
    );
  });
});
