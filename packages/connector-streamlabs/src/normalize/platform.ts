/**
 * Streamlabs' `for` field → the platform an alert happened on (`meta.platform`).
 *
 * @packageDocumentation
 */

/** The platform of a Streamlabs alert: `twitch_account` → `twitch`; absent/`""`/`streamlabs` → `streamlabs`. */
export function platformOf(forField: unknown): string {
  if (typeof forField !== 'string' || forField === '' || forField === 'streamlabs') return 'streamlabs';
  return forField.endsWith('_account') ? forField.slice(0, -'_account'.length) : forField;
}
