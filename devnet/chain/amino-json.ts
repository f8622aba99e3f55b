/**
 * SIGN_MODE_LEGACY_AMINO_JSON sign bytes the way akashnet-2 computes them (Ledger). Akash's node runs cosmos-sdk
 * 0.53 (akash-network/cosmos-sdk fork), whose x/auth/tx NewSigningHandlerMap registers cosmossdk.io/x/tx v0.14.0
 * aminojson.NewSignModeHandler with no custom encoder. That handler does not use the Go amino codec (the
 * "akash-sdk/x/..." names of RegisterLegacyAminoCodec play no part); it walks the protobuf message as decoded from
 * the tx body bytes (x/tx/signing/aminojson/json_marshal.go, options.go, encoder.go, any.go, aminojson.go):
 *
 * - a message packed in an Any (each of the sign doc's msgs) is written {"type":NAME,"value":{...}} where NAME is
 *   the message's `option (amino.name)`, or else its type URL with the leading slash (getMessageAminoNameAny);
 *   nested (non-Any) messages are written bare, whatever their options;
 * - field names are the proto names (`amino.field_name` if set; no Akash proto sets one), never gogoproto
 *   jsontags (`bid_id`, not `id`; `sources`, not `deposit_sources`), and gogoproto.embed changes nothing
 *   (`resource` stays a nested object);
 * - fields are sorted by name; a field that is not set (proto3 scalar at its zero value, empty repeated, message
 *   absent from the wire) is omitted unless `amino.dont_omitempty`; a message present on the wire but empty is {};
 * - uint64/int64 are quoted decimals, uint32/int32 and enums are JSON numbers, bools true/false, bytes standard
 *   base64, strings as Go's encoding/json writes them (<, >, & and U+2028/9 escaped);
 * - `cosmos_proto.scalar = "cosmos.Dec"` with gogoproto customtype LegacyDec (DecCoin.amount): the wire string is
 *   LegacyDec atomics, written as its String(): 18 fractional digits ("10000.000000000000000000"), "" -> "0";
 *   `cosmos.Int` (Coin.amount, dont_omitempty): the string, "" -> "0"; `amino.encoding = "legacy_coins"`
 *   (MsgSend.amount, the fee): an empty list is [] instead of omitted;
 * - the document is AminoSignDoc (x/tx/signing/aminojson/internal/aminojsonpb/aminojson.proto): account_number,
 *   chain_id, fee {amount, gas, granter?, payer?}, memo, msgs, sequence, timeout_height (omitted at 0),
 *   timeout_timestamp and unordered (omitted unless set), encoded by the same rules.
 *
 * The schema below is written from chain-sdk's protos (proto/node/akash/..., ts/v1.0.0-alpha.25) and cosmos-sdk's
 * (bank, base coin), with the options that matter to this encoding.
 */
import { ChainError, sdkErr } from "./errors";

type Kind = "string" | "bytes" | "bool" | "uint32" | "int32" | "uint64" | "int64" | "enum" | "message" | "timestamp" | "any";

interface FieldDef {
  no: number;
  name: string;
  kind: Kind;
  repeated?: boolean;
  /** message full name, for kind "message" */
  type?: string;
  /** cosmos_proto.scalar "cosmos.Dec" with customtype LegacyDec, or "cosmos.Int" */
  scalar?: "dec" | "int";
  dontOmitEmpty?: boolean;
  legacyCoins?: boolean;
}

interface MessageDef {
  /** option (amino.name) */
  aminoName?: string;
  fields: FieldDef[];
}

type Opts = Omit<FieldDef, "no" | "name" | "kind">;
const f = (no: number, name: string, kind: Kind, opts: Opts = {}): FieldDef => ({ no, name, kind, ...opts });
const msg = (no: number, name: string, type: string, opts: Opts = {}): FieldDef => ({ no, name, kind: "message", type, ...opts });

