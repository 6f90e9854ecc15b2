import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

/**
 * Small helpers over `@bufbuild/protobuf`'s {@link BinaryReader}, in the shape of generated
 * decoders: each `decodeX(reader, end)` reads fields until `end` and skips every field it does not
 * map (proto3 unknown-field skipping), so the schema only needs the fields we use.
 *
 * @packageDocumentation
 */

export { BinaryReader, WireType };

/** A 64-bit integer field as a decimal string (ids). */
export function int64String(reader: BinaryReader): string {
  return reader.int64().toString();
}

/** A 64-bit integer field as a number (timestamps, counts; exact below 2^53). */
export function int64Number(reader: BinaryReader): number {
  return Number(reader.int64());
}

/** Reads the length prefix of an embedded message and returns where it ends. */
export function embeddedEnd(reader: BinaryReader): number {
  const length = reader.uint32();
  const end = reader.pos + length;
  if (end > reader.len) throw new RangeError(`embedded message of ${length} bytes runs past the end of its buffer`);
  return end;
}

/** Skips an embedded message (or any length-delimited field) without decoding it. */
export function skipField(reader: BinaryReader, fieldNo: number, wireType: WireType): void {
  reader.skip(wireType, fieldNo);
}

/** Throws unless a field has the wire type the schema expects (a corrupt or re-typed field). */
export function expectWireType(fieldNo: number, actual: WireType, expected: WireType): void {
  if (actual !== expected) throw new RangeError(`field ${fieldNo}: wire type ${actual}, expected ${expected}`);
}

/** `ImageModel`: its first URL (`urlList[0]`, field 1), skipping the rest. */
export function decodeImageUrl(reader: BinaryReader, end: number): string | undefined {
  let url: string | undefined;
  while (reader.pos < end) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === WireType.LengthDelimited && url === undefined) url = reader.string();
    else reader.skip(wireType, fieldNo);
  }
  return url;
}
