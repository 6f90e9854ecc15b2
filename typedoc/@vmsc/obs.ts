/**
 * Drive OBS Studio from VMSC through obs-websocket 5
 *
 * @packageDocumentation
 */
export * from '../../packages/obs/src/index.js';
