import { serializeSignDoc, type StdSignDoc } from "@cosmjs/amino";
import { ripemd160, Secp256k1, Secp256k1Signature, sha256 } from "@cosmjs/crypto";
import { toBase64, toBech32, toUtf8 } from "@cosmjs/encoding";

/**
 * ADR-36 ("arbitrary message signing", cosmos-sdk docs/architecture/adr-036-arbitrary-signature.md): the data is
 * wrapped in an Amino sign doc with one `sign/MsgSignData` message, empty chain id, zero account number, sequence
 * and fee, so a signature over it can never be a valid transaction. This is the doc Keplr's and Leap's
 * signArbitrary sign (@keplr-wallet/cosmos makeADR36AminoSignDoc); browser, server and tests all build it here.
 */
export function makeAdr36SignDoc(signer: string, data: string | Uint8Array): StdSignDoc {
  const bytes = typeof data === "string" ? toUtf8(data) : data;
  return {
    chain_id: "",
    account_number: "0",
    sequence: "0",
    fee: { gas: "0", amount: [] },
    msgs: [{ type: "sign/MsgSignData", value: { signer, data: toBase64(bytes) } }],
    memo: "",
  };
}

/** The account address of a compressed secp256k1 public key: bech32(prefix, ripemd160(sha256(pubkey))). */
export function addressOfPubkey(pubkey: Uint8Array, prefix = "akash"): string {
  return toBech32(prefix, ripemd160(sha256(pubkey)));
}

export type Adr36Failure = "malformed_pubkey" | "malformed_signature" | "address_mismatch" | "bad_signature";

/**
 * Checks that `signature` (64 bytes r||s, as StdSignature.signature) signs the ADR-36 doc of `data` for
 * `address`, and that `pubkey` is that address's key. Returns why it does not, so the caller can say so.
 */
export async function verifyAdr36(input: {
  address: string;
  pubkey: Uint8Array;
  signature: Uint8Array;
  data: string | Uint8Array;
  prefix?: string;
}): Promise<{ ok: true } | { ok: false; reason: Adr36Failure }> {
  // Keplr and Leap hand out compressed keys (33 bytes, 02/03 prefix); the address hashes exactly those bytes.
  if (input.pubkey.length !== 33 || (input.pubkey[0] !== 2 && input.pubkey[0] !== 3)) return { ok: false, reason: "malformed_pubkey" };
  if (input.signature.length !== 64) return { ok: false, reason: "malformed_signature" };
  if (addressOfPubkey(input.pubkey, input.prefix) !== input.address) return { ok: false, reason: "address_mismatch" };
  const hash = sha256(serializeSignDoc(makeAdr36SignDoc(input.address, input.data)));
  let valid: boolean;
  try {
    valid = await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(input.signature), hash, input.pubkey);
  } catch {
    // not a point on the curve, or r/s out of range
    return { ok: false, reason: "bad_signature" };
  }
  return valid ? { ok: true } : { ok: false, reason: "bad_signature" };
}
