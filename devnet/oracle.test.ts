/**
 * The devnet's x/oracle (akash.oracle.v1), as a client reads it: REST at chain-sdk's paths, abci_query with
 * chain-sdk's codecs, x/bme minting at that price, and the admin calls that pin, stall and clear it.
 */
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { DirectSecp256k1HdWallet, Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { GasPrice, QueryClient, SigningStargateClient, defaultRegistryTypes } from "@cosmjs/stargate";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT2 } from "./accounts";
import { seededPrice } from "./chain/modules/oracle";
import { startDevnet, type Devnet } from "./start";

let devnet: Devnet;
let client: SigningStargateClient;
const SEED = 5;

beforeAll(async () => {
  devnet = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, blockTimeMs: 100, providers: false, seed: SEED });
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TENANT2.mnemonic, { prefix: "akash" });
  const registry = new Registry([...defaultRegistryTypes, [`/${v1.MsgMintACT.$type}`, v1.MsgMintACT as unknown as GeneratedType]]);
  client = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, wallet, { registry, gasPrice: GasPrice.fromString("0.025uakt"), broadcastPollIntervalMs: 100 });
});
afterAll(async () => {
  client?.disconnect();
  await devnet?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- REST JSON, asserted field by field
const rest = async (p: string): Promise<{ status: number; body: any }> => {
  const r = await fetch(devnet.endpoints.rest + p);
  return { status: r.status, body: await r.json() };
};
const admin = async (p: string, body: unknown) => {
  const r = await fetch(devnet.endpoints.admin + p, { method: "POST", body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};
const mint = (amount: string) =>
  client.signAndBroadcast(TENANT2.address, [{ typeUrl: `/${v1.MsgMintACT.$type}`, value: v1.MsgMintACT.fromPartial({ owner: TENANT2.address, to: TENANT2.address, coinsToBurn: { denom: "uakt", amount } }) }], {
    amount: [{ denom: "uakt", amount: "20000" }],
    gas: "400000",
  });
const act = async () => BigInt((await client.getBalance(TENANT2.address, "uact")).amount);

describe("x/oracle AKT/USD on the devnet", () => {
  it("serves the aggregated price at /akash/oracle/v1/aggregated_price/akt: healthy, two sources, about $2", async () => {
    const { status, body } = await rest("/akash/oracle/v1/aggregated_price/akt");
    expect(status).toBe(200);
    const a = body.aggregated_price;
    expect(a.denom).toBe("akt");
    for (const k of ["twap", "median_price", "min_price", "max_price"]) expect(a[k]).toMatch(/^\d+\.\d{18}$/);
    expect(Number(a.twap)).toBeGreaterThan(1.8);
    expect(Number(a.twap)).toBeLessThan(2.2);
    expect(a.num_sources).toBe(2);
    expect(Number(a.deviation_bps)).toBeLessThanOrEqual(150);
    expect(Date.now() - Date.parse(a.timestamp)).toBeLessThan(5_000);
    expect(body.price_health).toMatchObject({ denom: "akt", is_healthy: true, has_min_sources: true, deviation_ok: true, total_sources: 2, total_healthy_sources: 2, failure_reason: [] });
  });

  it("knows the oracle's denom only (akt, not the chain's uakt): 404 otherwise", async () => {
    expect((await rest("/akash/oracle/v1/aggregated_price/uakt")).status).toBe(404);
  });

  it("lists the posted prices newest first, each source's price the seeded one of its height, moving from block to block", async () => {
    while (Number((await rest("/cosmos/base/tendermint/v1beta1/blocks/latest")).body.block.header.height) < 4) await new Promise((r) => setTimeout(r, 50));
    const { body } = await rest("/akash/oracle/v1/prices?filters.asset_denom=akt&filters.base_denom=usd&pagination.limit=6");
    const rows = body.prices as { id: { source: number; denom: string; base_denom: string; height: string }; state: { price: string } }[];
    expect(rows).toHaveLength(6);
    const heights = rows.map((r) => Number(r.id.height));
    expect([...heights].sort((a, b) => b - a)).toEqual(heights);
    for (const r of rows) {
      expect(r.id).toMatchObject({ denom: "akt", base_denom: "usd" });
      expect(BigInt(r.state.price.replace(".", ""))).toBe(seededPrice(SEED, Number(r.id.height), r.id.source));
    }
    expect(new Set(rows.filter((r) => r.id.source === 1).map((r) => r.state.price)).size).toBeGreaterThan(1);
  });

  it("answers chain-sdk's gRPC query (abci_query /akash.oracle.v1.Query/AggregatedPrice) with the same price as REST", async () => {
    const comet = await Comet38Client.connect(devnet.endpoints.rpc);
    try {
      devnet.setStalled(true);
      const q = new QueryClient(comet);
      const raw = await q.queryAbci("/akash.oracle.v1.Query/AggregatedPrice", v1.QueryAggregatedPriceRequest.encode(v1.QueryAggregatedPriceRequest.fromPartial({ denom: "akt" })).finish());
      const decoded = v1.QueryAggregatedPriceResponse.decode(raw.value);
      const viaRest = (await rest("/akash/oracle/v1/aggregated_price/akt")).body.aggregated_price;
      expect(Number(decoded.aggregatedPrice!.twap)).toBe(Number(viaRest.twap));
      expect(decoded.aggregatedPrice!.numSources).toBe(2);
      expect(decoded.priceHealth!.isHealthy).toBe(true);
    } finally {
      devnet.setStalled(false);
      comet.disconnect();
    }
  });

  it("mints ACT at the oracle's price: pinned at $2.50, 1 AKT mints 2.5 ACT", async () => {
    const pinned = await admin("/oracle/price", { price: "2.5" });
    expect(pinned).toMatchObject({ status: 200, body: { pinned: "2.500000000000000000", twap: "2.500000000000000000", healthy: true } });
    const before = await act();
    expect((await mint("1000000")).code).toBe(0);
    expect((await act()) - before).toBe(2_500_000n);
  });

  it("a stalled oracle turns unhealthy and x/bme refuses to mint with the oracle's code 4 (price stalled)", async () => {
    expect((await admin("/oracle/stall", { stalled: true, expire: true })).body).toMatchObject({ stalled: true, healthy: false });
    const { body } = await rest("/akash/oracle/v1/aggregated_price/akt");
    expect(body.price_health).toMatchObject({ is_healthy: false, has_min_sources: false, total_healthy_sources: 0 });
    expect(body.price_health.failure_reason).toEqual(["insufficient price sources: 0 < 2"]);
    const r = await mint("1000000");
    expect(r.code).toBe(4);
    expect(r.rawLog).toMatch(/price stalled$/);
    expect((await admin("/oracle/stall", { stalled: false })).body).toMatchObject({ stalled: false, healthy: true });
  });

  it("a cleared oracle has no price at all: the aggregated price is 404, what a console shows as price unknown", async () => {
    expect((await admin("/oracle/clear", {})).body).toMatchObject({ twap: null, healthy: false });
    expect((await rest("/akash/oracle/v1/aggregated_price/akt")).status).toBe(404);
    await admin("/oracle/stall", { stalled: false });
    await admin("/oracle/price", { price: null });
    expect((await rest("/akash/oracle/v1/aggregated_price/akt")).status).toBe(200);
  });

  it("refuses a price that is not a positive decimal with 400", async () => {
    expect((await admin("/oracle/price", { price: "-1" })).status).toBe(400);
    expect((await admin("/oracle/price", { price: "0" })).status).toBe(400);
    expect((await admin("/oracle/price", {})).status).toBe(400);
  });
});
