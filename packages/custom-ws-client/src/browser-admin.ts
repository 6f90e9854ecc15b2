/**
 * The browser build with the hub's admin client (`@vmsc/custom-ws-client/browser-admin`): everything
 * `@vmsc/custom-ws-client/browser` exports plus {@link VmscAdminClient}, for pages that manage the
 * hub (the dashboard). An overlay imports `/browser`, which stays within its 30 KB budget without
 * the admin actions' schemas.
 *
 * @packageDocumentation
 */
export * from './browser.js';
export { VmscAdminClient, AdminRequestError } from './admin/admin-client.js';
export type { VmscAdminClientOptions } from './admin/admin-client.js';
export { AdminApi } from './admin/admin-api.js';
export type { AdminRequester } from './admin/admin-api.js';
