/** The protobuf wire format, read without a schema: the amino JSON encoder walks the bytes of the tx body itself. */
import type { FieldDef } from "./schema";

export class EncodingError extends Error {}

export interface WireField {
  wire: number;
  /** varints and fixed ints as bigint (unsigned), length-delimited as bytes */
  values: (bigint | Uint8Array)[];
}

export function readVarint(buf: Uint8Array, pos: { i: number }): bigint {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos.i >= buf.length) throw new EncodingError("unexpected end of varint");
    const b = buf[pos.i++]!;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return result & 0xffffffffffffffffn;
    shift += 7n;
    if (shift > 63n) throw new EncodingError("varint too long");
  }
}

export function parseWire(buf: Uint8Array): Map<number, WireField> {
  const out = new Map<number, WireField>();
  const pos = { i: 0 };
  while (pos.i < buf.length) {
    const tag = readVarint(buf, pos);
    const no = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (no === 0) throw new EncodingError("invalid field number 0");
    let value: bigint | Uint8Array;
    if (wire === 0) value = readVarint(buf, pos);
    else if (wire === 2) {
      const len = Number(readVarint(buf, pos));
      if (pos.i + len > buf.length) throw new EncodingError("length-delimited field overflows the message");
      value = buf.subarray(pos.i, pos.i + len);
      pos.i += len;
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4;
      if (pos.i + n > buf.length) throw new EncodingError("fixed field overflows the message");
      let v = 0n;
      for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(buf[pos.i + k]!);
      value = v;
      pos.i += n;
    } else throw new EncodingError(`unsupported wire type ${wire}`);
    // wire types are checked where the values are read (a packed list mixes 2 with 0, which is valid)
    const prev = out.get(no);
    if (prev) prev.values.push(value);
    else out.set(no, { wire, values: [value] });
  }
  return out;
}

export const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function str(v: bigint | Uint8Array): string {
  if (!(v instanceof Uint8Array)) throw new EncodingError("string field with a numeric wire type");
  try {
    return utf8.decode(v);
  } catch {
    throw new EncodingError("string field contains invalid UTF-8");
  }
}

/** Numeric values of a (possibly packed) scalar field. */
export function numbers(fd: FieldDef, field: WireField): bigint[] {
  const out: bigint[] = [];
  for (const v of field.values) {
    if (typeof v === "bigint") out.push(v);
    else {
      if (!fd.repeated) throw new EncodingError(`field ${fd.name}: packed encoding on a singular field`);
      const pos = { i: 0 };
      while (pos.i < v.length) out.push(readVarint(v, pos));
    }
  }
  return out;
}
