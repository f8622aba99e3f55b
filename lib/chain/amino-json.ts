import { toBase64 } from "@cosmjs/encoding";
import { Decimal } from "@cosmjs/math";

/**
 * Amino JSON for Akash messages, the way the chain derives it when it verifies a SIGN_MODE_LEGACY_AMINO_JSON
 * signature (Ledger). Akash v1 runs cosmos-sdk 0.53, whose sign-mode handler (cosmossdk.io/x/tx aminojson) walks the
 * protobuf message, not a Go amino codec:
 * - field names are the proto names (snake_case); akash protos set no `amino.field_name`;
 * - a scalar at its zero value ("", 0, false, empty bytes) and an empty repeated field are omitted, a nested
 *   message is written whenever it is present on the wire, even empty (`"signed_by":{}`);
 * - uint64/int64 are strings, uint32 and enums are numbers, bytes are base64;
 * - `cosmos.Dec` scalars (DecCoin.amount) are written as a LegacyDec: 18 fractional digits.
 * ts-proto objects mirror the wire exactly (a message field is encoded iff it is not undefined), so walking the
 * in-memory object gives the same document as the chain's walk over the decoded bytes.
 * https://github.com/cosmos/cosmos-sdk/blob/v0.53.0/x/tx/signing/aminojson/json_marshal.go
 */
export type AminoJson = string | number | boolean | AminoJson[] | { [key: string]: AminoJson };

const LEGACY_DEC_PRECISION = 18;

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `long` instances (ts-proto's uint64) without importing `long`, which is chain-sdk's dependency, not ours. */
function isLong(v: object): v is { toString(): string; isZero(): boolean } {
  return "low" in v && "high" in v && "unsigned" in v && typeof (v as { isZero?: unknown }).isZero === "function";
}

/** "1000000" or "1000000.5" -> "1000000.000000000000000000" / "1000000.500000000000000000" */
export function toLegacyDecString(value: string): string {
  const negative = value.startsWith("-");
  const text = Decimal.fromUserInput(negative ? value.slice(1) : value, LEGACY_DEC_PRECISION).toString();
  const [whole, fraction = ""] = text.split(".");
  return `${negative ? "-" : ""}${whole}.${fraction.padEnd(LEGACY_DEC_PRECISION, "0")}`;
}

function isZeroScalar(v: unknown): boolean {
  return v === "" || v === 0 || v === false || (v instanceof Uint8Array && v.length === 0);
}

/**
 * @param decimalPaths snake_case paths without array indices whose string value is a `cosmos.Dec`,
 *   e.g. "groups.resources.price.amount".
 */
export function toAminoJson(value: object, decimalPaths: ReadonlySet<string> = new Set(), path = ""): { [key: string]: AminoJson } {
  const out: { [key: string]: AminoJson } = {};
  for (const [key, raw] of Object.entries(value)) {
    const name = snakeCase(key);
    const fieldPath = path ? `${path}.${name}` : name;
    const converted = convert(raw, decimalPaths, fieldPath);
    if (converted !== undefined) out[name] = converted;
  }
  return out;
}

function convert(raw: unknown, decimalPaths: ReadonlySet<string>, path: string): AminoJson | undefined {
  if (raw === undefined || raw === null || isZeroScalar(raw)) return undefined;
  if (typeof raw === "string") return decimalPaths.has(path) ? toLegacyDecString(raw) : raw;
  if (typeof raw === "number" || typeof raw === "boolean") return raw;
  if (typeof raw === "bigint") return raw === 0n ? undefined : raw.toString();
  if (raw instanceof Uint8Array) return toBase64(raw);
  if (Array.isArray(raw)) {
    if (raw.length === 0) return undefined;
    // list elements are never omitted: a zero enum in `sources` is still an element
    return raw.map((item: unknown) => convertElement(item, decimalPaths, path));
  }
  if (typeof raw === "object") {
    if (isLong(raw)) return raw.isZero() ? undefined : raw.toString();
    return toAminoJson(raw, decimalPaths, path);
  }
  throw new Error(`amino-json: unsupported value of type ${typeof raw} at ${path}`);
}

function convertElement(item: unknown, decimalPaths: ReadonlySet<string>, path: string): AminoJson {
  if (typeof item === "number" || typeof item === "boolean") return item;
  if (typeof item === "string") return decimalPaths.has(path) ? toLegacyDecString(item) : item;
  if (typeof item === "bigint") return item.toString();
  if (item instanceof Uint8Array) return toBase64(item);
  if (item !== null && typeof item === "object") {
    if (isLong(item)) return item.toString();
    return toAminoJson(item, decimalPaths, path);
  }
  throw new Error(`amino-json: unsupported list element at ${path}`);
}
