import type { z } from 'zod';
import type { Action } from './actions.js';
import { builtinActionRegistry } from './registry.js';

/**
 * Zod schema of an {@link Action} of the built-in types; an unknown `type` is reported at `type` with
 * the valid ones. For an engine's registered types use `engine.actionRegistry.schema`.
 */
export const actionSchema: z.ZodType<Action, Action> = builtinActionRegistry.schema;
