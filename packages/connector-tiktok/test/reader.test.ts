import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '@vmsc/testing';
import { int64ToDecimal, KnownStrings, uint64ToDecimal, WireReader } from '../src/proto/reader.js';

/**
 * The connector's WireReader against @bufbuild/protobuf's BinaryReader, which it replaces on the
 * decode path: on well-formed and on arbitrary bytes both must read the same values and fail with
 * the same error at the same field.
 */

type Read = 'int64String' | 'int64Number' | 'uint64String' | 'uint32' | 'int32' | 'bool' | 'string' | 'bytes' | 'skip';

/** Reads every field of `bytes` with `reads[i % n]` as its way of reading (when it fits the wire type), recording what came out. */
function traceOurs(bytes: Uint8Array, reads: readonly Read[]): string[] {
  const reader = new WireReader(bytes);
  const out: string[] = [];
  try {
    for (let i = 0; reader.pos < reader.len; i++) {
      const tag = reader.tag();
      const fieldNo = tag >>> 3;
      const wireType = tag & 7;
      out.push(`tag ${fieldNo}/${wireType}`);
      const read = reads[i % reads.length]!;
      if (wireType === WireType.Varint && read === 'int64String') out.push(reader.int64String());
      else if (wireType === WireType.Varint && read === 'int64Number') out.push(String(reader.int64Number()));
      else if (wireType === WireType.Varint && read === 'uint64String') out.push(reader.uint64String());
      else if (wireType === WireType.Varint && read === 'uint32') out.push(String(reader.uint32()));
      else if (wireType === WireType.Varint && read === 'int32') out.push(String(reader.int32()));
      else if (wireType === WireType.Varint && read === 'bool') out.push(String(reader.bool()));
      else if (wireType === WireType.LengthDelimited && read === 'string') out.push(JSON.stringify(reader.string()));
      else if (wireType === WireType.LengthDelimited && read === 'bytes') out.push(Buffer.from(reader.bytes()).toString('hex'));
      else reader.skip(wireType, fieldNo);
      out.push(`at ${reader.pos}`);
    }
  } catch (error) {
    out.push(`${(error as Error).name}: ${(error as Error).message}`);
  }
  return out;
}

function traceBufbuild(bytes: Uint8Array, reads: readonly Read[]): string[] {
  const reader = new BinaryReader(bytes);
  const out: string[] = [];
  try {
    for (let i = 0; reader.pos < reader.len; i++) {
      const [fieldNo, wireType] = reader.tag();
      out.push(`tag ${fieldNo}/${wireType}`);
      const read = reads[i % reads.length]!;
      if (wireType === WireType.Varint && read === 'int64String') out.push(reader.int64().toString());
      else if (wireType === WireType.Varint && read === 'int64Number') out.push(String(Number(reader.int64())));
      else if (wireType === WireType.Varint && read === 'uint64String') out.push(reader.uint64().toString());
      else if (wireType === WireType.Varint && read === 'uint32') out.push(String(reader.uint32()));
      else if (wireType === WireType.Varint && read === 'int32') out.push(String(reader.int32()));
      else if (wireType === WireType.Varint && read === 'bool') out.push(String(reader.bool()));
      else if (wireType === WireType.LengthDelimited && read === 'string') out.push(JSON.stringify(reader.string()));
      else if (wireType === WireType.LengthDelimited && read === 'bytes') out.push(Buffer.from(reader.bytes()).toString('hex'));
      else reader.skip(wireType, fieldNo);
      out.push(`at ${reader.pos}`);
    }
  } catch (error) {
    out.push(`${(error as Error).name}: ${(error as Error).message}`);
  }
  return out;
}

const readArb = fc.array(
  fc.constantFrom<Read>('int64String', 'int64Number', 'uint64String', 'uint32', 'int32', 'bool', 'string', 'bytes', 'skip'),
  { minLength: 1, maxLength: 6 },
);

