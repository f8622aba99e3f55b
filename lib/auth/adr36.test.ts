import { fromBase64 } from "@cosmjs/encoding";
import { describe, expect, it } from "vitest";
import { addressOfPubkey, makeAdr36SignDoc, verifyAdr36 } from "@/lib/auth/adr36";
import { TENANT1 } from "../../devnet/accounts";
import { adr36Signer, OTHER_MNEMONIC } from "@/test/support/signer";

describe("makeAdr36SignDoc", () => {
  it("wraps the data in one sign/MsgSignData message with an empty chain id and zero fee", () => {
    expect(makeAdr36SignDoc(TENANT1.address, "hello")).toEqual({
      chain_id: "",
      account_number: "0",
      sequence: "0",
      fee: { gas: "0", amount: [] },
      msgs: [{ type: "sign/MsgSignData", value: { signer: TENANT1.address, data: "aGVsbG8=" } }],
      memo: "",
    });
  });
});

describe("verifyAdr36", () => {
  it("derives the devnet tenant1 address from its public key", async () => {
    const signer = await adr36Signer(TENANT1.mnemonic);
    expect(addressOfPubkey(signer.pubkey)).toBe(TENANT1.address);
  });

  it("accepts a real signature and rejects it for other data", async () => {
    const signer = await adr36Signer(TENANT1.mnemonic);
    const sig = await signer.sign("nonce 1");
    const input = { address: signer.address, pubkey: fromBase64(sig.pub_key.value), signature: fromBase64(sig.signature) };
    expect(await verifyAdr36({ ...input, data: "nonce 1" })).toEqual({ ok: true });
    expect(await verifyAdr36({ ...input, data: "nonce 2" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects a tampered signature", async () => {
    const signer = await adr36Signer(TENANT1.mnemonic);
    const sig = fromBase64((await signer.sign("x")).signature);
    sig[10]! ^= 0x01;
    expect(await verifyAdr36({ address: signer.address, pubkey: signer.pubkey, signature: sig, data: "x" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects another account's key presented for this address", async () => {
    const [one, two] = await Promise.all([adr36Signer(TENANT1.mnemonic), adr36Signer(OTHER_MNEMONIC)]);
    const sig = fromBase64((await two.sign("x")).signature);
    expect(await verifyAdr36({ address: one.address, pubkey: two.pubkey, signature: sig, data: "x" })).toEqual({ ok: false, reason: "address_mismatch" });
  });

  it("rejects malformed keys and signatures before any curve maths", async () => {
    const signer = await adr36Signer(TENANT1.mnemonic);
    const sig = fromBase64((await signer.sign("x")).signature);
    expect(await verifyAdr36({ address: signer.address, pubkey: signer.pubkey.slice(1), signature: sig, data: "x" })).toMatchObject({ reason: "malformed_pubkey" });
    expect(await verifyAdr36({ address: signer.address, pubkey: signer.pubkey, signature: sig.slice(1), data: "x" })).toMatchObject({ reason: "malformed_signature" });
  });
});
