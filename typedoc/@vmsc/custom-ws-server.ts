/**
 * The VMSC Custom WebSocket Server: external apps inject events, trigger rules, subscribe
 *
 * @packageDocumentation
 */
export * from '../../packages/custom-ws-server/src/index.js';
