/**
 * Twitch connector for VMSC (EventSub WebSocket + Helix)
 *
 * @packageDocumentation
 */
export * from '../../packages/connector-twitch/src/index.js';
