/**
 * StreamEvent types and schemas, the typed event bus, the rule engine and the connector contract
 *
 * @packageDocumentation
 */
export * from '../../packages/core/src/index.js';
