import { describe, expect, it } from "vitest";
import { TENANT1 } from "../../devnet/accounts";
import { adr36Signer } from "@/test/support/signer";
import { verifyAdr36 } from "@/lib/auth/adr36";
import { fromBase64 } from "@cosmjs/encoding";
import { notSignedInError, signInWithWallet } from "@/lib/wallet/sign-in";

describe("signInWithWallet", () => {
  it("sends the server only the address, the public key and a signature of its message", async () => {
    const signer = await adr36Signer(TENANT1.mnemonic);
    const sent: unknown[] = [];
    const address = await signInWithWallet(
      { kind: "keplr", address: signer.address, signArbitrary: (data) => signer.sign(data) },
      {
        nonce: async () => ({ nonce: "n".repeat(32), message: "Sign in, nonce nnnn" }),
        verify: async (body) => {
          sent.push(body);
          const ok = await verifyAdr36({ address: body.address, pubkey: fromBase64(body.pubkey), signature: fromBase64(body.signature), data: "Sign in, nonce nnnn" });
          expect(ok).toEqual({ ok: true });
          return { address: body.address };
        },
      },
    );
    expect(address).toBe(signer.address);
    expect(Object.keys(sent[0] as object).sort()).toEqual(["address", "nonce", "pubkey", "signature"]);
  });

  it("reports a rejected signature as the wallet's rejection, and notes that the wallet stays connected", async () => {
    const attempt = signInWithWallet(
      { kind: "leap", address: "akash1x", signArbitrary: () => Promise.reject(new Error("Request rejected")) },
      { nonce: async () => ({ nonce: "n".repeat(32), message: "m" }), verify: () => Promise.reject(new Error("not reached")) },
    );
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "wallet.rejected", message: "You rejected the request in Leap. Nothing was signed." });
    expect(notSignedInError(error, "leap").message).toMatch(/^You rejected the request in Leap\. Nothing was signed\. Leap is still connected, but you are not signed in/);
  });
});
