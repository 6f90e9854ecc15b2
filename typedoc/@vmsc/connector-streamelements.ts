/**
 * StreamElements realtime connector for VMSC (Socket.IO)
 *
 * @packageDocumentation
 */
export * from '../../packages/connector-streamelements/src/index.js';