const COIN = "cosmos.base.v1beta1.Coin";
const DEC_COIN = "cosmos.base.v1beta1.DecCoin";
const ATTRIBUTE = "akash.base.attributes.v1.Attribute";
const RV = "akash.base.resources.v1beta4.ResourceValue";
const RESOURCES = "akash.base.resources.v1beta4.Resources";
const DEPOSIT = "akash.base.deposit.v1.Deposit";
const BID_ID = "akash.market.v1.BidID";
const LEASE_ID = "akash.market.v1.LeaseID";
const DEPLOYMENT_ID = "akash.deployment.v1.DeploymentID";
const PROVIDER_ATTRS = [f(1, "owner", "string"), f(2, "host_uri", "string"), msg(3, "attributes", ATTRIBUTE, { repeated: true }), msg(4, "info", "akash.provider.v1beta4.Info")];
const ORDER_ID_FIELDS = [f(1, "owner", "string"), f(2, "dseq", "uint64"), f(3, "gseq", "uint32"), f(4, "oseq", "uint32"), f(5, "provider", "string"), f(6, "bseq", "uint32")];

export const SCHEMA: Record<string, MessageDef> = {
  // cosmos-sdk proto/cosmos/base/v1beta1/coin.proto
  [COIN]: { fields: [f(1, "denom", "string"), f(2, "amount", "string", { scalar: "int", dontOmitEmpty: true })] },
  [DEC_COIN]: { fields: [f(1, "denom", "string"), f(2, "amount", "string", { scalar: "dec" })] },
  // cosmos-sdk proto/cosmos/bank/v1beta1/tx.proto
  "cosmos.bank.v1beta1.MsgSend": {
    aminoName: "cosmos-sdk/MsgSend",
    fields: [f(1, "from_address", "string"), f(2, "to_address", "string"), msg(3, "amount", COIN, { repeated: true, dontOmitEmpty: true, legacyCoins: true })],
  },

  // chain-sdk proto/node/akash/base/...
  [ATTRIBUTE]: { fields: [f(1, "key", "string"), f(2, "value", "string")] },
  "akash.base.attributes.v1.SignedBy": { fields: [f(1, "all_of", "string", { repeated: true }), f(2, "any_of", "string", { repeated: true })] },
  "akash.base.attributes.v1.PlacementRequirements": {
    fields: [msg(1, "signed_by", "akash.base.attributes.v1.SignedBy"), msg(2, "attributes", ATTRIBUTE, { repeated: true })],
  },
  // bytes with gogoproto customtype math.Int but no cosmos_proto.scalar: plain base64 of the wire bytes
  [RV]: { fields: [f(1, "val", "bytes")] },
  "akash.base.resources.v1beta4.CPU": { fields: [msg(1, "units", RV), msg(2, "attributes", ATTRIBUTE, { repeated: true })] },
  "akash.base.resources.v1beta4.Memory": { fields: [msg(1, "quantity", RV), msg(2, "attributes", ATTRIBUTE, { repeated: true })] },
  "akash.base.resources.v1beta4.Storage": { fields: [f(1, "name", "string"), msg(2, "quantity", RV), msg(3, "attributes", ATTRIBUTE, { repeated: true })] },
  "akash.base.resources.v1beta4.GPU": { fields: [msg(1, "units", RV), msg(2, "attributes", ATTRIBUTE, { repeated: true })] },
  "akash.base.resources.v1beta4.Endpoint": { fields: [f(1, "kind", "enum"), f(2, "sequence_number", "uint32")] },
  [RESOURCES]: {
    fields: [
      f(1, "id", "uint32"),
      msg(2, "cpu", "akash.base.resources.v1beta4.CPU"),
      msg(3, "memory", "akash.base.resources.v1beta4.Memory"),
      msg(4, "storage", "akash.base.resources.v1beta4.Storage", { repeated: true }),
      msg(5, "gpu", "akash.base.resources.v1beta4.GPU"),
      msg(6, "endpoints", "akash.base.resources.v1beta4.Endpoint", { repeated: true }),
    ],
  },
  // Deposit.sources has gogoproto jsontag "deposit_sources": irrelevant here, the proto name is used
  [DEPOSIT]: { fields: [msg(1, "amount", COIN), f(5, "sources", "enum", { repeated: true })] },

  // deployment v1 / v1beta4
  [DEPLOYMENT_ID]: { fields: [f(1, "owner", "string"), f(2, "dseq", "uint64")] },
  "akash.deployment.v1beta4.ResourceUnit": {
    // `resource` is gogoproto.embed: flattened in Go structs and legacy amino, a nested object here
    fields: [msg(1, "resource", RESOURCES), f(2, "count", "uint32"), msg(3, "price", DEC_COIN)],
  },
  "akash.deployment.v1beta4.GroupSpec": {
    fields: [f(1, "name", "string"), msg(2, "requirements", "akash.base.attributes.v1.PlacementRequirements"), msg(3, "resources", "akash.deployment.v1beta4.ResourceUnit", { repeated: true })],
  },
  "akash.deployment.v1beta4.MsgCreateDeployment": {
    fields: [msg(1, "id", DEPLOYMENT_ID), msg(2, "groups", "akash.deployment.v1beta4.GroupSpec", { repeated: true }), f(3, "hash", "bytes"), msg(4, "deposit", DEPOSIT)],
  },
  "akash.deployment.v1beta4.MsgUpdateDeployment": { fields: [msg(1, "id", DEPLOYMENT_ID), f(3, "hash", "bytes")] },
  "akash.deployment.v1beta4.MsgCloseDeployment": { fields: [msg(1, "id", DEPLOYMENT_ID)] },

  // market v1 / v1beta5
  [BID_ID]: { fields: ORDER_ID_FIELDS },
  [LEASE_ID]: { fields: ORDER_ID_FIELDS },
  // MsgCreateLease.bid_id has gogoproto jsontag "id": the amino JSON key is still bid_id
  "akash.market.v1beta5.MsgCreateLease": { fields: [msg(1, "bid_id", BID_ID)] },
  "akash.market.v1beta5.MsgCloseLease": { fields: [msg(1, "id", LEASE_ID), f(2, "reason", "enum")] },
  "akash.market.v1beta5.MsgWithdrawLease": { fields: [msg(1, "id", LEASE_ID)] },
  "akash.market.v1beta5.MsgCloseBid": { fields: [msg(1, "id", BID_ID), f(2, "reason", "enum")] },
  "akash.market.v1beta5.StorageOfferPrice": { fields: [f(1, "name", "string"), msg(2, "price", DEC_COIN)] },
  "akash.market.v1beta5.EndpointOfferPrice": { fields: [f(1, "kind", "enum"), msg(2, "price", DEC_COIN)] },
  "akash.market.v1beta5.OfferPrices": {
    fields: [
      msg(2, "cpu", DEC_COIN),
      msg(3, "memory", DEC_COIN),
      msg(4, "storage", "akash.market.v1beta5.StorageOfferPrice", { repeated: true }),
      msg(5, "gpu", DEC_COIN),
      msg(6, "endpoints", "akash.market.v1beta5.EndpointOfferPrice", { repeated: true }),
    ],
  },
  "akash.market.v1beta5.ResourceOffer": { fields: [msg(1, "resources", RESOURCES), f(2, "count", "uint32"), msg(3, "prices", "akash.market.v1beta5.OfferPrices")] },
  "akash.market.v1beta5.MsgCreateBid": {
    fields: [msg(1, "id", BID_ID), msg(2, "price", DEC_COIN), msg(3, "deposit", DEPOSIT), msg(4, "resources_offer", "akash.market.v1beta5.ResourceOffer", { repeated: true })],
  },

  // escrow v1
  "akash.escrow.id.v1.Account": { fields: [f(1, "scope", "enum"), f(2, "xid", "string")] },
  "akash.escrow.v1.MsgAccountDeposit": { fields: [f(1, "signer", "string"), msg(2, "id", "akash.escrow.id.v1.Account"), msg(3, "deposit", DEPOSIT)] },

  // cert v1
  "akash.cert.v1.ID": { fields: [f(1, "owner", "string"), f(2, "serial", "string")] },
  "akash.cert.v1.MsgCreateCertificate": { fields: [f(1, "owner", "string"), f(2, "cert", "bytes"), f(3, "pubkey", "bytes")] },
  "akash.cert.v1.MsgRevokeCertificate": { fields: [msg(1, "id", "akash.cert.v1.ID")] },

  // bme v1: the only Akash tenant messages with an amino.name
  "akash.bme.v1.MsgMintACT": { aminoName: "akash/bme/v1/MsgMintACT", fields: [f(1, "owner", "string"), f(2, "to", "string"), msg(3, "coins_to_burn", COIN)] },

  // provider v1beta4, audit v1
  "akash.provider.v1beta4.Info": { fields: [f(1, "email", "string"), f(2, "website", "string")] },
  "akash.provider.v1beta4.MsgCreateProvider": { fields: PROVIDER_ATTRS },
  "akash.provider.v1beta4.MsgUpdateProvider": { fields: PROVIDER_ATTRS },
  "akash.audit.v1.MsgSignProviderAttributes": { fields: [f(1, "owner", "string"), f(2, "auditor", "string"), msg(3, "attributes", ATTRIBUTE, { repeated: true })] },

  // cosmos-sdk proto/cosmos/tx/v1beta1/tx.proto, only to reject unknown fields of the body as x/tx does
  "cosmos.tx.v1beta1.TxBody": {
    fields: [
      f(1, "messages", "any", { repeated: true }),
      f(2, "memo", "string"),
      f(3, "timeout_height", "uint64"),
      f(4, "unordered", "bool"),
      f(5, "timeout_timestamp", "timestamp"),
      f(1023, "extension_options", "any", { repeated: true }),
      f(2047, "non_critical_extension_options", "any", { repeated: true }),
    ],
  },
};

