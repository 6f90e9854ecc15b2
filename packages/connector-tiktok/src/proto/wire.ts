import { WireType } from '@bufbuild/protobuf/wire';
import { WireReader } from './reader.js';

/**
 * Small helpers over {@link WireReader}, in the shape of generated decoders: each
 * `decodeX(reader, end)` reads fields until `end` and skips every field it does not map (proto3
 * unknown-field skipping), so the schema only needs the fields we use. A tag is one number:
 * `tag >>> 3` is the field number, `tag & 7` the wire type.
 *
 * @packageDocumentation
 */

export { WireReader, WireType };

/** Reads the length prefix of an embedded message and returns where it ends. */
export function embeddedEnd(reader: WireReader): number {
  const length = reader.uint32();
  const end = reader.pos + length;
  if (end > reader.len) throw new RangeError(`embedded message of ${length} bytes runs past the end of its buffer`);
  return end;
}

/** Throws unless a field has the wire type the schema expects (a corrupt or re-typed field). */
export function expectWireType(fieldNo: number, actual: WireType, expected: WireType): void {
  if (actual !== expected) throw new RangeError(`field ${fieldNo}: wire type ${actual}, expected ${expected}`);
}

/** `ImageModel`: its first URL (`urlList[0]`, field 1), skipping the rest. */
export function decodeImageUrl(reader: WireReader, end: number): string | undefined {
  let url: string | undefined;
  while (reader.pos < end) {
    const tag = reader.tag();
    if (tag === ((1 << 3) | WireType.LengthDelimited) && url === undefined) url = reader.string();
    else reader.skip(tag & 7, tag >>> 3);
  }
  return url;
}
