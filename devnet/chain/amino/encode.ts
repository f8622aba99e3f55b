/**
 * The encoder proper (x/tx/signing/aminojson json_marshal.go): a message's JSON from its wire bytes and its schema,
 * fields sorted by proto name, unset fields omitted, Anys as {"type","value"}.
 */
import { goJsonString, legacyDecString, rfc3339, toInt32, toUint32 } from "./go-json";
import { SCHEMA, type FieldDef } from "./schema";
import { EncodingError, concat, numbers, parseWire, str, type WireField } from "./wire";

/** A single scalar value in its default encoding. */
function scalarJson(fd: FieldDef, v: bigint | Uint8Array): string {
  switch (fd.kind) {
    case "string":
      return goJsonString(str(v));
    case "bytes":
      if (!(v instanceof Uint8Array)) throw new EncodingError(`field ${fd.name}: bytes with a numeric wire type`);
      return goJsonString(Buffer.from(v).toString("base64"));
    case "bool":
      return (v as bigint) !== 0n ? "true" : "false";
    case "uint32":
      return String(toUint32(v as bigint));
    case "int32":
    case "enum":
      return String(toInt32(v as bigint));
    case "uint64":
      return `"${BigInt.asUintN(64, v as bigint)}"`;
    case "int64":
      return `"${BigInt.asIntN(64, v as bigint)}"`;
    default:
      throw new EncodingError(`field ${fd.name}: not a scalar`);
  }
}

const isZero = (v: bigint | Uint8Array): boolean => (v instanceof Uint8Array ? v.length === 0 : v === 0n);

export function messageJson(typeName: string, bytes: Uint8Array): string {
  const def = SCHEMA[typeName];
  if (!def) throw new EncodingError(`no amino JSON schema for ${typeName}`);
  const wire = parseWire(bytes);
  for (const no of wire.keys()) {
    if (!def.fields.some((fd) => fd.no === no)) throw new EncodingError(`${typeName}: unknown field ${no}`);
  }
  const parts: string[] = [];
  for (const fd of [...def.fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const field = wire.get(fd.no);
    const json = fieldJson(fd, field);
    if (json !== undefined) parts.push(`${goJsonString(fd.name)}:${json}`);
  }
  return `{${parts.join(",")}}`;
}

/** The JSON of one field, or undefined when it is omitted. */
export function fieldJson(fd: FieldDef, field: WireField | undefined): string | undefined {
  if (fd.repeated) {
    let items: string[] = [];
    if (field) {
      if (fd.kind === "message") items = field.values.map((v) => messageJson(fd.type!, asBytes(fd, v)));
      else if (fd.kind === "any") items = field.values.map((v) => anyJson(asBytes(fd, v)));
      else if (fd.kind === "string" || fd.kind === "bytes") items = field.values.map((v) => scalarJson(fd, v));
      else items = numbers(fd, field).map((n) => scalarJson(fd, n));
    }
    if (items.length === 0) {
      if (!fd.dontOmitEmpty) return undefined;
      return fd.legacyCoins ? "[]" : "null";
    }
    return `[${items.join(",")}]`;
  }
  if (fd.kind === "message" || fd.kind === "timestamp" || fd.kind === "any") {
    if (!field) {
      if (!fd.dontOmitEmpty) return undefined;
      throw new EncodingError(`not supported: dont_omit_empty=true on invalid (nil?) message field: ${fd.name}`);
    }
    const bytes = concat(field.values.map((v) => asBytes(fd, v)));
    if (fd.kind === "timestamp") return timestampJson(bytes);
    if (fd.kind === "any") return anyJson(bytes);
    return messageJson(fd.type!, bytes);
  }
  const last = field ? (fd.kind === "string" || fd.kind === "bytes" ? field.values[field.values.length - 1]! : numbers(fd, field).pop()!) : undefined;
  const present = last !== undefined && !isZero(last);
  if (!present && !fd.dontOmitEmpty) return undefined;
  if (fd.scalar === "dec") return goJsonString(legacyDecString(present ? str(last!) : ""));
  if (fd.scalar === "int") {
    const s = present ? str(last!) : "";
    return goJsonString(s === "" ? "0" : s);
  }
  if (!present) {
    if (fd.kind === "string") return `""`;
    if (fd.kind === "bytes") return `""`;
    if (fd.kind === "bool") return "false";
    if (fd.kind === "uint64" || fd.kind === "int64") return `"0"`;
    return "0";
  }
  return scalarJson(fd, last!);
}

function asBytes(fd: FieldDef, v: bigint | Uint8Array): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new EncodingError(`field ${fd.name}: message with a numeric wire type`);
  return v;
}

function timestampJson(bytes: Uint8Array): string {
  const w = parseWire(bytes);
  const seconds = BigInt.asIntN(64, (w.get(1)?.values.at(-1) as bigint | undefined) ?? 0n);
  const nanos = toInt32((w.get(2)?.values.at(-1) as bigint | undefined) ?? 0n);
  if (nanos < 0) throw new EncodingError("nanos must be non-negative on timestamp");
  return `"${rfc3339(seconds, nanos)}"`;
}

/** getMessageAminoNameAny: amino.name, else the type URL ("/akash.deployment.v1beta4.MsgCreateDeployment"). */
export function aminoNameOf(typeUrl: string): string {
  const def = SCHEMA[typeUrl.replace(/^\//, "")];
  return def?.aminoName ?? typeUrl;
}

function anyJson(bytes: Uint8Array): string {
  const w = parseWire(bytes);
  for (const no of w.keys()) if (no !== 1 && no !== 2) throw new EncodingError(`google.protobuf.Any: unknown field ${no}`);
  const typeUrlRaw = w.get(1)?.values.at(-1);
  const typeUrl = typeUrlRaw === undefined ? "" : str(typeUrlRaw);
  const value = w.get(2)?.values.at(-1) ?? new Uint8Array();
  const name = typeUrl.replace(/^\//, "");
  if (!SCHEMA[name]) throw new EncodingError(`can't resolve type URL ${typeUrl}`);
  return `{"type":${goJsonString(aminoNameOf(typeUrl))},"value":${messageJson(name, asBytes({ no: 2, name: "value", kind: "bytes" }, value))}}`;
}
