export { NatsBridge } from './bridge.js';
export type { NatsBridgeOptions, NatsConsumeOptions } from './bridge.js';
export { NatsStreamConflictError, NatsPoisonEventError, NatsPublishError } from './errors.js';
export { subjectOf, subjectToken, messageIdOf, DEFAULT_SUBJECT_PREFIX } from './subjects.js';
export { resolveStream } from './setup.js';
export type { StreamSettings, ResolvedStreamSettings } from './setup.js';
export { ChannelLeases, leaseKey } from './leases.js';
export type { ChannelLeasesOptions } from './leases.js';
