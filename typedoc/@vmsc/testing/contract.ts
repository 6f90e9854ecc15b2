/**
 * The shared behavioural suite every connector must pass against its fake: `connectorContract(name, setup)`.
 *
 * @packageDocumentation
 */
export * from '../../../packages/testing/src/contract/index.js';
