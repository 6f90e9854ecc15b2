import { ProtocolError } from '@vmsc/core';

const enum State {
  /** Before the opening `[`. */
  Start,
  /** After `[` or `,`: an element or (after `[`) the closing `]` comes next. */
  BeforeElement,
  /** Inside an element. */
  InElement,
  /** After an element: `,` or `]` comes next. */
  AfterElement,
  /** After the closing `]`. */
  Done,
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * An incremental parser for a streamed JSON array (`[ {...}, {...}, ... ]`), the body of
 * `liveChat/messages/stream`: text goes in chunk by chunk, split anywhere (inside a string, an
 * escape, a number, between elements), and each element comes out parsed as soon as its last
 * character has arrived. Memory holds only the element being read.
 *
 * Feed it decoded text; decode bytes with a streaming `TextDecoder` (`{ stream: true }`) so that a
 * multi-byte character split across chunks is kept whole.
 *
 * @example
 * ```ts
 * const parser = new JsonArrayStream();
 * parser.push('[{"a":1},{"b"'); // [{ a: 1 }]
 * parser.push(':2}]');          // [{ b: 2 }]
 * parser.done;                  // true
 * ```
 */
export class JsonArrayStream {
  #state = State.Start;
  #partial = '';
  #depth = 0;
  #inString = false;
  #escaped = false;

  /** Whether the closing `]` has been read. */
  get done(): boolean {
    return this.#state === State.Done;
  }

  /** Whether an element has started but not yet ended (the stream broke mid-element). */
  get midElement(): boolean {
    return this.#state === State.InElement;
  }

  /**
   * Reads `chunk` and returns every element it completed, parsed.
   *
   * @throws `ProtocolError` (from @vmsc/core) when the text is not a JSON array or an element is not valid JSON.
   */
  push(chunk: string): unknown[] {
    const out: unknown[] = [];
    let start = this.#state === State.InElement ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      switch (this.#state) {
        case State.Start:
          if (isSpace(code)) continue;
          if (code !== OPEN_BRACKET) throw this.#unexpected(chunk, i, 'the opening "["');
          this.#state = State.BeforeElement;
          continue;
        case State.BeforeElement:
        case State.AfterElement:
          if (isSpace(code)) continue;
          if (code === CLOSE_BRACKET) {
            this.#state = State.Done;
            continue;
          }
          if (this.#state === State.AfterElement) {
            if (code !== COMMA) throw this.#unexpected(chunk, i, '"," or "]"');
            this.#state = State.BeforeElement;
            continue;
          }
          if (code !== OPEN_BRACE && code !== OPEN_BRACKET) throw this.#unexpected(chunk, i, 'an object');
          this.#state = State.InElement;
          this.#depth = 1;
          this.#inString = false;
          this.#escaped = false;
          start = i;
          continue;
        case State.InElement:
          if (this.#inString) {
            if (this.#escaped) this.#escaped = false;
            else if (code === BACKSLASH) this.#escaped = true;
            else if (code === QUOTE) this.#inString = false;
            continue;
          }
          if (code === QUOTE) this.#inString = true;
          else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.#depth++;
          else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
            if (--this.#depth === 0) {
              const text = this.#partial + chunk.slice(start, i + 1);
              this.#partial = '';
              start = -1;
              this.#state = State.AfterElement;
              out.push(this.#parse(text));
            }
          }
          continue;
        case State.Done:
          if (!isSpace(code)) throw this.#unexpected(chunk, i, 'nothing after the closing "]"');
          continue;
      }
    }
    if (this.#state === State.InElement && start >= 0) this.#partial += chunk.slice(start);
    return out;
  }

  #parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ProtocolError(`a streamed chat element is not valid JSON (${(error as Error).message})`, {
        code: 'YOUTUBE_STREAM_MALFORMED',
        cause: error,
      });
    }
  }

  #unexpected(chunk: string, index: number, expected: string): ProtocolError {
    return new ProtocolError(
      `the chat stream is not a JSON array: expected ${expected}, got ${JSON.stringify(chunk.slice(index, index + 12))}`,
      {
        code: 'YOUTUBE_STREAM_MALFORMED',
      },
    );
  }
}
