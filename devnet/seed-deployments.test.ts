/**
 * The admin call that seeds many deployments for one owner (the deployment list's scale tests), and an escrow that
 * runs dry, as a client sees both: the chain's REST and RPC, the admin endpoint, cosmjs transactions.
 */
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { DirectSecp256k1HdWallet, Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, defaultRegistryTypes } from "@cosmjs/stargate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT3 } from "./accounts";
import { startDevnet, type Devnet } from "./start";

let devnet: Devnet;
const OWNER = TENANT3.address;

beforeAll(async () => {
  devnet = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, providerBasePort: 0, blockTimeMs: 100 });
});
afterAll(async () => {
  await devnet?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- REST JSON, asserted field by field
type Json = any;
const rest = async (p: string): Promise<Json> => {
  const r = await fetch(devnet.endpoints.rest + p);
  if (r.status !== 200) throw new Error(`GET ${p}: ${r.status} ${await r.text()}`);
  return r.json();
};
const rpc = async (p: string): Promise<Json> => (await (await fetch(devnet.endpoints.rpc + p)).json()).result;
const seed = async (body: unknown) => {
  const r = await fetch(`${devnet.endpoints.admin}/deployments/seed`, { method: "POST", body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Json };
};
const height = async () => Number((await rest("/cosmos/base/tendermint/v1beta1/blocks/latest")).block.header.height);
async function until<T>(what: string, f: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const total = async (p: string) => Number((await rest(`${p}&pagination.count_total=true&pagination.limit=1`)).pagination.total);

describe("POST /deployments/seed", () => {
  it("creates 40 deployments for an owner in one call, the first 12 leased from registered providers, and nobody bids on the rest", async () => {
    const { status, body } = await seed({ owner: OWNER, count: 40, leased: 12 });
    expect(status).toBe(200);
    expect(body.dseqs).toHaveLength(40);
    expect(new Set(body.dseqs).size).toBe(40);
    expect(BigInt(body.dseqs[0])).toBeGreaterThan(BigInt(await height()));
    const registered = new Set((await rest("/akash/provider/v1beta4/providers")).providers.map((p: Json) => p.owner));
    expect(body.leases).toHaveLength(12);
    for (const l of body.leases) expect(registered.has(l.provider)).toBe(true);
    expect(body.leases.map((l: Json) => l.dseq)).toEqual(body.dseqs.slice(0, 12));

    expect(await total(`/akash/deployment/v1beta4/deployments/list?filters.owner=${OWNER}&filters.state=active`)).toBe(40);
    expect(await total(`/akash/market/v1beta5/leases/list?filters.owner=${OWNER}&filters.state=active`)).toBe(12);
    expect(await total(`/akash/market/v1beta5/orders/list?filters.owner=${OWNER}&filters.state=open`)).toBe(28);
    const info = await rest(`/akash/deployment/v1beta4/deployments/info?id.owner=${OWNER}&id.dseq=${body.dseqs[39]}`);
    expect(info.escrow_account.state.funds).toEqual([{ denom: "uact", amount: "5000000.000000000000000000" }]);

    // the simulated providers have a few blocks to bid: the seeded group's placement rules every one of them out
    const h = await height();
    await until("5 blocks", async () => (await height()) >= h + 5);
    expect(await total(`/akash/market/v1beta5/bids/list?filters.owner=${OWNER}`)).toBe(12);
  });

  it("refuses leased above count and a deposit below the chain's minimum with 400, naming the field", async () => {
    const more = await seed({ owner: OWNER, count: 2, leased: 3 });
    expect(more.status).toBe(400);
    expect(more.body.error).toMatch(/^leased: /);
    const low = await seed({ owner: OWNER, count: 2, deposit: "1000" });
    expect(low.status).toBe(400);
    expect(low.body.error).toMatch(/^deposit: .*minimum/);
  });
});

describe("an escrow account that runs dry", () => {
  let dseq: string;
  let unleased: string;
  let provider: string;

  it("closes its deployment as x/market's escrow hooks do: lease and group insufficient_funds, reason lease_closed_reason_insufficient_funds", async () => {
    // the minimum deposit at the group's max price: 50 blocks of lease, then the escrow cannot pay the 51st
    const { body } = await seed({ owner: OWNER, count: 2, leased: 1, deposit: "500000", price: "10000" });
    [dseq, unleased] = body.dseqs;
    provider = body.leases[0].provider;
    const info = await until("the deployment to close", async () => {
      const d = await rest(`/akash/deployment/v1beta4/deployments/info?id.owner=${OWNER}&id.dseq=${dseq}`);
      return d.deployment.state === "closed" && d;
    });
    expect(info.groups.map((g: Json) => g.state)).toEqual(["insufficient_funds"]);
    expect(info.escrow_account.state.state).toBe("overdrawn");

    const lease = (await rest(`/akash/market/v1beta5/leases/info?id.owner=${OWNER}&id.dseq=${dseq}&id.gseq=1&id.oseq=1&id.provider=${provider}&id.bseq=0`)).lease;
    expect(lease.state).toBe("insufficient_funds");
    expect(lease.reason).toBe("lease_closed_reason_insufficient_funds");
    const closedOn = Number(lease.closed_on);
    expect(closedOn).toBeGreaterThan(0);

    const payment = (await rest(`/akash/escrow/v1/types/payments/list?xid=${OWNER}/${dseq}`)).payments[0];
    expect(payment.state.state).toBe("overdrawn");
    expect(payment.state.unsettled).toEqual({ denom: "uact", amount: "10000.000000000000000000" });

    // the end blocker closed it: the typed event is among the block's finalize events
    const results = await rpc(`/block_results?height=${closedOn}`);
    const closed = results.finalize_block_events.find((e: Json) => e.type === "akash.market.v1.EventLeaseClosed");
    expect(closed.attributes.find((a: Json) => a.key === "reason").value).toBe('"lease_closed_reason_insufficient_funds"');

    const other = await rest(`/akash/deployment/v1beta4/deployments/info?id.owner=${OWNER}&id.dseq=${unleased}`);
    expect(other.deployment.state).toBe("active");
  });

  it("a deposit into the overdrawn account pays the provider what it was owed, then closes the account and refunds the rest", async () => {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TENANT3.mnemonic, { prefix: "akash" });
    const registry = new Registry([...defaultRegistryTypes, [`/${v1.MsgAccountDeposit.$type}`, v1.MsgAccountDeposit as unknown as GeneratedType]]);
    const client = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, wallet, { registry, gasPrice: GasPrice.fromString("0.025uakt"), broadcastPollIntervalMs: 100 });
    try {
      const before = BigInt((await client.getBalance(OWNER, "uact")).amount);
      const deposit = v1.MsgAccountDeposit.fromPartial({
        signer: OWNER,
        id: { scope: v1.Scope.deployment, xid: `${OWNER}/${dseq}` },
        deposit: { amount: { denom: "uact", amount: "1000000" }, sources: [v1.Source.balance] },
      });
      const r = await client.signAndBroadcast(OWNER, [{ typeUrl: `/${v1.MsgAccountDeposit.$type}`, value: deposit }], { amount: [{ denom: "uakt", amount: "20000" }], gas: "400000" });
      expect(r.code, r.rawLog).toBe(0);
      expect(BigInt((await client.getBalance(OWNER, "uact")).amount)).toBe(before - 10_000n);
      const account = (await rest(`/akash/escrow/v1/types/accounts/list?xid=${OWNER}/${dseq}`)).accounts[0];
      expect(account.state.state).toBe("closed");
      const payment = (await rest(`/akash/escrow/v1/types/payments/list?xid=${OWNER}/${dseq}`)).payments[0];
      expect(payment.state).toMatchObject({ state: "closed", unsettled: { denom: "uact", amount: "0.000000000000000000" } });
    } finally {
      client.disconnect();
    }
  });
});
