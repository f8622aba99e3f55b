/**
 * Protobuf codecs the devnet decodes transactions and queries with: chain-sdk's generated (ts-proto style,
 * int64 as `Long`) types. Their LegacyDec fields (DecCoin.amount, escrow Balance.amount, the bme prices...) are
 * patched by chain-sdk at every nesting level: encode takes a human decimal ("1.5") and writes the wire form the
 * chain reads (the LegacyDec atomics, value x 1e18, as an integer string), decode turns the wire's atomics back
 * into a human decimal. So decoded messages carry human decimals, objects given to encode must too, and the
 * devnet converts them to atomics (decFromDecoded) to compute. The amino JSON sign bytes are computed from the
 * raw wire bytes instead (./amino-json.ts), as the chain does.
 */
import * as cosmos from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import * as akashV1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as akashV1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as akashV1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";

export { cosmos, akashV1, akashV1beta4, akashV1beta5 };
export { PubKey as Secp256k1PubKey } from "@akashnetwork/chain-sdk/private-types/cosmos.secp256k1";

/** What the devnet uses of a chain-sdk message type (method syntax: a MessageFns<X> is a Codec<X>). */
export interface Codec<T = unknown> {
  readonly $type: string;
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
  fromPartial(object: unknown): T;
  toJSON(message: T): unknown;
}

/** Messages the devnet executes, by type URL. Anything else is "unable to resolve type URL". */
const MSG_CODECS: Codec[] = [
  cosmos.MsgSend,
  akashV1beta4.MsgCreateDeployment,
  akashV1beta4.MsgUpdateDeployment,
  akashV1beta4.MsgCloseDeployment,
  akashV1beta5.MsgCreateBid,
  akashV1beta5.MsgCloseBid,
  akashV1beta5.MsgCreateLease,
  akashV1beta5.MsgCloseLease,
  akashV1beta5.MsgWithdrawLease,
  akashV1.MsgAccountDeposit,
  akashV1.MsgCreateCertificate,
  akashV1.MsgRevokeCertificate,
  akashV1beta4.MsgCreateProvider,
  akashV1beta4.MsgUpdateProvider,
  akashV1.MsgSignProviderAttributes,
  akashV1.MsgMintACT,
];

export const msgCodecs = new Map<string, Codec>(MSG_CODECS.map((c) => [`/${c.$type}`, c]));

export function toBigInt(v: { toString(): string } | bigint | number | string | undefined | null): bigint {
  if (v === undefined || v === null) return 0n;
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return BigInt(Math.trunc(v));
  if (typeof v === "string") return BigInt(v || "0");
  return BigInt(v.toString());
}

/** LegacyDec: 18 decimal places, stored on the wire as the integer string of value * 1e18. */
export const DEC_PRECISION = 18n;
export const DEC_ONE = 10n ** DEC_PRECISION;

/** A LegacyDec as chain-sdk's patched decoder presents it ("1.5", "" for an empty wire string) -> atomics. */
export function decFromDecoded(s: string): bigint {
  if (s === "") return 0n;
  if (!/^-?\d+(\.\d{1,18})?$/.test(s)) throw new Error(`invalid LegacyDec value ${JSON.stringify(s)}`);
  return decFromString(s);
}

export function decToString(atomics: bigint): string {
  const neg = atomics < 0n;
  const abs = neg ? -atomics : atomics;
  const int = abs / DEC_ONE;
  const frac = (abs % DEC_ONE).toString().padStart(Number(DEC_PRECISION), "0");
  return `${neg ? "-" : ""}${int}.${frac}`;
}

/** Parses a human decimal ("1.5", "2") into LegacyDec atomics. */
export function decFromString(s: string): bigint {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new Error(`invalid decimal ${JSON.stringify(s)}`);
  const frac = (m[3] ?? "").slice(0, 18).padEnd(18, "0");
  const v = BigInt(m[2] || "0") * DEC_ONE + BigInt(frac || "0");
  return m[1] === "-" ? -v : v;
}

export const b64 = (u: Uint8Array): string => Buffer.from(u).toString("base64");
export const fromB64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "base64"));
