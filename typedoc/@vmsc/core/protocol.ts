/**
 * The VMSC Custom WebSocket protocol: both directions' messages as zod schemas and TypeScript types, and its constants. Browser-safe.
 *
 * @packageDocumentation
 */
export * from '../../../packages/core/src/protocol/index.js';
