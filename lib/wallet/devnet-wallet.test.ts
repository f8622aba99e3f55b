import { fromBase64 } from "@cosmjs/encoding";
import { describe, expect, it } from "vitest";
import { verifyAdr36 } from "@/lib/auth/adr36";
import { AppError } from "@/lib/errors/app-error";
import { resolveNetwork } from "@/lib/networks";
import { DevnetTestWallet } from "@/lib/wallet/devnet-wallet";
import { TENANT1 } from "../../devnet/accounts";

describe("DevnetTestWallet", () => {
  it.each(["sandbox-2", "akashnet-2"] as const)("cannot be created on %s", (id) => {
    const attempt = () => new DevnetTestWallet(resolveNetwork(id));
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/exists only on the local devnet/);
  });

  it("is tenant1 on the devnet and signs a sign-in message the server accepts", async () => {
    const wallet = new DevnetTestWallet(resolveNetwork("devnet"));
    const key = await wallet.connect();
    expect(key.bech32Address).toBe(TENANT1.address);
    expect(key.isNanoLedger).toBe(false);
    const sig = await wallet.signArbitrary(key.bech32Address, "Nonce: abc");
    const result = await verifyAdr36({ address: key.bech32Address, pubkey: fromBase64(sig.pub_key.value), signature: fromBase64(sig.signature), data: "Nonce: abc" });
    expect(result).toEqual({ ok: true });
    const [account] = await (await wallet.getOfflineSigner()).getAccounts();
    expect(account?.address).toBe(key.bech32Address);
  });
});
