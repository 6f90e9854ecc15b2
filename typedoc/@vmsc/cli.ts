/**
 * The vmsc hub: runs the bus, rules, custom WS server and connectors from a config file; demo, simulate, replay
 *
 * @packageDocumentation
 */
export * from '../../packages/cli/src/index.js';
