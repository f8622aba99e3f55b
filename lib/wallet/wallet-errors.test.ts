import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { mapWalletError, walletMissing } from "@/lib/wallet/wallet-errors";

describe("mapWalletError", () => {
  it("names the wallet when the tenant rejected the request", () => {
    const err = mapWalletError(new Error("Request rejected"), "keplr");
    expect(err.code).toBe("wallet.rejected");
    expect(err.message).toBe("You rejected the request in Keplr. Nothing was signed.");
  });

  it("reports an error the console does not recognise as wallet.unknown with the wallet's own text", () => {
    const err = mapWalletError(new Error("Keyring is locked"), "leap");
    expect(err.code).toBe("wallet.unknown");
    expect(err.message).toBe("Leap reported an error: Keyring is locked");
  });

  it("passes a chain failure through unchanged", () => {
    const err = mapWalletError(new Error("rpc error: code = Unknown desc = tx already exists in cache"), "keplr");
    expect(err.code).toBe("chain.tx_in_mempool");
  });

  it("keeps an AppError that is not the wallet's", () => {
    const own = new AppError("chain.insufficient_funds", "Top up the account.");
    expect(mapWalletError(own, "keplr")).toBe(own);
  });
});

describe("walletMissing", () => {
  it("carries the install link the error message offers", () => {
    const err = walletMissing("keplr");
    expect(err.code).toBe("wallet.missing");
    expect(err.details).toMatchObject({ installUrl: expect.stringMatching(/^https:\/\//), wallet: "keplr" });
    expect(err.message).toContain(String(err.details?.installUrl));
  });
});
