import { describe, expect, it } from "vitest";
import { corpusDeployment } from "@/test/support/corpus";
import { gpuCountOfGroup, normalizeBidPrice, rankByPrice } from "@/lib/market/price";
import { resolveNetwork } from "@/lib/networks";

const MAINNET = resolveNetwork("akashnet-2"); // 6.117 s per block

describe("normalizeBidPrice", () => {
  it("turns an AKT DecCoin per block into exact per-month AKT and, with a price, USD", () => {
    const p = normalizeBidPrice({ denom: "uakt", amount: "1234.567890000000000000" }, { averageBlockTimeSeconds: MAINNET.averageBlockTimeSeconds, aktUsd: 2.5 });
    expect(p.symbol).toBe("AKT");
    expect(p.perBlock).toBe("1234.56789");
    expect(p.perBlockDisplay).toBe("0.00123456789");
    // 1234.56789 uakt x (30.437 d x 86400 s / 6.117 s) blocks, rounded half up at 18 decimals
    expect(p.perMonth).toBe("530.752542715244727808");
    expect(p.usd).toBe("converted");
    expect(p.usdPerMonth).toBeCloseTo(1326.8813567881, 9);
    expect(p.perGpuHour).toBeNull();
    expect(p.usdPerGpuHour).toBeNull();
  });

  it("keeps the USD figure unknown, not zero, when the AKT price is unknown", () => {
    const p = normalizeBidPrice({ denom: "uakt", amount: "1234.567890000000000000" }, { averageBlockTimeSeconds: 6.117, aktUsd: null });
    expect(p.usd).toBe("unknown");
    expect(p.usdPerMonth).toBeNull();
    expect(p.perMonth).toBe("530.752542715244727808");
  });

  it("prices ACT at exactly one dollar and splits GPU bids per GPU-hour", () => {
    const p = normalizeBidPrice({ denom: "uact", amount: "95.123456789012345678" }, { averageBlockTimeSeconds: 6.117, aktUsd: null, gpuCount: 2 });
    expect(p.usd).toBe("exact");
    expect(p.perMonth).toBe("40.894483787871731458");
    expect(p.usdPerMonth).toBe(Number("40.894483787871731458"));
    // 95.12... uact x 3600 / 6.117 blocks per hour / 2 GPUs
    expect(p.perGpuHour).toBe("0.027991208471509273");
    expect(p.usdPerGpuHour).toBeCloseTo(0.027991208471509273, 15);
  });

  it("is exact where floats are not", () => {
    const p = normalizeBidPrice({ denom: "uact", amount: "0.000000000000000001" }, { averageBlockTimeSeconds: 1, aktUsd: null });
    expect(p.perBlock).toBe("0.000000000000000001");
    expect(p.perBlockAtomics).toBe(1n);
    expect(() => normalizeBidPrice({ denom: "uact", amount: "1e-18" }, { averageBlockTimeSeconds: 1, aktUsd: null })).toThrow(/not a DecCoin/);
  });
});

describe("gpuCountOfGroup", () => {
  it("counts the GPUs of a corpus SDL's group (units x count)", async () => {
    const llama = await corpusDeployment("Llama-3.1-8B.yaml");
    expect(gpuCountOfGroup(llama.groups[0]!)).toBe(1);
  });
});

describe("rankByPrice", () => {
  const ctx = { averageBlockTimeSeconds: 6.117, aktUsd: 2.5 };
  const bids = [
    { provider: "b", price: { denom: "uakt", amount: "1500.000000000000000000" } },
    { provider: "a", price: { denom: "uakt", amount: "1000.000000000000000000" } },
    { provider: "c", price: { denom: "uakt", amount: "1000.000000000000000000" } },
  ];

  it("orders one denom exactly and states the gap to the cheapest", () => {
    const ranked = rankByPrice(bids, (b) => normalizeBidPrice(b.price, ctx));
    expect(ranked.map((r) => r.item.provider)).toEqual(["a", "c", "b"]);
    expect(ranked.map((r) => r.cheapest)).toEqual([true, true, false]);
    expect(ranked[2]!.aboveCheapest?.percent).toBe(50);
    expect(ranked[2]!.aboveCheapest?.perMonth).toBe("214.95478175576262874");
    expect(ranked[0]!.aboveCheapest?.perMonth).toBe("0");
  });

  it("compares AKT with ACT in USD, and refuses to when the AKT price is unknown", () => {
    const mixed = [...bids, { provider: "d", price: { denom: "uact", amount: "900.000000000000000000" } }];
    const ranked = rankByPrice(mixed, (b) => normalizeBidPrice(b.price, ctx));
    expect(ranked[0]!.item.provider).toBe("d"); // 0.387 ACT/month < 1000 uakt at $2.5
    expect(ranked[0]!.aboveCheapest?.perMonth).toBeNull();
    const unknown = rankByPrice(mixed, (b) => normalizeBidPrice(b.price, { ...ctx, aktUsd: null }));
    expect(unknown.every((r) => r.aboveCheapest === null && !r.cheapest)).toBe(true);
  });
});
