/**
 * An escrow account that runs dry, as a client sees it: a tenant's deployment (cosmjs, chain-sdk's types) leased
 * at its max price with the minimum deposit, then the chain's REST and RPC while the end blocker drains it.
 */
import { generateManifest, generateManifestVersion, yaml } from "@akashnetwork/chain-sdk";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { DirectSecp256k1HdWallet, Registry, type EncodeObject, type GeneratedType } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, defaultRegistryTypes } from "@cosmjs/stargate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT3 } from "./accounts";
import { startDevnet, type Devnet } from "./start";

let devnet: Devnet;
let client: SigningStargateClient;
const OWNER = TENANT3.address;
const FEE = { amount: [{ denom: "uakt", amount: "20000" }], gas: "800000" };
const typeUrl = (t: { $type: string }) => `/${t.$type}`;

/** A small SDL at 10,000 uact per block whose placement no simulated provider offers: only the test's bid comes. */
const SDL = `
version: "2.0"
services:
  web:
    image: nginx:1.27-alpine
    expose:
      - port: 80
        as: 80
        to: [{ global: true }]
profiles:
  compute:
    web: { resources: { cpu: { units: 0.5 }, memory: { size: 512Mi }, storage: { size: 1Gi } } }
  placement:
    dc:
      attributes: { region: nowhere }
      pricing:
        web: { denom: uact, amount: 10000 }
deployment:
  web: { dc: { profile: web, count: 1 } }
`;

beforeAll(async () => {
  devnet = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, providerBasePort: 0, blockTimeMs: 100 });
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TENANT3.mnemonic, { prefix: "akash" });
  const types = [v1beta4.MsgCreateDeployment, v1beta5.MsgCreateLease, v1.MsgAccountDeposit];
  const registry = new Registry([...defaultRegistryTypes, ...types.map((t): [string, GeneratedType] => [typeUrl(t), t as unknown as GeneratedType])]);
  client = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, wallet, { registry, gasPrice: GasPrice.fromString("0.025uakt"), broadcastPollIntervalMs: 100 });
});
afterAll(async () => {
  client?.disconnect();
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
async function send(msgs: EncodeObject[]) {
  const r = await client.signAndBroadcast(OWNER, msgs, FEE);
  expect(r.code, r.rawLog).toBe(0);
  return r;
}

/** Two deployments with the chain's minimum deposit; a registered provider bids the max price on the first, which is leased. */
async function leasedAtMaxPrice(): Promise<{ dseq: string; unleased: string; provider: string }> {
  const r = generateManifest(yaml.template(SDL));
  if (!r.ok) throw new Error("the test SDL is invalid");
  const groups = r.value.groupSpecs.map((g) => v1beta4.GroupSpec.fromPartial(g));
  const hash = await generateManifestVersion(r.value.groups);
  const h = BigInt(await height());
  const [dseq, unleased] = [h, h + 1n].map(String) as [string, string];
  await send(
    [dseq, unleased].map((d) => ({
      typeUrl: typeUrl(v1beta4.MsgCreateDeployment),
      value: v1beta4.MsgCreateDeployment.fromPartial({ id: { owner: OWNER, dseq: d }, groups, hash, deposit: { amount: { denom: "uact", amount: "500000" }, sources: [v1.Source.balance] } }),
    })),
  );
  const provider = Object.keys(devnet.endpoints.providers)[0]!;
  const id = { owner: OWNER, dseq, gseq: 1, oseq: 1, provider, bseq: 0 };
  // the provider's side of the market, as its daemon would sign it (the devnet runs it through the same handlers)
  const bid = await devnet.chain.submitAs(provider, [
    {
      typeUrl: typeUrl(v1beta5.MsgCreateBid),
      value: { id, price: { denom: "uact", amount: "10000" }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [v1.Source.balance] }, resourcesOffer: [] },
    },
  ]);
  expect(bid.code, bid.rawLog).toBe(0);
  await send([{ typeUrl: typeUrl(v1beta5.MsgCreateLease), value: v1beta5.MsgCreateLease.fromPartial({ bidId: id }) }]);
  return { dseq, unleased, provider };
}

describe("an escrow account that runs dry", () => {
  let dseq: string;
  let unleased: string;
  let provider: string;

  it("closes its deployment as x/market's escrow hooks do: lease and group insufficient_funds, reason lease_closed_reason_insufficient_funds", async () => {
    // the minimum deposit at the group's max price: 50 blocks of lease, then the escrow cannot pay the 51st
    ({ dseq, unleased, provider } = await leasedAtMaxPrice());
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
    const before = BigInt((await client.getBalance(OWNER, "uact")).amount);
    const deposit = v1.MsgAccountDeposit.fromPartial({
      signer: OWNER,
      id: { scope: v1.Scope.deployment, xid: `${OWNER}/${dseq}` },
      deposit: { amount: { denom: "uact", amount: "1000000" }, sources: [v1.Source.balance] },
    });
    await send([{ typeUrl: typeUrl(v1.MsgAccountDeposit), value: deposit }]);
    expect(BigInt((await client.getBalance(OWNER, "uact")).amount)).toBe(before - 10_000n);
    const account = (await rest(`/akash/escrow/v1/types/accounts/list?xid=${OWNER}/${dseq}`)).accounts[0];
    expect(account.state.state).toBe("closed");
    const payment = (await rest(`/akash/escrow/v1/types/payments/list?xid=${OWNER}/${dseq}`)).payments[0];
    expect(payment.state).toMatchObject({ state: "closed", unsettled: { denom: "uact", amount: "0.000000000000000000" } });
  });
});
