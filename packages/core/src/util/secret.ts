import { brandOf, markBrand } from './brand.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
/** Marks a Secret for every copy of `@vmsc/core` (see `Secret[Symbol.hasInstance]`). */
const SECRET_BRAND = Symbol.for('vmsc.secret');

/** What a {@link Secret} prints as, everywhere. */
export const REDACTED = '[redacted]';

/**
 * Holds a credential (token, key, JWT) so that it cannot leak by accident: `toString()`,
 * `JSON.stringify` and `util.inspect`/`console.log` all print `[redacted]`. Call `reveal()` at the
 * one place that sends it.
 *
 * @example
 * ```ts
 * const token = new Secret(process.env.SE_JWT!);
 * console.log(`${token}`); // [redacted]
 * socket.emit('authenticate', { method: 'jwt', token: token.reveal() });
 * ```
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The credential itself. Only for the code that sends it to the platform. */
  reveal(): string {
    return this.#value;
  }

  /** Whether the held value is empty. */
  get isEmpty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspectSymbol](): string {
    return `Secret(${REDACTED})`;
  }

  /**
   * `value instanceof Secret`, also true for a Secret made by another copy of `@vmsc/core` (one
   * package `import`ed, another `require`d), so that it is never mistaken for something else.
   */
  static [Symbol.hasInstance](value: unknown): value is Secret {
    return brandOf(value, SECRET_BRAND) === true;
  }
}
markBrand(Secret.prototype, SECRET_BRAND);

/** Wraps a string in a {@link Secret}; a `Secret` passes through unchanged. */
export function toSecret(value: string | Secret): Secret {
  return value instanceof Secret ? value : new Secret(value);
}

/**
 * Replaces every occurrence of the given secrets in `text` with `[redacted]` (for URLs, server
 * messages and error texts that might echo a credential).
 */
export function redact(text: string, secrets: ReadonlyArray<string | Secret | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    const value = secret instanceof Secret ? secret.reveal() : secret;
    if (value && value.length >= 4) out = out.split(value).join(REDACTED);
  }
  return out;
}
