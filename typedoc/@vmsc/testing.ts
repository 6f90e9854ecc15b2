/**
 * Local fakes of every platform VMSC connects to, and helpers for testing with them
 *
 * @packageDocumentation
 */
export * from '../../packages/testing/src/index.js';
