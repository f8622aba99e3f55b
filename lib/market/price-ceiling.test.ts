import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { createRestClient } from "@/lib/chain/rest";
import { gpusOffered } from "@/lib/market/gpu-attributes";
import { preScreen, type ScreenedProvider } from "@/lib/market/pre-screen";
import { bidAboveCeiling, groupCeiling } from "@/lib/market/price-ceiling";
import { recentBidsOf } from "@/lib/market/recent-bids";
import { decAtomics, decText, normalizeBidPrice } from "@/lib/market/price";
import { recentAsk } from "@/lib/market/recent-ask";
import { providerInfoFrom } from "@/lib/market/provider-info";
import { checkSdl, type GroupView } from "@/lib/sdl/check";
import { DEFAULT_SDL } from "@/lib/sdl-default";
import { corpusFile } from "@/test/support/corpus";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";

/**
 * The price ceiling against real bids: the devnet's providers bid on a small web deployment and a GPU one (their
 * prices from their rate cards), and the SDLs asked about are variations of those two.
 */
let fx: DevnetFixture;
let bids: ChainBid[];
let small: string;
let providers: { owner: string; attributes: { key: string; value: string }[] }[];

const groupsOf = async (sdl: string): Promise<GroupView[]> => {
  const r = await checkSdl(sdl);
  if (!r.valid || !r.groups) throw new Error(`invalid test SDL: ${JSON.stringify(r.diagnostics)}`);
  return r.groups;
};
const priced = (sdl: string, amount: string, denom = "uact") => sdl.replace(/denom: uact\n(\s+)amount: \d+/, `denom: ${denom}\n$1amount: ${amount}`);
const bidsOf = (owner: string) => bids.filter((b) => b.id.provider === owner);
const attributesOf = (owner: string) => providers.find((p) => p.owner === owner)!.attributes;
/** a provider's bids as the directory carries them (price and footprint at that provider) */
const recentOf = (owner: string, of = bidsOf(owner)) => recentBidsOf(of, attributesOf(owner), Infinity);

beforeAll(async () => {
  fx = await startDevnetFixture();
  await fx.fleet!.registered;
  providers = fx.fleet!.profiles.map((p) => ({ owner: p.account.address, attributes: p.attributes }));
  small = (await fx.deploy(DEFAULT_SDL)).dseq;
  await fx.deploy("Llama-3.1-8B.yaml");
  await fx.waitBlocks(12);
  bids = await createRestClient(fx.devnet.endpoints.rest).bidsInState("open");
});
afterAll(() => fx?.stop());

