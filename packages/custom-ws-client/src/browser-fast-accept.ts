/**
 * What core's `events/fast-accept.ts` resolves to in the browser build (see tsup.config.ts): no
 * compiled fast accept, so `parseEvent` validates every event with its zod schema. The fast accept's
 * own contract allows this: `undefined` means "always ask zod", and it only ever answers where zod
 * would accept the value unchanged. It is a Node hot-path optimisation; left out, the browser
 * build is smaller and gives the same results.
 *
 * @internal
 */
/** As in core: `true` when zod would accept the value unchanged, `false` for "ask zod". */
export type FastAccept = (value: unknown) => boolean;

/** Always `undefined`: every value is validated by zod. */
export function compileAccept(_schema: unknown): FastAccept | undefined {
  return undefined;
}