// ---------------------------------------------------------------- protobuf wire

class EncodingError extends Error {}

interface WireField {
  wire: number;
  /** varints and fixed ints as bigint (unsigned), length-delimited as bytes */
  values: (bigint | Uint8Array)[];
}

function readVarint(buf: Uint8Array, pos: { i: number }): bigint {
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

function parseWire(buf: Uint8Array): Map<number, WireField> {
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

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

function str(v: bigint | Uint8Array): string {
  if (!(v instanceof Uint8Array)) throw new EncodingError("string field with a numeric wire type");
  try {
    return utf8.decode(v);
  } catch {
    throw new EncodingError("string field contains invalid UTF-8");
  }
}

/** Numeric values of a (possibly packed) scalar field. */
function numbers(fd: FieldDef, field: WireField): bigint[] {
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

// ---------------------------------------------------------------- JSON as Go's encoding/json writes it

/** json.Marshal(string): like JSON.stringify, plus HTML-safe escapes of <, >, & and U+2028/U+2029. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const MAX_DEC_BIT_LEN = 256 + 60;

/** LegacyDec.Unmarshal(atomics text) then String(): 18 fractional digits. */
function legacyDecString(atomicsText: string): string {
  if (atomicsText === "") return "0";
  if (!/^[+-]?\d+$/.test(atomicsText)) throw new EncodingError(`failed to unmarshal for Amino JSON encoding; string ${goJsonString(atomicsText)} into Dec`);
  let v = BigInt(atomicsText);
  const neg = v < 0n;
  if (neg) v = -v;
  if (v.toString(2).length > MAX_DEC_BIT_LEN) throw new EncodingError("decimal out of range");
  const s = v.toString().padStart(19, "0");
  return `${neg ? "-" : ""}${s.slice(0, -18)}.${s.slice(-18)}`;
}

function rfc3339(seconds: bigint, nanos: number): string {
  const d = new Date(Number(seconds) * 1000);
  const base = d.toISOString().slice(0, 19);
  if (nanos === 0) return `${base}Z`;
  return `${base}.${String(nanos).padStart(9, "0").replace(/0+$/, "")}Z`;
}

const toInt32 = (v: bigint) => Number(BigInt.asIntN(32, v));
const toUint32 = (v: bigint) => Number(BigInt.asUintN(32, v));

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

function messageJson(typeName: string, bytes: Uint8Array): string {
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
function fieldJson(fd: FieldDef, field: WireField | undefined): string | undefined {
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

/** The amino JSON ({"type","value"}) of one message, as the chain writes it inside the sign doc's msgs. */
export function aminoMsgJson(typeUrl: string, value: Uint8Array): string {
  const name = typeUrl.replace(/^\//, "");
  return `{"type":${goJsonString(aminoNameOf(typeUrl))},"value":${messageJson(name, value)}}`;
}

export interface SignDocInput {
  bodyBytes: Uint8Array;
  fee: { amount: { denom: string; amount: string }[]; gasLimit: bigint; payer: string; granter: string };
  chainId: string;
  accountNumber: bigint | number;
  sequence: bigint | number;
}

/**
 * The SIGN_MODE_LEGACY_AMINO_JSON sign bytes of a tx (aminojson.SignModeHandler.GetSignBytes): the body is read
 * from its bytes (unknown fields and extension options rejected, as the handler does), the doc written sorted.
 * Throws a ChainError (unauthorized) when the body cannot be encoded: on the chain that fails the signature.
 */
export function aminoSignBytes(input: SignDocInput): Uint8Array {
  try {
    const body = parseWire(input.bodyBytes);
    for (const no of body.keys()) {
      if (!SCHEMA["cosmos.tx.v1beta1.TxBody"]!.fields.some((fd) => fd.no === no)) throw new EncodingError(`TxBody: unknown field ${no}`);
    }
    if (body.has(1023) || body.has(2047)) throw new EncodingError("SIGN_MODE_LEGACY_AMINO_JSON does not support protobuf extension options: invalid request");
    const bodyField = (name: string) => {
      const fd = SCHEMA["cosmos.tx.v1beta1.TxBody"]!.fields.find((x) => x.name === name)!;
      return { fd, field: body.get(fd.no) };
    };
    const j = (name: string, dontOmitEmpty = false) => {
      const { fd, field } = bodyField(name);
      return fieldJson({ ...fd, dontOmitEmpty }, field);
    };
    const msgs = j("messages", true)!;
    const coin = (c: { denom: string; amount: string }) => {
      const parts: string[] = [`"amount":${goJsonString(c.amount === "" ? "0" : c.amount)}`];
      if (c.denom !== "") parts.push(`"denom":${goJsonString(c.denom)}`);
      return `{${parts.join(",")}}`;
    };
    const fee: string[] = [`"amount":[${input.fee.amount.map(coin).join(",")}]`, `"gas":"${input.fee.gasLimit}"`];
    if (input.fee.granter) fee.push(`"granter":${goJsonString(input.fee.granter)}`);
    if (input.fee.payer) fee.push(`"payer":${goJsonString(input.fee.payer)}`);
    const doc: string[] = [
      `"account_number":"${BigInt(input.accountNumber)}"`,
      `"chain_id":${goJsonString(input.chainId)}`,
      `"fee":{${fee.join(",")}}`,
      `"memo":${j("memo", true)}`,
      `"msgs":${msgs}`,
      `"sequence":"${BigInt(input.sequence)}"`,
    ];
    const timeoutHeight = j("timeout_height");
    if (timeoutHeight !== undefined) doc.push(`"timeout_height":${timeoutHeight}`);
    const timeoutTimestamp = j("timeout_timestamp");
    if (timeoutTimestamp !== undefined) doc.push(`"timeout_timestamp":${timeoutTimestamp}`);
    const unordered = j("unordered");
    if (unordered !== undefined) doc.push(`"unordered":${unordered}`);
    return new TextEncoder().encode(`{${doc.join(",")}}`);
  } catch (e) {
    if (e instanceof ChainError) throw e;
    throw sdkErr.unauthorized((e as Error).message);
  }
}
