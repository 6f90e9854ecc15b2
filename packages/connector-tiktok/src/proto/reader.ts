/**
 * The protobuf wire reader of the webcast decoders: the reading half of `@bufbuild/protobuf`'s
 * `BinaryReader`, with the same checks and the same error messages, minus what made it the hot
 * spot of a busy frame (profiled on 60-message frames, bench/suites/tiktok.bench.ts): a tag is one
 * number (no `[fieldNo, wireType]` array per field), `skip` returns nothing (no subarray per
 * skipped field), 64-bit ids become decimal strings without a BigInt, `bytes()` is a plain
 * `Uint8Array` view (no `Buffer#subarray` detour) and strings longer than a few bytes are decoded
 * by Node's UTF-8 decoder straight from the buffer (`TextDecoder` semantics: invalid bytes become
 * U+FFFD, a leading U+FEFF is kept).
 *
 * @packageDocumentation
 */

/** Protobuf wire types (`WireType` of @bufbuild/protobuf). */
const VARINT = 0;
const BIT64 = 1;
const LENGTH_DELIMITED = 2;
const START_GROUP = 3;
const END_GROUP = 4;
const BIT32 = 5;

/** Strings up to this many bytes are decoded in JS (cheaper than a native call when all ASCII). */
const SHORT_STRING = 8;
const TWO_POW_32 = 4_294_967_296;

/**
 * Node's native UTF-8 slice (what `Buffer#toString('utf8', start, end)` calls after its argument
 * checks, and what protobufjs reads strings with); `toString` when a runtime lacks it.
 */
const nativeUtf8Slice = (Buffer.prototype as unknown as { utf8Slice?: (this: Uint8Array, start: number, end: number) => string }).utf8Slice;

/**
 * An unsigned 64-bit integer (two uint32 halves) as a decimal string, without a BigInt: exact via
 * a double below 2^53; above, the quotient by 10^9 from the double (off by at most one), the
 * remainder exactly modulo 2^32 (`Math.imul`), then corrected.
 */
export function uint64ToDecimal(lo: number, hi: number): string {
  const approx = hi * TWO_POW_32 + lo;
  if (hi <= 0x1f_ffff) return String(approx);
  let quotient = Math.floor(approx / 1e9);
  let remainder = (lo - Math.imul(quotient, 1e9)) | 0;
  if (remainder < 0) {
    quotient -= 1;
    remainder += 1e9;
  } else if (remainder >= 1e9) {
    quotient += 1;
    remainder -= 1e9;
  }
  return `${quotient}${String(remainder).padStart(9, '0')}`;
}

/** A signed 64-bit integer (two's complement, two 32-bit halves) as a decimal string. */
export function int64ToDecimal(lo: number, hi: number): string {
  let l = lo >>> 0;
  let h = hi >>> 0;
  if (h < 0x8000_0000) return uint64ToDecimal(l, h);
  l = (~l + 1) >>> 0;
  h = (~h + (l === 0 ? 1 : 0)) >>> 0;
  return `-${uint64ToDecimal(l, h)}`;
}

/**
 * The decimal strings of the last ids read, by a hash of their bits: a batch repeats ids (the room
 * id in every message, the same viewers, a message id in its envelope and again in its `common`),
 * and these strings cost more than the lookup. A slot holds the bits it was made from, so a hit is
 * exact; every slot starts as 0 → "0".
 */
const ID_SLOTS = 128;
const idLo = new Int32Array(ID_SLOTS);
const idHi = new Int32Array(ID_SLOTS);
const idText: string[] = Array.from({ length: ID_SLOTS }, () => '0');

/**
 * ASCII strings a field often holds (the method names of a batch): {@link WireReader.string} returns
 * the matching constant instead of decoding the bytes anew, which also spares the hashing of a new
 * string when it is looked up in a set. Anything else is decoded as usual.
 */
export class KnownStrings {
  readonly #byLength: Array<string[] | undefined> = [];

  constructor(values: readonly string[]) {
    for (const value of values) {
      if (!/^[\x20-\x7e]+$/.test(value)) throw new RangeError(`known string ${JSON.stringify(value)} is not printable ASCII`);
      (this.#byLength[value.length] ??= []).push(value);
    }
  }

  /** The known string equal to `buf[start..end)`, if any. */
  match(buf: Uint8Array, start: number, end: number): string | undefined {
    const candidates = this.#byLength[end - start];
    if (!candidates) return undefined;
    for (const candidate of candidates) {
      let i = start;
      while (i < end && buf[i] === candidate.charCodeAt(i - start)) i++;
      if (i === end) return candidate;
    }
    return undefined;
  }
}

/** Reads protobuf wire format from one buffer; `pos` moves as fields are read. */
export class WireReader {
  /** The bytes read. */
  readonly buf: Uint8Array;
  /** Their length. */
  readonly len: number;
  /** The read position. */
  pos = 0;
  #text: Buffer | undefined;
  #lo = 0;
  #hi = 0;

  constructor(bytes: Uint8Array) {
    this.buf = bytes;
    this.len = bytes.length;
    this.#text = Buffer.isBuffer(bytes) ? bytes : undefined;
  }

  #assertBounds(): void {
    if (this.pos > this.len) throw new RangeError('premature EOF');
  }

