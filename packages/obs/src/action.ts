import { defineAction, templated, type ActionDefinition } from '@vmsc/core';
import { z } from 'zod';
import type { ObsController } from './controller.js';
import { runObsOperation, type ObsOperation, type ObsOperationResult } from './operation.js';

/** A non-empty name that may hold templates (`"{{vars.scene}}"`). */
const name = templated(z.string().min(1));

const op = <O extends ObsOperation['op'], S extends z.ZodRawShape>(operation: O, shape: S) =>
  z.strictObject({ type: z.literal('obs'), op: z.literal(operation), ...shape });

/**
 * The schema of an `obs` action: `{ "type": "obs", "op": <ObsController operation>, ...its fields }`.
 * String fields (and the values of `settings`) are templates rendered against the run.
 */
export const obsActionSchema = z.discriminatedUnion('op', [
  op('setProgramScene', { scene: name }),
  op('setSceneItemEnabled', { scene: name, source: name, enabled: z.boolean() }),
  op('setText', { input: name, text: templated(z.string()) }),
  op('setInputSettings', { input: name, settings: templated(z.record(z.string(), z.unknown())), overlay: z.boolean().optional() }),
  op('triggerHotkey', { hotkey: name }),
  op('startRecording', {}),
  op('stopRecording', {}),
  op('startStreaming', {}),
  op('stopStreaming', {}),
]);

/** An `obs` action, as validated. */
export type ObsAction = z.output<typeof obsActionSchema>;

/** What an `obs` action's record holds as `output`: the operation done, and `outputPath` after `stopRecording`. */
export type ObsActionOutput = ObsOperationResult & { op: ObsOperation['op'] };

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The action with its templates rendered: the {@link ObsOperation} to run. */
function toOperation(action: ObsAction, render: (value: unknown) => unknown): ObsOperation {
  const str = (value: string) => text(render(value));
  switch (action.op) {
    case 'setProgramScene':
      return { op: action.op, scene: str(action.scene) };
    case 'setSceneItemEnabled':
      return { op: action.op, scene: str(action.scene), source: str(action.source), enabled: action.enabled };
    case 'setText':
      return { op: action.op, input: str(action.input), text: str(action.text) };
    case 'setInputSettings': {
      const settings = render(action.settings) as Record<string, unknown>;
      return action.overlay === undefined
        ? { op: action.op, input: str(action.input), settings }
        : { op: action.op, input: str(action.input), settings, overlay: action.overlay };
    }
    case 'triggerHotkey':
      return { op: action.op, hotkey: str(action.hotkey) };
    default:
      return { op: action.op };
  }
}

/**
 * Builds the `obs` action type, driving OBS through `controller` (connect it yourself; an action run
 * while it is not connected fails with `ObsNotConnectedError`). Register it with
 * `engine.registerActionType(obsAction(obs))` (or the engine option `actions`).
 *
 * Every {@link ObsController} operation is an `op`: `setProgramScene` (`scene`), `setSceneItemEnabled`
 * (`scene`, `source`, `enabled`), `setText` (`input`, `text`), `setInputSettings` (`input`,
 * `settings`, `overlay`?), `triggerHotkey` (`hotkey`), `startRecording`, `stopRecording`,
 * `startStreaming`, `stopStreaming`. Rules are validated by path (`rules[0].actions[1].scene`).
 * A failed request fails the action with the controller's typed error (`ObsNotFoundError` for an
 * unknown scene, source or input; `ObsRequestError` otherwise).
 *
 * @example
 * ```ts
 * const obs = new ObsController({ password: process.env.OBS_PASSWORD });
 * await obs.connect();
 * const engine = new RuleEngine({ bus, actions: [obsAction(obs)] });
 * engine.addRule({ id: 'raid', name: 'raid scene', trigger: { types: ['raid'] },
 *   actions: [{ type: 'obs', op: 'setProgramScene', scene: 'Raid' }] });
 * ```
 */
export function obsAction(controller: ObsController): ActionDefinition<typeof obsActionSchema> {
  return defineAction({
    type: 'obs',
    schema: obsActionSchema,
    async run(action, context): Promise<ObsActionOutput> {
      const result = await runObsOperation(
        controller,
        toOperation(action, (value) => context.render(value)),
      );
      return { op: action.op, ...result };
    },
    preview(action, context) {
      const { op: operation, ...fields } = toOperation(action, (value) => context.render(value));
      const description = `obs ${operation}${Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ''}`;
      return controller.status === 'connected' ? { description } : { description, problem: `OBS is not connected (${controller.status})` };
    },
  });
}