/** A well-formed field: a 64-bit varint, a string (any code points), raw bytes (often invalid UTF-8), fixed32/64 or a group. */
const fieldArb = fc.oneof(
  fc.record({
    kind: fc.constant('varint' as const),
    no: fc.integer({ min: 1, max: 2000 }),
    value: fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n),
  }),
  fc.record({
    kind: fc.constant('small' as const),
    no: fc.integer({ min: 1, max: 40 }),
    value: fc.oneof(fc.bigInt(0n, 2n ** 53n + 10n), fc.constantFrom(0n, 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 64n - 1n)),
  }),
  fc.record({
    kind: fc.constant('string' as const),
    no: fc.integer({ min: 1, max: 40 }),
    value: fc.string({ unit: 'binary', maxLength: 60 }),
  }),
  fc.record({ kind: fc.constant('bytes' as const), no: fc.integer({ min: 1, max: 40 }), value: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant('fixed' as const), no: fc.integer({ min: 1, max: 40 }), value: fc.integer() }),
  fc.record({ kind: fc.constant('group' as const), no: fc.integer({ min: 1, max: 40 }), value: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
);

type Field = typeof fieldArb extends fc.Arbitrary<infer T> ? T : never;

function encodeFields(fields: readonly Field[]): Uint8Array {
  const w = new BinaryWriter();
  for (const field of fields) {
    if (field.kind === 'varint') w.tag(field.no, WireType.Varint).int64(field.value);
    else if (field.kind === 'small') w.tag(field.no, WireType.Varint).uint64(field.value);
    else if (field.kind === 'string') w.tag(field.no, WireType.LengthDelimited).string(field.value);
    else if (field.kind === 'bytes') w.tag(field.no, WireType.LengthDelimited).bytes(field.value);
    else if (field.kind === 'fixed')
      w.tag(field.no, field.value % 2 ? WireType.Bit32 : WireType.Bit64)[field.value % 2 ? 'fixed32' : 'fixed64'](field.value >>> 0);
    else w.tag(field.no, WireType.StartGroup).tag(1, WireType.Varint).uint32(field.value).tag(field.no, WireType.EndGroup);
  }
  return w.finish();
}

describe('WireReader', () => {
  it('reads well-formed fields exactly as @bufbuild/protobuf BinaryReader does', () => {
    checkProperty('well-formed fields', fc.tuple(fc.array(fieldArb, { maxLength: 12 }), readArb), ([fields, reads]) => {
      const bytes = encodeFields(fields);
      expect(traceOurs(bytes, reads)).toEqual(traceBufbuild(bytes, reads));
    });
  });

  it('reads, and fails on, truncated and arbitrary bytes exactly as BinaryReader does', () => {
    const truncated = fc.tuple(fc.array(fieldArb, { minLength: 1, maxLength: 6 }), fc.nat()).map(([fields, cut]) => {
      const bytes = encodeFields(fields);
      return bytes.subarray(0, cut % (bytes.length + 1));
    });
    checkProperty(
      'truncated or arbitrary bytes',
      fc.tuple(fc.oneof(truncated, fc.uint8Array({ maxLength: 64 })), readArb),
      ([bytes, reads]) => {
        expect(traceOurs(bytes, reads)).toEqual(traceBufbuild(bytes, reads));
      },
    );
  });

  it('decodes strings from a Buffer and from a plain Uint8Array alike (invalid UTF-8 → U+FFFD, a leading BOM kept)', () => {
    const w = new BinaryWriter();
    const samples = [
      Uint8Array.of(0xef, 0xbb, 0xbf, 0x41),
      Uint8Array.of(0xc3),
      Uint8Array.of(0xf0, 0x9f, 0x8c),
      Uint8Array.of(0xed, 0xa0, 0x80, 0x61),
    ];
    for (const sample of samples) w.tag(1, WireType.LengthDelimited).bytes(sample);
    w.tag(1, WireType.LengthDelimited).string('Sakura 🌸 and a rather longer text');
    const bytes = w.finish();
    const expected = traceBufbuild(bytes, ['string']);
    expect(traceOurs(bytes, ['string'])).toEqual(expected);
    expect(traceOurs(Buffer.from(bytes), ['string'])).toEqual(expected);
    expect(expected[1]).toBe(JSON.stringify('\uFEFFA'));
  });

  it('prints every 64-bit integer as BigInt does', () => {
    checkProperty('64-bit decimal', fc.bigInt(0n, 2n ** 64n - 1n), (value) => {
      const lo = Number(value & 0xffff_ffffn);
      const hi = Number(value >> 32n);
      expect(uint64ToDecimal(lo, hi)).toBe(value.toString());
      expect(int64ToDecimal(lo | 0, hi | 0)).toBe(BigInt.asIntN(64, value).toString());
    });
  });

  it('prints 64-bit integers as BigInt does, at the edges', () => {
    const edges = [
      0n,
      1n,
      2n ** 53n - 1n,
      2n ** 53n,
      2n ** 53n + 1n,
      7_301_962_345_897_160_001n,
      10n ** 18n - 1n,
      10n ** 18n,
      10n ** 19n - 1n,
      10n ** 19n,
      9_007_199_255_000_000_000n,
      18_446_744_072_999_999_999n,
      18_446_744_073_000_000_000n,
      2n ** 63n - 1n,
      2n ** 63n,
      2n ** 64n - 1n,
    ];
    for (const value of edges) {
      const lo = Number(value & 0xffff_ffffn);
      const hi = Number(value >> 32n);
      expect(uint64ToDecimal(lo, hi)).toBe(value.toString());
      expect(int64ToDecimal(lo | 0, hi | 0)).toBe(BigInt.asIntN(64, value).toString());
    }
  });

  it('keeps ids apart that share a memo slot, and reads each one right every time', () => {
    const w = new BinaryWriter();
    // 1 (lo 1, hi 0) and 2^32 (lo 0, hi 1) share a slot (lo ^ hi): read alternately, each must come out right.
    const values = [
      1n,
      2n ** 32n,
      1n,
      2n ** 32n,
      -1n,
      2n ** 63n - 1n,
      -(2n ** 63n),
      7_301_962_345_897_160_001n,
      7_301_962_345_897_160_001n,
    ];
    for (const value of values) w.tag(1, WireType.Varint).int64(value);
    const reader = new WireReader(w.finish());
    const read: string[] = [];
    while (reader.pos < reader.len) {
      reader.tag();
      read.push(reader.int64String());
    }
    expect(read).toEqual(values.map((value) => BigInt.asIntN(64, value).toString()));
  });

  it('returns a known string as its constant and decodes everything else as usual', () => {
    const known = new KnownStrings(['WebcastChatMessage', 'WebcastGiftMessage']);
    const w = new BinaryWriter();
    for (const text of ['WebcastGiftMessage', 'WebcastChatMessagf', 'WebcastChatMessage', 'WebcastFooMessage', 'Webcast🌸Message', ''])
      w.tag(1, WireType.LengthDelimited).string(text);
    const bytes = w.finish();
    const reader = new WireReader(bytes);
    const read: string[] = [];
    while (reader.pos < reader.len) {
      reader.tag();
      read.push(reader.string(known));
    }
    expect(read).toEqual(['WebcastGiftMessage', 'WebcastChatMessagf', 'WebcastChatMessage', 'WebcastFooMessage', 'Webcast🌸Message', '']);
    expect(known.match(bytes, 2, 20)).toBe('WebcastGiftMessage');
    expect(() => new KnownStrings(['Rose 🌹'])).toThrow(RangeError);
  });
});