  /** An unsigned 32-bit varint (longer varints are truncated to their low 32 bits, as protobuf does). */
  uint32(): number {
    const buf = this.buf;
    let b = buf[this.pos++]!;
    if ((b & 0x80) === 0) {
      this.#assertBounds();
      return b;
    }
    let result = b & 0x7f;
    b = buf[this.pos++]!;
    result |= (b & 0x7f) << 7;
    if ((b & 0x80) === 0) {
      this.#assertBounds();
      return result;
    }
    b = buf[this.pos++]!;
    result |= (b & 0x7f) << 14;
    if ((b & 0x80) === 0) {
      this.#assertBounds();
      return result;
    }
    b = buf[this.pos++]!;
    result |= (b & 0x7f) << 21;
    if ((b & 0x80) === 0) {
      this.#assertBounds();
      return result;
    }
    b = buf[this.pos++]!;
    result |= (b & 0x0f) << 28;
    for (let read = 5; (b & 0x80) !== 0 && read < 10; read++) b = buf[this.pos++]!;
    if ((b & 0x80) !== 0) throw new Error('invalid varint');
    this.#assertBounds();
    return result >>> 0;
  }

  /** A tag as one number: field number `tag >>> 3`, wire type `tag & 7`. */
  tag(): number {
    const start = this.pos;
    const tag = this.uint32();
    const read = this.pos - start;
    if (read > 5 || (read === 5 && this.buf[this.pos - 1]! > 0x0f)) throw new Error('illegal tag: varint overflows uint32');
    const fieldNo = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNo <= 0 || wireType > 5) throw new Error(`illegal tag: field no ${fieldNo} wire type ${wireType}`);
    return tag;
  }

  /** Reads a 64-bit varint into its two 32-bit halves. */
  #varint64(): void {
    const buf = this.buf;
    let pos = this.pos;
    let lo = 0;
    let hi = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = buf[pos++]!;
      lo |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return this.#end64(pos, lo, hi);
    }
    const middle = buf[pos++]!;
    lo |= (middle & 0x0f) << 28;
    hi = (middle & 0x70) >> 4;
    if ((middle & 0x80) === 0) return this.#end64(pos, lo, hi);
    for (let shift = 3; shift <= 31; shift += 7) {
      const b = buf[pos++]!;
      hi |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return this.#end64(pos, lo, hi);
    }
    throw new Error('invalid varint');
  }

  #end64(pos: number, lo: number, hi: number): void {
    this.pos = pos;
    this.#assertBounds();
    this.#lo = lo;
    this.#hi = hi;
  }

  /** A signed 32-bit varint. */
  int32(): number {
    return this.uint32() | 0;
  }

  /** An `int64` as a decimal string (ids). */
  int64String(): string {
    this.#varint64();
    const lo = this.#lo;
    const hi = this.#hi;
    const slot = (lo ^ hi) & (ID_SLOTS - 1);
    if (idLo[slot] === lo && idHi[slot] === hi) return idText[slot]!;
    const text = int64ToDecimal(lo, hi);
    idLo[slot] = lo;
    idHi[slot] = hi;
    idText[slot] = text;
    return text;
  }

  /** An `int64` as a number (timestamps, counts): the nearest double, exact below 2^53. */
  int64Number(): number {
    this.#varint64();
    // hi * 2^32 is exact and the sum is rounded once: the same double as Number(BigInt).
    return (this.#hi | 0) * TWO_POW_32 + (this.#lo >>> 0);
  }

  /** A `uint64` as a decimal string. */
  uint64String(): string {
    this.#varint64();
    return uint64ToDecimal(this.#lo >>> 0, this.#hi >>> 0);
  }

  /** A bool varint (any non-zero value is true). */
  bool(): boolean {
    const b = this.buf[this.pos]!;
    if (b < 0x80) {
      this.pos++;
      return b !== 0;
    }
    this.#varint64();
    return this.#lo !== 0 || this.#hi !== 0;
  }

  /** A length-delimited field's bytes: a view of the buffer, not a copy. */
  bytes(): Uint8Array {
    const length = this.uint32();
    const start = this.pos;
    this.pos += length;
    this.#assertBounds();
    const buf = this.buf;
    return new Uint8Array(buf.buffer, buf.byteOffset + start, length);
  }

  /** A length-delimited field as UTF-8 text (invalid bytes become U+FFFD); one of `known` when it is one. */
  string(known?: KnownStrings): string {
    const length = this.uint32();
    const start = this.pos;
    this.pos += length;
    this.#assertBounds();
    const buf = this.buf;
    if (known) {
      const match = known.match(buf, start, this.pos);
      if (match !== undefined) return match;
    }
    if (length <= SHORT_STRING) {
      let text = '';
      for (let i = start; i < this.pos; i++) {
        const byte = buf[i]!;
        if (byte > 0x7f) return this.#utf8(start, this.pos);
        text += String.fromCharCode(byte);
      }
      return text;
    }
    return this.#utf8(start, this.pos);
  }

  #utf8(start: number, end: number): string {
    if (nativeUtf8Slice) return nativeUtf8Slice.call(this.buf, start, end);
    const buf = this.buf;
    this.#text ??= Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    return this.#text.toString('utf8', start, end);
  }

  /** Skips one field of `wireType` (groups too, nested at most `depth` deep). */
  skip(wireType: number, fieldNo: number, depth = 100): void {
    switch (wireType) {
      case VARINT:
        while (this.buf[this.pos++]! & 0x80) {
          // the varint's continuation bytes
        }
        break;
      case BIT64:
        this.pos += 8;
        break;
      case BIT32:
        this.pos += 4;
        break;
      case LENGTH_DELIMITED: {
        const length = this.uint32();
        this.pos += length;
        break;
      }
      case START_GROUP:
        if (depth <= 0) throw new Error('maximum recursion depth reached');
        for (;;) {
          const tag = this.tag();
          const type = tag & 7;
          if (type === END_GROUP) {
            if (tag >>> 3 !== fieldNo) throw new Error('invalid end group tag');
            break;
          }
          this.skip(type, tag >>> 3, depth - 1);
        }
        break;
      default:
        throw new Error(`cant skip wire type ${wireType}`);
    }
    this.#assertBounds();
  }
}
