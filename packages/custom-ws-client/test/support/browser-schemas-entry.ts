/**
 * A test-only entry bundled like the browser build (test/browser-build.test.ts): core's catalogue,
 * event schemas, validation and every protocol schema as the browser bundle builds them (on
 * zod/mini), to compare with the same sources on zod classic.
 */
export { catalogue, streamUserSchema, eventMetaSchema, parseEvent, validateData, validateUser } from '@vmsc/core';
export * as protocol from '@vmsc/core/protocol';
