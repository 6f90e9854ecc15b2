export { CustomWsServer } from './server.js';
export type { CustomWsServerOptions, RuleEngineLike, RuleSummary, ScopedToken } from './options.js';
