/** Scalars as Go writes them in amino JSON: encoding/json strings, LegacyDec text, RFC 3339 timestamps. */
import { EncodingError } from "./wire";

/** json.Marshal(string): like JSON.stringify, plus HTML-safe escapes of <, >, & and U+2028/U+2029. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const MAX_DEC_BIT_LEN = 256 + 60;

/** LegacyDec.Unmarshal(atomics text) then String(): 18 fractional digits. */
export function legacyDecString(atomicsText: string): string {
  if (atomicsText === "") return "0";
  if (!/^[+-]?\d+$/.test(atomicsText)) throw new EncodingError(`failed to unmarshal for Amino JSON encoding; string ${goJsonString(atomicsText)} into Dec`);
  let v = BigInt(atomicsText);
  const neg = v < 0n;
  if (neg) v = -v;
  if (v.toString(2).length > MAX_DEC_BIT_LEN) throw new EncodingError("decimal out of range");
  const s = v.toString().padStart(19, "0");
  return `${neg ? "-" : ""}${s.slice(0, -18)}.${s.slice(-18)}`;
}

export function rfc3339(seconds: bigint, nanos: number): string {
  const d = new Date(Number(seconds) * 1000);
  const base = d.toISOString().slice(0, 19);
  if (nanos === 0) return `${base}Z`;
  return `${base}.${String(nanos).padStart(9, "0").replace(/0+$/, "")}Z`;
}

export const toInt32 = (v: bigint) => Number(BigInt.asIntN(32, v));
export const toUint32 = (v: bigint) => Number(BigInt.asUintN(32, v));
