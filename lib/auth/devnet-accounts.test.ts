import { describe, expect, it } from "vitest";
import * as devnet from "../../devnet/accounts";
import { DEVNET_ACCOUNT_ADDRESSES } from "@/lib/auth/devnet-accounts";

describe("DEVNET_ACCOUNT_ADDRESSES", () => {
  it("lists every account of devnet/accounts.ts, and nothing else", () => {
    const exported = Object.values(devnet).flatMap((v) => (Array.isArray(v) ? v : [v]));
    const addresses = new Set(
      exported.filter((a): a is devnet.DevnetAccount => typeof a === "object" && a !== null && "address" in a && "mnemonic" in a).map((a) => a.address),
    );
    expect([...DEVNET_ACCOUNT_ADDRESSES].sort()).toEqual([...addresses].sort());
  });
});