describe("the price ceiling against a provider's recent bids", () => {
  it("the same resources under what a provider asked: ruled out, citing its bid; at the usual price: not", async () => {
    const [cheap] = await groupsOf(priced(DEFAULT_SDL, "1"));
    const [usual] = await groupsOf(DEFAULT_SDL);
    const bidders = providers.filter((p) => bidsOf(p.owner).some((b) => b.id.dseq === small));
    expect(bidders.length).toBeGreaterThanOrEqual(3);
    for (const p of bidders) {
      const own = bidsOf(p.owner).find((b) => b.id.dseq === small)!;
      expect(bidAboveCeiling(cheap!, p.attributes, recentOf(p.owner))).toEqual({ ceiling: "1", bid: decText(decAtomics(own.price.amount)), denom: "uact", dseq: small });
      expect(bidAboveCeiling(usual!, p.attributes, recentOf(p.owner))).toBeNull();
    }
    // a provider that has not bid has nothing against it
    expect(bidAboveCeiling(cheap!, providers[0]!.attributes, [])).toBeNull();
  });

  it("asking for more at that price still rules it out; asking for less, or in another denom, does not", async () => {
    const p = providers.find((x) => bidsOf(x.owner).some((b) => b.id.dseq === small))!;
    const [more] = await groupsOf(priced(DEFAULT_SDL, "1").replace("units: 0.5", "units: 2").replace("size: 512Mi", "size: 2Gi"));
    const [less] = await groupsOf(priced(DEFAULT_SDL, "1").replace("units: 0.5", "units: 0.25"));
    const [akt] = await groupsOf(priced(DEFAULT_SDL, "1", "uakt"));
    expect(bidAboveCeiling(more!, p.attributes, recentOf(p.owner))?.dseq).toBe(small);
    expect(bidAboveCeiling(less!, p.attributes, recentOf(p.owner))).toBeNull();
    expect(bidAboveCeiling(akt!, p.attributes, recentOf(p.owner))).toBeNull();
  });

  it("GPUs: a bid counts for the one model its filter takes at that provider, never for another or an ambiguous one", async () => {
    const [gpu] = await groupsOf(priced(corpusFile("Llama-3.1-8B.yaml"), "1"));
    const gpuBid = bids.find((b) => b.id.dseq !== small && gpusOffered(providers.find((p) => p.owner === b.id.provider)!.attributes).size === 1)!;
    const bidder = providers.find((p) => p.owner === gpuBid.id.provider)!;
    expect(bidAboveCeiling(gpu!, bidder.attributes, recentOf(bidder.owner, [gpuBid]))?.bid).toBe(decText(decAtomics(gpuBid.price.amount)));
    // the same bid cannot speak for a CPU-only group (it took a GPU, which that group does not), nor for a provider
    // offering several models its filter takes (which GPU was priced is not known)
    const [cpuOnly] = await groupsOf(priced(DEFAULT_SDL, "1").replace("units: 0.5", "units: 64").replace("size: 512Mi", "size: 512Gi").replace("size: 1Gi", "size: 1Ti"));
    expect(bidAboveCeiling(cpuOnly!, bidder.attributes, recentOf(bidder.owner, [gpuBid]))).toBeNull();
    const twoModels = providers.find((p) => gpusOffered(p.attributes).size > 1)!;
    const anyNvidia = { ...gpuBid, id: { ...gpuBid.id, provider: twoModels.owner }, resourcesOffer: (gpuBid.resourcesOffer as { resources: { gpu: object } }[]).map((o) => ({ ...o, resources: { ...o.resources, gpu: { units: { val: "1" }, attributes: [{ key: "vendor/nvidia/model/*", value: "true" }] } } })) };
    const [anyModel] = await groupsOf(priced(corpusFile("Llama-3.1-8B.yaml"), "1").replace(/(\n\s+nvidia:)\n(\s+- model: \w+\n)+/, "$1\n"));
    expect(anyModel!.resources[0]!.resource.gpu.attributes).toEqual([{ key: "vendor/nvidia/model/*", value: "true" }]);
    expect(recentOf(twoModels.owner, [anyNvidia])[0]!.footprint!.gpus).toEqual({ "?": 1 });
    expect(bidAboveCeiling(anyModel!, twoModels.attributes, recentOf(twoModels.owner, [anyNvidia]))).toBeNull();
    expect(bidAboveCeiling(gpu!, twoModels.attributes, recentOf(twoModels.owner, [anyNvidia]))).toBeNull();
  });

  it("an offer it cannot read, or a price that is not a DecCoin, is left out rather than trusted", async () => {
    const [cheap] = await groupsOf(priced(DEFAULT_SDL, "1"));
    const own = bids.find((b) => b.id.dseq === small)!;
    const p = providers.find((x) => x.owner === own.id.provider)!;
    expect(bidAboveCeiling(cheap!, p.attributes, recentOf(p.owner, [own]))).not.toBeNull();
    const unreadable = recentOf(p.owner, [
      { ...own, resourcesOffer: [{ resources: { cpu: { units: { val: "1" } } }, count: "x" }] },
      { ...own, resourcesOffer: null as never },
    ]);
    expect(unreadable.map((b) => b.footprint)).toEqual([null, null]);
    expect(bidAboveCeiling(cheap!, p.attributes, unreadable)).toBeNull();
    const [read] = recentOf(p.owner, [own]);
    expect(bidAboveCeiling(cheap!, p.attributes, [{ ...read!, price: { denom: "uact", amount: "lots" } }])).toBeNull();
  });

  it("the ceiling is the group's sum of price x count, exact; none for a group mixing denoms", async () => {
    const [g] = await groupsOf(priced(DEFAULT_SDL, "2.5").replace("count: 1", "count: 3"));
    expect(groupCeiling(g!)).toEqual({ denom: "uact", atomics: decAtomics("7.5") });
    expect(groupCeiling({ ...g!, resources: [g!.resources[0]!, { ...g!.resources[0]!, price: { denom: "uakt", amount: "1" } }] })).toBeNull();
  });

  it("in the pre-screen: everyone who asked more is ruled out for the price, and the price is what to relax", async () => {
    const screened: ScreenedProvider[] = fx.fleet!.profiles.map((p) => ({
      ...providerInfoFrom({ owner: p.account.address, hostUri: `https://${p.account.name}.example.com:8443`, attributes: p.attributes, auditors: [] }),
      recentBids: recentOf(p.account.address),
    }));
    const bidders = screened.filter((p) => p.recentBids!.some((b) => b.dseq === small));
    const usual = preScreen(await groupsOf(DEFAULT_SDL), screened);
    expect(usual.canRun).toHaveLength(6);
    const cheap = preScreen(await groupsOf(priced(DEFAULT_SDL, "1")), bidders);
    expect(cheap.canRun).toEqual([]);
    expect(cheap.ruledOut.map((o) => o.kind)).toEqual(bidders.map(() => "price"));
    const lowest = bidders.map((p) => decAtomics(p.recentBids!.find((b) => b.dseq === small)!.price.amount)).reduce((a, b) => (b < a ? b : a));
    expect(cheap.relax).toMatchObject({ requirement: "the price", matching: 0 });
    expect(cheap.relax!.message).toContain(`ceiling of 1 uact per block`);
    expect(cheap.relax!.message).toContain(`bid ${decText(lowest)} uact in deployment ${small}`);
  });

  it("the going rate: the median of the providers' recent bids for exactly these resources, none for other resources", async () => {
    const screened = fx.fleet!.profiles.map((p) => ({
      ...providerInfoFrom({ owner: p.account.address, hostUri: `https://${p.account.name}.example.com:8443`, attributes: p.attributes, auditors: [] }),
      recentBids: recentOf(p.account.address),
    }));
    const ctx = { averageBlockTimeSeconds: 6.117, aktUsd: null };
    const usd = bids.filter((b) => b.id.dseq === small).map((b) => normalizeBidPrice(b.price, ctx).usdPerMonth!).sort((a, b) => a - b);
    const mid = Math.floor(usd.length / 2);
    const median = usd.length % 2 ? usd[mid]! : (usd[mid - 1]! + usd[mid]!) / 2;
    // the same resources at another price ceiling are the same resources
    const ask = recentAsk(await groupsOf(priced(DEFAULT_SDL, "1")), screened, ctx);
    expect(ask).toEqual({ usdPerMonth: median, bids: usd.length });
    expect(recentAsk(await groupsOf(DEFAULT_SDL.replace("units: 0.5", "units: 2")), screened, ctx)).toBeNull();
    // in AKT without a rate, a bid has no dollar figure: left out
    expect(recentAsk(await groupsOf(DEFAULT_SDL), screened.map((p) => ({ ...p, recentBids: p.recentBids.map((b) => ({ ...b, price: { ...b.price, denom: "uakt" } })) })), ctx)).toBeNull();
  });
});
