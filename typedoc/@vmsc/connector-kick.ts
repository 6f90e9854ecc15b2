/**
 * Kick connector for VMSC (Pusher protocol v7)
 *
 * @packageDocumentation
 */
export * from '../../packages/connector-kick/src/index.js';
