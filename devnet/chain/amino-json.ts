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
 * The schema (amino/schema.ts) is written from chain-sdk's protos and cosmos-sdk's; amino/wire.ts reads the bytes,
 * amino/encode.ts writes the JSON, this file builds the sign doc.
 */
import { ChainError, sdkErr } from "./errors";
import { aminoNameOf, fieldJson, messageJson } from "./amino/encode";
import { goJsonString } from "./amino/go-json";
import { SCHEMA } from "./amino/schema";
import { EncodingError, parseWire } from "./amino/wire";

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
