import { afterEach, describe, expect, it } from "vitest";
import { AUDITOR1, PROVIDER_ACCOUNTS, TENANT1 } from "../accounts";
import { bidAt, decide, parseGroupSpec, priceFor } from "./bidding";
import { corpusSdl } from "../../test/support/corpus";
import { manifestOf } from "../../test/support/tenant";
import { sleep, waitFor } from "../../test/support/wait";
import { FakeChain } from "../test/support/fake-chain";
import { buildProfiles, assignBehaviours } from "./profiles";
import { startProviders, type SimulatedFleet } from "./start";

/** parsed SDL YAML, tweaked freely by the tests */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;

const profiles = buildProfiles(1, PROVIDER_ACCOUNTS, false);
const byName = (n: string) => profiles.find((p) => p.account.name === n)!;
const audits = (name: string) => (byName(name).auditedAttributes.length ? [{ auditor: AUDITOR1.address, attributes: byName(name).auditedAttributes }] : []);
const bidders = (spec: unknown) =>
  profiles.filter((p) => decide(p, parseGroupSpec(spec), audits(p.account.name)).bid).map((p) => p.account.name);

/** A corpus SDL, tweaked, turned into its chain-sdk group spec. */
async function specOf(file: string, tweak?: (sdl: Yaml) => void) {
  const sdl = corpusSdl(file) as Yaml;
  tweak?.(sdl);
  return (await manifestOf(sdl)).groupSpecs[0]!;
}

