/**
 * Heart rate connectors for VMSC (Pulsoid and HypeRate)
 *
 * @packageDocumentation
 */
export * from '../../packages/connector-heartrate/src/index.js';
