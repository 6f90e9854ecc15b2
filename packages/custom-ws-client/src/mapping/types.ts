/** A JSON value, as found in or produced from a message. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Where a field's value comes from: a JSONPath expression (`"$.from.name"`), a path with a default
 * for when it finds nothing (`{ path: "$.amount", default: 0 }`), or a constant (`{ const: "chat" }`).
 * Paths use jsonpath-plus syntax without script expressions (`?()`, `()` are rejected); when a path
 * matches several values, the first is used.
 */
export type FieldMapping = string | { path: string; default?: JsonValue } | { const: JsonValue };

/**
 * Keeps only the messages it matches: a path that must find a value (other than `null`/`false`),
 * or a path whose value must equal `equals`.
 */
export type MessageFilter = string | { path: string; equals: JsonValue };

/**
 * How one kind of incoming JSON message becomes a StreamEvent. Keys name the event field they fill:
 * `type` (required), `user.id`, `user.username`, `user.nickname` (and other `user.*` fields), and
 * any `data.*` field (dots nest: `data.amount.value`).
 *
 * @example
 * ```ts
 * // {"kind":"msg","text":"hello","from":{"id":7,"name":"ann"}}
 * const mapping: MessageMapping = {
 *   filter: { path: '$.kind', equals: 'msg' },
 *   type: { const: 'chat' },
 *   'user.id': '$.from.id',
 *   'user.username': '$.from.name',
 *   'data.message': '$.text',
 * };
 * ```
 */
export interface MessageMapping {
  /** The event type: usually a constant, or a path whose values `types` renames. */
  type: FieldMapping;
  /** Renames the values `type` finds to event types, e.g. `{ msg: 'chat', tip: 'donation' }`. */
  types?: Record<string, string>;
  /** Only messages the filter matches use this mapping. */
  filter?: MessageFilter;
  [field: `user.${string}`]: FieldMapping;
  [field: `data.${string}`]: FieldMapping;
}
