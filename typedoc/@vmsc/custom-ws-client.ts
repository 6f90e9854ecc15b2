/**
 * Connects VMSC to any WebSocket and maps its JSON to events with JSONPath
 *
 * @packageDocumentation
 */
export * from '../../packages/custom-ws-client/src/index.js';
