/**
 * YouTube connector for VMSC (Data API v3 live chat)
 *
 * @packageDocumentation
 */
export * from '../../packages/connector-youtube/src/index.js';
