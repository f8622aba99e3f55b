import { describe, expect, it } from "vitest";
import { cloudCosts, workloadOfGroup } from "@/lib/market/cloud-compare";
import { normalizeBidPrice } from "@/lib/market/price";
import { savingSoFar } from "@/lib/market/saving-so-far";
import { checkSdl, type GroupView } from "@/lib/sdl/check";
import { DEFAULT_SDL } from "@/lib/sdl-default";

const BLOCK_S = 6.117;
const MONTH_BLOCKS = (30.437 * 86_400) / BLOCK_S;
const groupsOf = async (sdl: string): Promise<GroupView[]> => (await checkSdl(sdl)).groups!;

describe("saving so far", () => {
  it("is the cloud's cost of the same resources since the lease began, less the lease's, over the same blocks", async () => {
    const groups = await groupsOf(DEFAULT_SDL);
    const price = { denom: "uact", amount: "5.000000000000000000" };
    const lease = { gseq: 1, provider: "akash1provider", price, createdAt: "1000" };
    const ctx = { height: 1000 + Math.round(MONTH_BLOCKS / 2), averageBlockTimeSeconds: BLOCK_S, aktUsd: null };
    const [aws, gcp, azure] = savingSoFar([lease], groups, () => [], ctx);
    const months = (Math.round(MONTH_BLOCKS / 2) * BLOCK_S) / (30.437 * 86_400);
    const gcpMonth = cloudCosts(workloadOfGroup(groups[0]!)).find((c) => c.cloud === "gcp")!.usdPerMonth!;
    const leaseMonth = normalizeBidPrice(price, ctx).usdPerMonth!;
    expect(gcp!.usd).toBeCloseTo((gcpMonth - leaseMonth) * months, 9);
    expect(gcp!.share).toBeCloseTo((gcpMonth - leaseMonth) / gcpMonth, 9);
    // AWS has no per-vCPU figure, Azure none at all: no total rather than a partial one
    expect(aws).toEqual({ cloud: "aws", usd: null, share: null });
    expect(azure!.usd).toBeNull();
  });

  it("sums the leases of every group, and has no total when one lease cannot be priced in USD", async () => {
    const groups = await groupsOf(DEFAULT_SDL);
    const ctx = { height: 2000, averageBlockTimeSeconds: BLOCK_S, aktUsd: null };
    const act = { gseq: 1, provider: "p", price: { denom: "uact", amount: "5" }, createdAt: "1000" };
    const one = savingSoFar([act], groups, () => [], ctx)[1]!.usd!;
    expect(savingSoFar([act, act], groups, () => [], ctx)[1]!.usd).toBeCloseTo(2 * one, 9);
    const akt = { ...act, price: { denom: "uakt", amount: "5" } };
    expect(savingSoFar([act, akt], groups, () => [], ctx)[1]!.usd).toBeNull();
    expect(savingSoFar([act, akt], groups, () => [], { ...ctx, aktUsd: 2 })[1]!.usd).not.toBeNull();
    expect(savingSoFar([], groups, () => [], ctx)[1]!.usd).toBeNull();
  });
});
