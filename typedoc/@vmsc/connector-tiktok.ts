/**
 * TikTok LIVE connector for VMSC (webcast WebSocket via a Sign API)
 *
 * @packageDocumentation
 */
export * from '../../packages/connector-tiktok/src/index.js';
