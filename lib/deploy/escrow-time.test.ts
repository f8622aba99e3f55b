import { describe, expect, it } from "vitest";
import { escrowTimeLeft } from "@/lib/deploy/escrow-time";

const base = { settledAt: "100", averageBlockTimeSeconds: 6 };

describe("escrowTimeLeft", () => {
  it("divides the balance now by the leases' rate, on exact 18-decimal amounts", () => {
    // 5 ACT deposited, settled at height 100; one lease at 0.25 uact per block... read at height 100
    const t = escrowTimeLeft({ ...base, funds: [{ denom: "uact", amount: "5000000.000000000000000000" }], leasePrices: [{ denom: "uact", amount: "0.250000000000000000" }], height: 100 });
    expect(t).toMatchObject({ denom: "uact", balance: "5000000", perBlock: "0.25", blocks: 20_000_000, seconds: 120_000_000, level: "ok" });
  });

  it("subtracts what the leases drew since the last settlement", () => {
    const t = escrowTimeLeft({ ...base, funds: [{ denom: "uakt", amount: "1000" }], leasePrices: [{ denom: "uakt", amount: "0.1" }, { denom: "uakt", amount: "0.15" }], height: 1100 });
    // 1000 - 0.25 x 1000 = 750 left, 3000 blocks of 6 s = 5 hours: a warning
    expect(t).toMatchObject({ balance: "750", blocks: 3000, seconds: 18_000, level: "warning" });
  });

  it("is critical under an hour and never negative", () => {
    expect(escrowTimeLeft({ ...base, funds: [{ denom: "uakt", amount: "100" }], leasePrices: [{ denom: "uakt", amount: "1" }], height: 150 })).toMatchObject({ blocks: 50, level: "critical" });
    expect(escrowTimeLeft({ ...base, funds: [{ denom: "uakt", amount: "100" }], leasePrices: [{ denom: "uakt", amount: "1" }], height: 900 })).toMatchObject({ balance: "0", blocks: 0, seconds: 0, level: "critical" });
  });

  it("says nothing draws on an escrow without an active lease", () => {
    expect(escrowTimeLeft({ ...base, funds: [{ denom: "uact", amount: "5" }], leasePrices: [], height: 500 })).toMatchObject({ balance: "5", blocks: null, level: "none" });
    expect(escrowTimeLeft({ ...base, funds: [], leasePrices: [], height: 500 })).toBeNull();
  });
});