describe("bid decisions", () => {
  it("GPU model, persistent storage class and capacity: Llama-3.1-8B (h100|a100|rtxa6000, beta3) goes to h100/a100 providers with beta3", async () => {
    const spec = await specOf("Llama-3.1-8B.yaml");
    expect(bidders(spec)).toEqual(["provider1", "provider2", "provider5"]);
  });
  it("a GPU model nobody has gets no bidder; rtx4090 without persistent storage goes to rtx4090 providers", async () => {
    const nobody = await specOf("Llama-3.1-8B.yaml", (s) => {
      s.profiles.compute.vllm.resources.gpu.attributes.vendor.nvidia = [{ model: "v100" }];
    });
    expect(bidders(nobody)).toEqual([]);
    const rtx = await specOf("Llama-3.1-8B.yaml", (s) => {
      const r = s.profiles.compute.vllm.resources;
      r.gpu.attributes.vendor.nvidia = [{ model: "rtx4090" }];
      r.storage = [{ size: "50Gi" }];
      delete s.services.vllm.params;
    });
    expect(bidders(rtx)).toEqual(["provider3", "provider5"]);
  });
  it("persistent storage class it lacks", async () => {
    const beta2 = await specOf("metabase.yaml", (s) => {
      s.profiles.compute.postgres.resources.storage = [{ size: "2Gi" }, { name: "data", size: "10Gi", attributes: { persistent: true, class: "beta2" } }];
      s.services.postgres.params = { storage: { data: { mount: "/var/lib/postgresql/data" } } };
    });
    const names = bidders(beta2);
    expect(names).toContain("provider1");
    expect(names).toContain("provider4");
    expect(names).not.toContain("provider2");
    expect(names).not.toContain("provider3");
  });
  it("placement attributes and signedBy", async () => {
    const eu = await specOf("react.yaml", (s) => {
      for (const pl of Object.values(s.profiles.placement) as Yaml[]) pl.attributes = { region: "eu-central" };
    });
    expect(bidders(eu)).toEqual(["provider2"]);
    const audited = await specOf("react.yaml", (s) => {
      for (const pl of Object.values(s.profiles.placement) as Yaml[]) {
        pl.attributes = { host: "akash" };
        pl.signedBy = { anyOf: [AUDITOR1.address] };
      }
    });
    expect(bidders(audited)).toEqual(["provider1", "provider2", "provider4"]);
    const mainnetAuditor = await specOf("react.yaml", (s) => {
      for (const pl of Object.values(s.profiles.placement) as Yaml[]) pl.signedBy = { anyOf: ["akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63"] };
    });
    expect(bidders(mainnetAuditor)).toEqual([]);
  });
  it("more resources than the inventory", async () => {
    const huge = await specOf("react.yaml", (s) => {
      for (const p of Object.values(s.profiles.compute) as Yaml[]) p.resources.cpu.units = 200;
    });
    expect(bidders(huge)).toEqual([]);
    const many = await specOf("react.yaml", (s) => {
      for (const d of Object.values(s.deployment) as Yaml[]) for (const pl of Object.values(d) as Yaml[]) pl.count = 2000;
    });
    expect(bidders(many)).toEqual([]);
    expect(bidders(await specOf("react.yaml"))).toHaveLength(6);
  });
  it("prices depend on resources and provider, are below the max, and are deterministic with the seed", async () => {
    const small = parseGroupSpec(await specOf("react.yaml"));
    const big = parseGroupSpec(
      await specOf("react.yaml", (s) => {
        for (const p of Object.values(s.profiles.compute) as Yaml[]) p.resources.cpu.units = 8;
      }),
    );
    const p1 = byName("provider1");
    const p4 = byName("provider4");
    expect(priceFor(p1, big, 3, "o")).toBeGreaterThan(priceFor(p1, small, 3, "o"));
    expect(priceFor(p1, small, 3, "o")).not.toBe(priceFor(p4, small, 3, "o"));
    expect(priceFor(p1, small, 3, "o")).toBe(priceFor(p1, small, 3, "o"));
    expect(priceFor(p1, small, 3, "o")).not.toBe(priceFor(p1, small, 4, "o"));
    for (const p of profiles) expect(priceFor(p, big, 3, "o")).toBeLessThan(big.maxPrice);
    const gpu = parseGroupSpec(await specOf("Llama-3.1-8B.yaml"));
    expect(priceFor(p1, gpu, 3, "o")).toBeLessThan(gpu.maxPrice);
  });
  it("does not bid above the order's maximum price, as the provider's bid engine refuses (\"Price too high\")", async () => {
    const need = parseGroupSpec(await specOf("react.yaml"));
    const p1 = byName("provider1");
    const price = priceFor(p1, need, 3, "o");
    expect(bidAt(p1, need, 3, "o")).toEqual({ bid: true, price });
    const tight = { ...need, maxPrice: price * 0.99 };
    expect(bidAt(p1, tight, 3, "o")).toMatchObject({ bid: false, reason: expect.stringMatching(/^price too high/) });
    expect(bidAt(p1, { ...need, maxPrice: price }, 3, "o")).toEqual({ bid: true, price });
  });
  it("behaviours are dealt deterministically by the seed (one late, one silent, one dropping streams)", () => {
    const a = assignBehaviours(6, 11);
    expect(assignBehaviours(6, 11)).toEqual(a);
    expect(a.filter((b) => b === "late-bids")).toHaveLength(1);
    expect(a.filter((b) => b === "no-bids")).toHaveLength(1);
    expect(a.filter((b) => b === "drop-streams")).toHaveLength(1);
    expect(a.slice(0, 2)).toEqual(["normal", "normal"]);
    const seeds = new Set(Array.from({ length: 20 }, (_, s) => assignBehaviours(6, s).join()));
    expect(seeds.size).toBeGreaterThan(1);
  });
});

