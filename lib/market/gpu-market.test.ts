import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { recentBidsOf } from "@/lib/market/recent-bids";
import { createRestClient } from "@/lib/chain/rest";
import { gpusOffered } from "@/lib/market/gpu-attributes";
import { gpuMarket, gpusOfBid, type GpuProvider } from "@/lib/market/gpu-market";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";
import { inventoryOfProfile } from "@/test/support/provider-inventory";

let fx: DevnetFixture;
let providers: GpuProvider[];
let bids: ChainBid[];
const BLOCK_S = 6.117;

beforeAll(async () => {
  fx = await startDevnetFixture();
  await fx.fleet!.registered;
  providers = fx.fleet!.profiles.map((p) => ({ owner: p.account.address, attributes: p.attributes, online: p.index !== 1, inventory: p.index === 0 ? null : inventoryOfProfile(p) }));
  // a GPU deployment (H100, A100 or RTX A6000, one GPU) and a CPU one: the real bids the market reads
  await fx.deploy("Llama-3.1-8B.yaml");
  await fx.deploy("gitea.yaml");
  await fx.waitBlocks(12);
  bids = await createRestClient(fx.devnet.endpoints.rest).bidsInState("open");
});
afterAll(() => fx?.stop());

/** the providers as the directory gives them, with these bids as their recent ones (price and footprint at each) */
const withBids = (list: readonly ChainBid[]): GpuProvider[] =>
  providers.map((p) => ({ ...p, recentBids: recentBidsOf(list.filter((b) => b.id.provider === p.owner), p.attributes, Infinity) }));

describe("gpuMarket on the devnet's providers and their recent bids", () => {
  it("lists each GPU model the providers advertise, with memory, interface and how many offer it (online)", () => {
    const rows = gpuMarket(providers, { averageBlockTimeSeconds: BLOCK_S, aktUsd: null });
    expect(rows.map((r) => r.key)).toEqual(["nvidia/a100", "nvidia/h100", "nvidia/rtx4090"]);
    const h100 = rows.find((r) => r.key === "nvidia/h100")!;
    expect(h100).toMatchObject({ vendor: "nvidia", model: "h100", memory: ["80Gi"], interfaces: ["sxm"], bids: 0, minUsdPerGpuHour: null });
    expect(h100.providers).toBe(providers.filter((p) => gpusOffered(p.attributes).has("nvidia/h100")).length);
    // free now: the H100s of the providers that reported capacity (the first provider reported none)
    const reported = fx.fleet!.profiles.filter((p) => p.index !== 0);
    const h100Free = reported.flatMap((p) => p.nodes).reduce((n, node) => n + (node.gpu?.model === "h100" ? node.gpu.count : 0), 0);
    expect(h100.availableNow).toBe(h100Free);
    expect(gpuMarket(providers.map((p) => ({ ...p, inventory: null })), { averageBlockTimeSeconds: BLOCK_S, aktUsd: null })[0]!.availableNow).toBeNull();
  });

  it("prices a GPU-hour from each bid whose GPUs are of one model at its provider: per block x blocks per hour / GPUs, exact to the DecCoin", () => {
    const market = withBids(bids);
    const gpuBids = market.flatMap((p) => (p.recentBids ?? []).map((b) => ({ bid: b, gpus: gpusOfBid(b), provider: p })).filter((x) => x.gpus !== null));
    expect(gpuBids.length).toBeGreaterThan(1);
    const rows = gpuMarket(market, { averageBlockTimeSeconds: BLOCK_S, aktUsd: null });
    const h100 = rows.find((r) => r.key === "nvidia/h100")!;
    const h100Bids = gpuBids.filter((x) => gpusOffered(x.provider.attributes).has("nvidia/h100"));
    expect(h100Bids.every((x) => x.gpus!.model === "nvidia/h100")).toBe(true);
    expect(h100.bids).toBe(h100Bids.length);
    expect(h100.bids).toBeGreaterThan(0);
    // uact is ACT, one US dollar: amount (uact per block, 18 decimals) x 3600 / 6.117 blocks per hour / 1e6 per GPU
    const perHour = h100Bids.map((x) => (Number(x.bid.price.amount) * (3600 / BLOCK_S)) / 1e6 / x.gpus!.count).sort((a, b) => a - b);
    expect(h100.minUsdPerGpuHour).toBeCloseTo(perHour[0]!, 6);
    expect(h100.medianUsdPerGpuHour).toBeGreaterThanOrEqual(h100.minUsdPerGpuHour!);
    // the RTX 4090 is not among the models the SDL takes: no bid lends it a price; the CPU-only bids lend none either
    expect(rows.find((r) => r.key === "nvidia/rtx4090")).toMatchObject({ bids: 0, minUsdPerGpuHour: null });
    expect(rows.reduce((n, r) => n + r.bids, 0)).toBe(gpuBids.length);
    expect(market.flatMap((p) => p.recentBids ?? []).length).toBeGreaterThan(gpuBids.length);
  });

  it("leaves out a bid it cannot attribute: ambiguous model, unknown model, an unreadable offer", () => {
    const gpuBid = bids.find((b) => withBids([b]).some((p) => p.recentBids!.some((r) => gpusOfBid(r) !== null)))!;
    const anyNvidia = { ...gpuBid, resourcesOffer: [{ resources: { gpu: { units: { val: "1" }, attributes: [{ key: "vendor/nvidia/model/*", value: "true" }] } }, count: 1 }] };
    const twoModels = providers.find((p) => gpusOffered(p.attributes).size > 1)!;
    const ambiguous = { ...anyNvidia, id: { ...gpuBid.id, provider: twoModels.owner } };
    const b200 = { ...anyNvidia, resourcesOffer: [{ resources: { gpu: { units: { val: "1" }, attributes: [{ key: "vendor/nvidia/model/b200", value: "true" }] } }, count: 1 }] };
    const broken = { ...gpuBid, resourcesOffer: [{ resources: { gpu: { units: { val: "lots" } } }, count: "x" }] };
    const market = withBids([ambiguous, b200, broken]);
    expect(market.flatMap((p) => p.recentBids!)).toHaveLength(3);
    const rows = gpuMarket(market, { averageBlockTimeSeconds: BLOCK_S, aktUsd: null });
    expect(rows.every((r) => r.bids === 0)).toBe(true);
    expect(withBids([broken]).flatMap((p) => p.recentBids!)[0]!.footprint).toBeNull();
    // the same bid at a provider whose one model its filter takes does count
    expect(gpuMarket(withBids([gpuBid]), { averageBlockTimeSeconds: BLOCK_S, aktUsd: null }).reduce((n, r) => n + r.bids, 0)).toBe(1);
  });

  it("converts an AKT bid at the oracle's rate, and gives no dollar figure without one", () => {
    const gpuBid = bids.find((b) => b.id.provider === providers[0]!.owner && withBids([b]).some((p) => p.recentBids!.some((r) => gpusOfBid(r) !== null)))!;
    const akt = { ...gpuBid, price: { denom: "uakt", amount: "1000.000000000000000000" } };
    const at = (aktUsd: number | null) => gpuMarket(withBids([akt]), { averageBlockTimeSeconds: BLOCK_S, aktUsd }).find((r) => r.key === "nvidia/h100")!;
    expect(at(2).minUsdPerGpuHour).toBeCloseTo(((1000 * 3600) / BLOCK_S / 1e6) * 2, 6);
    expect(at(null)).toMatchObject({ bids: 1, minUsdPerGpuHour: null });
  });
});
