import { describe, expect, it } from "vitest";

import { checkSdl } from "@/lib/sdl/check";
import { AVERAGE_BLOCK_TIME_SECONDS, BLOCKS_PER_MONTH, DAYS_PER_MONTH, estimateCost } from "@/lib/sdl/price";
import type { SDLInput } from "@akashnetwork/chain-sdk";

function sdl(pricing: Record<string, Record<string, { denom: string; amount: number }>>, deployment: Record<string, Record<string, { profile: string; count: number }>>): SDLInput {
  return { version: "2.0", services: {}, profiles: { compute: {}, placement: Object.fromEntries(Object.entries(pricing).map(([k, v]) => [k, { pricing: v }])) }, deployment } as unknown as SDLInput;
}

describe("estimateCost", () => {
  it("scales with the network's block time", () => {
    const input = sdl({ dc: { web: { denom: "uact", amount: 100 } } }, { web: { dc: { profile: "web", count: 1 } } });
    const mainnet = estimateCost(input)!;
    const oneSecondBlocks = estimateCost(input, 1)!;
    expect(oneSecondBlocks.perMonth / mainnet.perMonth).toBeCloseTo(AVERAGE_BLOCK_TIME_SECONDS, 3);
    expect(oneSecondBlocks.usdPerMonth).toBeCloseTo((100 * DAYS_PER_MONTH * 86_400) / 1e6, 2);
  });

  it("converts per-block prices with the average block time", () => {
    expect(BLOCKS_PER_MONTH).toBeCloseTo((DAYS_PER_MONTH * 86_400) / AVERAGE_BLOCK_TIME_SECONDS, 6);
    const e = estimateCost(sdl({ dc: { web: { denom: "uact", amount: 100 } } }, { web: { dc: { profile: "web", count: 3 } } }))!;
    expect(e.denom).toBe("uact");
    expect(e.perBlock).toBe("300");
    expect(e.perMonth).toBeCloseTo(300 * BLOCKS_PER_MONTH, 3);
    expect(e.usdPerMonth).toBeCloseTo((300 * BLOCKS_PER_MONTH) / 1_000_000, 2);
    expect(e.groups).toEqual([{ name: "dc", perMonth: e.perMonth, denom: "uact" }]);
  });

  it("has no USD figure for uakt", () => {
    const e = estimateCost(sdl({ dc: { web: { denom: "uakt", amount: 1000 } } }, { web: { dc: { profile: "web", count: 1 } } }))!;
    expect(e.usdPerMonth).toBeNull();
    expect(e.note).toBe("AKT price unknown");
  });

  it("reports per group when denoms are mixed", () => {
    const e = estimateCost(
      sdl({ a: { web: { denom: "uakt", amount: 10 } }, b: { db: { denom: "uact", amount: 20 } } }, { web: { a: { profile: "web", count: 1 } }, db: { b: { profile: "db", count: 2 } } }),
    )!;
    expect(e.usdPerMonth).toBeNull();
    expect(e.note).toMatch(/different denoms/);
    expect(e.groups.map((g) => [g.name, g.denom])).toEqual([["a", "uakt"], ["b", "uact"]]);
    expect(e.groups[1]!.perMonth).toBeCloseTo(40 * BLOCKS_PER_MONTH, 3);
  });

  it("is part of checkSdl's result for a valid SDL", async () => {
    const text = `version: "2.0"
services:
  web:
    image: nginx
    expose:
      - port: 80
        to:
          - global: true
profiles:
  compute:
    web:
      resources: {cpu: {units: 1}, memory: {size: 1Gi}, storage: {size: 1Gi}}
  placement:
    dc:
      pricing:
        web: {denom: uact, amount: 1000}
deployment:
  web:
    dc: {profile: web, count: 1}
`;
    const result = await checkSdl(text);
    expect(result.valid).toBe(true);
    expect(result.estimate!.usdPerMonth).toBeCloseTo((1000 * BLOCKS_PER_MONTH) / 1e6, 2);
  });
});
