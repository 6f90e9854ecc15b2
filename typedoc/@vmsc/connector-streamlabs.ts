/**
 * Streamlabs Socket API connector for VMSC (Socket.IO 2)
 *
 * @packageDocumentation
 */
export * from '../../packages/connector-streamlabs/src/index.js';