describe("bidding on chain", () => {
  let fleet: SimulatedFleet | undefined;
  afterEach(async () => {
    await fleet?.stop();
    fleet = undefined;
  });

  async function run(seed: number, extra: Partial<Parameters<typeof startProviders>[1]> = {}) {
    const chain = new FakeChain();
    fleet = await startProviders(chain, { basePort: 0, host: "127.0.0.1", seed, ...extra });
    await fleet.registered;
    const spec = await specOf("react.yaml");
    chain.openOrder({ owner: TENANT1.address, dseq: 50n, gseq: 1, oseq: 1 }, spec);
    return { chain, fleet, spec };
  }

  it("bids within a few blocks with MsgCreateBid v1beta5, price in the order's denom below the max", async () => {
    const { chain, fleet: f } = await run(5, { behaviours: false });
    for (let i = 0; i < 5; i++) chain.commit();
    await waitFor(() => chain.messages("/akash.market.v1beta5.MsgCreateBid").length === 6);
    const bidsMsgs = chain.messages<{ id: { owner: string; provider: string; dseq: { toString(): string } }; price: { denom: string; amount: string }; deposit: { amount: { denom: string } } }>(
      "/akash.market.v1beta5.MsgCreateBid",
    );
    const max = parseGroupSpec((await specOf("react.yaml"))).maxPrice;
    for (const b of bidsMsgs) {
      expect(b.signer).toBe(b.value.id.provider);
      expect(b.value.id.owner).toBe(TENANT1.address);
      expect(b.value.id.dseq.toString()).toBe("50");
      expect(b.value.price.denom).toBe("uact");
      expect(b.value.price.amount).toMatch(/^\d+\.\d{18}$/);
      expect(Number(b.value.price.amount)).toBeLessThan(max);
      expect(b.height).toBeLessThanOrEqual(5);
    }
    expect(f.bids.every((b) => b.code === 0)).toBe(true);
  });

  it("same seed, same prices; the late bidder waits, the silent one never bids", async () => {
    const a = await run(9, { lateBidDelayMs: 700 });
    const late = a.fleet.profiles.find((p) => p.behaviour === "late-bids")!.account.address;
    const silent = a.fleet.profiles.find((p) => p.behaviour === "no-bids")!.account.address;
    for (let i = 0; i < 4; i++) a.chain.commit();
    await sleep(50);
    const early = a.chain.messages<{ id: { provider: string }; price: { amount: string } }>("/akash.market.v1beta5.MsgCreateBid");
    expect(early.map((b) => b.value.id.provider)).not.toContain(late);
    expect(early).toHaveLength(4);
    await waitFor(() => a.chain.messages("/akash.market.v1beta5.MsgCreateBid").length === 5, 3000);
    const all = a.chain.messages<{ id: { provider: string }; price: { amount: string } }>("/akash.market.v1beta5.MsgCreateBid");
    expect(all.map((b) => b.value.id.provider)).toContain(late);
    expect(all.map((b) => b.value.id.provider)).not.toContain(silent);
    const pricesA = Object.fromEntries(all.map((b) => [b.value.id.provider, b.value.price.amount]));
    await fleet!.stop();
    const b = await run(9, { lateBidDelayMs: 50 });
    for (let i = 0; i < 4; i++) b.chain.commit();
    await waitFor(() => b.chain.messages("/akash.market.v1beta5.MsgCreateBid").length === 5, 3000);
    const pricesB = Object.fromEntries(
      b.chain.messages<{ id: { provider: string }; price: { amount: string } }>("/akash.market.v1beta5.MsgCreateBid").map((x) => [x.value.id.provider, x.value.price.amount]),
    );
    expect(pricesB).toEqual(pricesA);
  });

  it("no-bids fault silences a provider; a closed order gets no bid", async () => {
    const { chain, fleet: f } = await run(5, { behaviours: false });
    const p1 = PROVIDER_ACCOUNTS[0]!.address;
    await f.setFault(p1, "no-bids");
    for (let i = 0; i < 4; i++) chain.commit();
    await sleep(50);
    const providers = chain.messages<{ id: { provider: string } }>("/akash.market.v1beta5.MsgCreateBid").map((b) => b.value.id.provider);
    expect(providers).not.toContain(p1);
    expect(providers).toHaveLength(5);
    const spec = await specOf("react.yaml");
    chain.openOrder({ owner: TENANT1.address, dseq: 51n, gseq: 1, oseq: 1 }, spec);
    chain.commit();
    chain.orders.get(`${TENANT1.address}/51/1/1`)!.state = "closed";
    for (let i = 0; i < 4; i++) chain.commit();
    await sleep(50);
    expect(chain.messages<{ id: { dseq: { toString(): string } } }>("/akash.market.v1beta5.MsgCreateBid").filter((b) => b.value.id.dseq.toString() === "51")).toHaveLength(0);
  });
});
