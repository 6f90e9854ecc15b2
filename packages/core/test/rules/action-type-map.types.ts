/**
 * Type test (checked by `tsc -p tsconfig.json`): augmenting `ActionTypeMap` gives a registered action
 * type its static type in `Action`, `Rule` and `RuleInput`.
 */
import { z } from 'zod';
import { defineAction, type Action, type ActionOf, type RuleInput } from '@vmsc/core';

const typeTestSound = defineAction({
  type: 'typeTestSound',
  schema: z.strictObject({ type: z.literal('typeTestSound'), file: z.string() }),
  run: () => undefined,
});

declare module '@vmsc/core' {
  interface ActionTypeMap {
    typeTestSound: ActionOf<typeof typeTestSound>;
  }
}

/** A rule using the augmented type. */
export const augmented: RuleInput = {
  id: '0b5f2c4e-8f7a-4d7e-9a51-3f0b7f1f2a10',
  name: 'sound',
  actions: [{ type: 'typeTestSound', file: 'a.mp3' }],
};

/** Its fields are checked like a built-in's. */
// @ts-expect-error `nope` is not a field of typeTestSound
export const misspelt: Action = { type: 'typeTestSound', nope: 'a.mp3' };
