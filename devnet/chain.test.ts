/**
 * The devnet's chain half, driven as a client drives a real Akash node: cosmjs's SigningStargateClient over
 * CometBFT RPC, its websocket event bus, and the grpc-gateway REST paths. Messages are chain-sdk's generated
 * types; group specs and hashes come from chain-sdk's generateManifest on corpus SDLs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { toBech32 } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet, Registry, type EncodeObject } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, defaultRegistryTypes } from "@cosmjs/stargate";
import { Comet38Client, WebsocketClient } from "@cosmjs/tendermint-rpc";
import { generateManifest, generateManifestVersion, yaml } from "@akashnetwork/chain-sdk";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as cosmos from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { PROVIDER_ACCOUNTS, TENANT1, TENANT2 } from "./accounts";
import { startDevnet, type Devnet } from "./start";
import { CORPUS_DIR } from "../test/support/test-data";

const PROVIDER = PROVIDER_ACCOUNTS[0]!.address;

const registry = new Registry([
  ...defaultRegistryTypes,
  ...[v1beta4.MsgCreateDeployment, v1beta4.MsgCloseDeployment, v1beta4.MsgUpdateDeployment, v1beta5.MsgCreateLease, v1beta5.MsgCloseLease, v1.MsgAccountDeposit, v1.MsgMintACT].map(
    (t) => [`/${t.$type}`, t as never] as [string, never],
  ),
]);

let devnet: Devnet;
let client: SigningStargateClient;
let nextDseq = 1000n;

async function sdlGroups(file: string) {
  const sdl = yaml.template<Parameters<typeof generateManifest>[0]>(readFileSync(path.join(CORPUS_DIR, file), "utf8"));
  const r = generateManifest(sdl);
  if (!r.ok) throw new Error(`invalid corpus SDL ${file}`);
  // human decimals ("10000"): chain-sdk's codecs are patched to write them as LegacyDec atomics on the wire
  const groups = r.value.groupSpecs;
  return { groups, hash: await generateManifestVersion(r.value.groups) };
}

async function createDeployment(file: string, deposit: { denom: string; amount: string }, fee: "auto" | { amount: { denom: string; amount: string }[]; gas: string } = "auto") {
  const { groups, hash } = await sdlGroups(file);
  const dseq = nextDseq++;
  const msg: EncodeObject = {
    typeUrl: `/${v1beta4.MsgCreateDeployment.$type}`,
    value: v1beta4.MsgCreateDeployment.fromPartial({ id: { owner: TENANT1.address, dseq: dseq.toString() }, groups, hash, deposit: { amount: deposit, sources: [1] } }),
  };
  const res = await client.signAndBroadcast(TENANT1.address, [msg], fee);
  return { dseq, res, groups };
}

async function bid(dseq: bigint, price: string, denom: string) {
  return devnet.chain.submitAs(PROVIDER, [
    { typeUrl: `/${v1beta5.MsgCreateBid.$type}`, value: { id: { owner: TENANT1.address, dseq: dseq.toString(), gseq: 1, oseq: 1, provider: PROVIDER, bseq: 0 }, price: { denom, amount: price } } },
  ]);
}

const leaseMsg = (dseq: bigint): EncodeObject => ({
  typeUrl: `/${v1beta5.MsgCreateLease.$type}`,
  value: v1beta5.MsgCreateLease.fromPartial({ bidId: { owner: TENANT1.address, dseq: dseq.toString(), gseq: 1, oseq: 1, provider: PROVIDER, bseq: 0 } }),
});

const waitBlocks = async (n: number) => {
  const target = devnet.chain.height() + n;
  while (devnet.chain.height() < target) await new Promise((r) => setTimeout(r, 50));
};

const rest = async (p: string) => {
  const r = await fetch(devnet.endpoints.rest + p);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- REST JSON, asserted field by field
  return { status: r.status, body: (await r.json()) as any };
};

beforeAll(async () => {
  devnet = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, blockTimeMs: 200, providers: false });
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TENANT1.mnemonic, { prefix: "akash" });
  client = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, wallet, {
    registry,
    gasPrice: GasPrice.fromString("0.025uakt"),
    broadcastPollIntervalMs: 100,
  });
  const reg = await devnet.chain.submitAs(PROVIDER, [
    { typeUrl: `/${v1beta4.MsgCreateProvider.$type}`, value: { owner: PROVIDER, hostUri: "https://127.0.0.1:8443", attributes: [{ key: "region", value: "us-west" }], info: { email: "", website: "" } } },
  ]);
  expect(reg.code).toBe(0);
});

afterAll(async () => {
  client?.disconnect();
  await devnet?.stop();
});

describe("devnet chain, as cosmjs sees it", () => {
  it("connects with a signer, reports the chain id and the genesis balance", async () => {
    expect(await client.getChainId()).toBe("akash-devnet-1");
    const bal = await client.getBalance(TENANT1.address, "uakt");
    expect(BigInt(bal.amount)).toBeGreaterThan(999_000_000_000n);
  });

  it("sends tokens with a simulated fee and finds the tx by hash and by sender", async () => {
    const before = BigInt((await client.getBalance(TENANT2.address, "uakt")).amount);
    const res = await client.sendTokens(TENANT1.address, TENANT2.address, [{ denom: "uakt", amount: "1234" }], "auto");
    expect(res.code).toBe(0);
    expect(BigInt((await client.getBalance(TENANT2.address, "uakt")).amount)).toBe(before + 1234n);
    const tx = await client.getTx(res.transactionHash);
    expect(tx?.height).toBe(res.height);
    const found = await client.searchTx(`message.sender='${TENANT1.address}'`);
    expect(found.map((t) => t.hash)).toContain(res.transactionHash);
    const acc = await client.getAccount(TENANT1.address);
    expect(acc?.pubkey).toBeTruthy();
  });

  it("accepts an Amino JSON (Ledger-style) signature for a bank send", async () => {
    const amino = await Secp256k1HdWallet.fromMnemonic(TENANT1.mnemonic, { prefix: "akash" });
    const c = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, amino, { gasPrice: GasPrice.fromString("0.025uakt"), broadcastPollIntervalMs: 100 });
    const res = await c.sendTokens(TENANT1.address, TENANT2.address, [{ denom: "uakt", amount: "1" }], "auto");
    c.disconnect();
    expect(res.code).toBe(0);
  });

  it("creates a deployment from a corpus SDL and pushes its typed events to a websocket subscriber", async () => {
    const ws = await Comet38Client.create(new WebsocketClient(devnet.endpoints.rpc.replace("http", "ws")));
    const seen: string[] = [];
    const sub = ws.subscribeTx(`akash.deployment.v1.EventDeploymentCreated.id EXISTS`).subscribe({
      next: (ev) => seen.push(...ev.result.events.map((e) => e.type)),
    });
    const { dseq, res } = await createDeployment("tetris2.yaml", { denom: "uact", amount: "5000000" });
    expect(res.code).toBe(0);
    await waitBlocks(1);
    sub.unsubscribe();
    ws.disconnect();
    expect(seen).toContain("akash.deployment.v1.EventDeploymentCreated");
    expect(seen).toContain("akash.market.v1.EventOrderCreated");
    const created = res.events.find((e) => e.type === "akash.deployment.v1.EventDeploymentCreated")!;
    expect(JSON.parse(created.attributes.find((a) => a.key === "id")!.value)).toEqual({ owner: TENANT1.address, dseq: dseq.toString() });
    const info = await rest(`/akash/deployment/v1beta4/deployments/info?id.owner=${TENANT1.address}&id.dseq=${dseq}`);
    expect(info.body.deployment.state).toBe("active");
    expect(info.body.groups[0].group_spec.resources[0].price.amount).toBe("10000.000000000000000000");
    expect(info.body.escrow_account.state.funds[0]).toEqual({ denom: "uact", amount: "5000000.000000000000000000" });
  });

  it("lists orders with filters and pagination over REST", async () => {
    await createDeployment("akash-trainer.yaml", { denom: "uakt", amount: "5000000" });
    const all = await rest(`/akash/market/v1beta5/orders/list?filters.owner=${TENANT1.address}&filters.state=open&pagination.count_total=true`);
    expect(all.status).toBe(200);
    expect(Number(all.body.pagination.total)).toBeGreaterThanOrEqual(2);
    const first = await rest(`/akash/market/v1beta5/orders/list?filters.owner=${TENANT1.address}&pagination.limit=1`);
    expect(first.body.orders).toHaveLength(1);
    const second = await rest(`/akash/market/v1beta5/orders/list?filters.owner=${TENANT1.address}&pagination.limit=1&pagination.key=${encodeURIComponent(first.body.pagination.next_key)}`);
    expect(second.body.orders[0].id.dseq).not.toBe(first.body.orders[0].id.dseq);
    const reversed = await rest(`/akash/market/v1beta5/orders/list?filters.owner=${TENANT1.address}&pagination.limit=1&pagination.reverse=true`);
    expect(reversed.body.orders[0].id.dseq).not.toBe(first.body.orders[0].id.dseq);
    const none = await rest(`/akash/market/v1beta5/orders/list?filters.owner=${TENANT2.address}`);
    expect(none.body.orders).toEqual([]);
  });

  it("leases a bid, settles escrow every block, and refunds on close", async () => {
    const { dseq } = await createDeployment("akash-trainer.yaml", { denom: "uakt", amount: "5000000" });
    const b = await bid(dseq, "100", "uakt");
    expect(b.code).toBe(0);
    const bids = await rest(`/akash/market/v1beta5/bids/list?filters.owner=${TENANT1.address}&filters.dseq=${dseq}`);
    expect(bids.body.bids[0].bid.price).toEqual({ denom: "uakt", amount: "100.000000000000000000" });
    const providerBefore = BigInt((await client.getBalance(PROVIDER, "uakt")).amount);
    const lease = await client.signAndBroadcast(TENANT1.address, [leaseMsg(dseq)], "auto");
    expect(lease.code).toBe(0);
    expect(lease.events.map((e) => e.type)).toContain("akash.market.v1.EventLeaseCreated");
    expect(devnet.chain.getOrder({ owner: TENANT1.address, dseq, gseq: 1, oseq: 1 })?.state).toBe("active");
    await waitBlocks(3);
    const pay = await rest(`/akash/escrow/v1/types/payments?xid=${TENANT1.address}/${dseq}`);
    expect(Number(pay.body.payments[0].state.withdrawn.amount)).toBeGreaterThanOrEqual(300);
    expect(BigInt((await client.getBalance(PROVIDER, "uakt")).amount)).toBeGreaterThan(providerBefore);
    const before = BigInt((await client.getBalance(TENANT1.address, "uakt")).amount);
    const close = await client.signAndBroadcast(TENANT1.address, [{ typeUrl: `/${v1beta4.MsgCloseDeployment.$type}`, value: { id: { owner: TENANT1.address, dseq: dseq.toString() } } }], "auto");
    expect(close.code).toBe(0);
    expect(close.events.map((e) => e.type)).toEqual(expect.arrayContaining(["akash.market.v1.EventLeaseClosed", "akash.deployment.v1.EventDeploymentClosed"]));
    const after = BigInt((await client.getBalance(TENANT1.address, "uakt")).amount);
    expect(after).toBeGreaterThan(before); // the escrow refund exceeds the fee
    const leases = await rest(`/akash/market/v1beta5/leases/list?filters.owner=${TENANT1.address}&filters.dseq=${dseq}`);
    expect(leases.body.leases[0].lease.state).toBe("closed");
  });

  it("closes a deployment whose escrow runs dry (lease insufficient_funds)", async () => {
    const { dseq } = await createDeployment("akash-trainer.yaml", { denom: "uakt", amount: "500000" });
    expect((await bid(dseq, "9000", "uakt")).code).toBe(0);
    expect((await client.signAndBroadcast(TENANT1.address, [leaseMsg(dseq)], "auto")).code).toBe(0);
    const deadline = Date.now() + 20_000;
    while (devnet.chain.getDeployment(TENANT1.address, dseq)?.state === "active" && Date.now() < deadline) await waitBlocks(1);
    expect(devnet.chain.getDeployment(TENANT1.address, dseq)?.state).toBe("closed");
    expect(devnet.chain.getLease({ owner: TENANT1.address, dseq, gseq: 1, oseq: 1, provider: PROVIDER, bseq: 0 })?.state).toBe("insufficient_funds");
  });

  it("rejects a bid above the order's max price and a bid from an unregistered provider", async () => {
    const { dseq } = await createDeployment("akash-trainer.yaml", { denom: "uakt", amount: "5000000" });
    const over = await bid(dseq, "20000", "uakt");
    expect([over.codespace, over.code]).toEqual(["market", 4]);
    const r = await devnet.chain.submitAs(PROVIDER_ACCOUNTS[5]!.address, [
      { typeUrl: `/${v1beta5.MsgCreateBid.$type}`, value: { id: { owner: TENANT1.address, dseq: dseq.toString(), gseq: 1, oseq: 1, provider: PROVIDER_ACCOUNTS[5]!.address, bseq: 0 }, price: { denom: "uakt", amount: "1" } } },
    ]);
    expect(r.rawLog).toMatch(/unknown provider/);
  });
});

describe("devnet chain failures carry the real codes and raw logs", () => {
  const fee = { amount: [{ denom: "uakt", amount: "10000" }], gas: "400000" };

  it("rejects a low deposit with the deployment module's code", async () => {
    const { res } = await createDeployment("akash-trainer.yaml", { denom: "uakt", amount: "100" }, fee);
    expect(res.code).toBe(20);
    expect(res.rawLog).toMatch(/Deposit too low - 100 < 500000uakt: Deposit invalid/);
  });

  it("fails out of gas (code 11) when the gas limit is below the cost", async () => {
    const { res } = await createDeployment("akash-trainer.yaml", { denom: "uakt", amount: "5000000" }, { amount: [{ denom: "uakt", amount: "5000" }], gas: "60000" });
    expect(res.code).toBe(11);
    expect(res.rawLog).toMatch(/out of gas/);
  });

  it("fails insufficient funds (code 5)", async () => {
    const res = await client.sendTokens(TENANT1.address, TENANT2.address, [{ denom: "uakt", amount: "999999999999999" }], fee);
    expect(res.code).toBe(5);
    expect(res.rawLog).toMatch(/insufficient funds/);
  });

  it("rejects a fee below the minimum gas price (code 13)", async () => {
    await expect(client.sendTokens(TENANT1.address, TENANT2.address, [{ denom: "uakt", amount: "1" }], { amount: [{ denom: "uakt", amount: "1" }], gas: "200000" })).rejects.toThrow(/insufficient fee/);
  });

  it("rejects a wrong sequence (code 32) with the SDK's raw log", async () => {
    const acc = (await client.getAccount(TENANT1.address))!;
    const raw = await client.sign(TENANT1.address, [sendMsg()], fee, "", { accountNumber: acc.accountNumber, sequence: acc.sequence + 5, chainId: "akash-devnet-1" });
    const r = await devnet.chain.checkTx(txBytes(raw));
    expect(r.code).toBe(32);
    expect(r.log).toBe(`account sequence mismatch, expected ${acc.sequence}, got ${acc.sequence + 5}: incorrect account sequence`);
  });

  it("rejects a bad signature (code 4)", async () => {
    const acc = (await client.getAccount(TENANT1.address))!;
    const raw = await client.sign(TENANT1.address, [sendMsg()], fee, "", { accountNumber: acc.accountNumber, sequence: acc.sequence, chainId: "wrong-chain" });
    await expect(client.broadcastTx(txBytes(raw))).rejects.toThrow(/signature verification failed/);
    const r = devnet.chain.checkTx(txBytes({ ...raw, signatures: [new Uint8Array(64).fill(7)] }));
    expect([r.codespace, r.code]).toEqual(["sdk", 4]);
  });

  it("rejects an unknown message type (code 2, unable to resolve type URL)", async () => {
    const msg = { typeUrl: "/cosmos.gov.v1beta1.MsgVote", value: { proposalId: 1n, voter: TENANT1.address, option: 1 } };
    await expect(client.signAndBroadcast(TENANT1.address, [msg], fee)).rejects.toThrow(/unable to resolve type URL \/cosmos.gov.v1beta1.MsgVote/);
  });
});

describe("devnet REST and faucet", () => {
  it("funds an address from the faucet and rejects a bad bech32 with 400", async () => {
    const fresh = toBech32("akash", new Uint8Array(20).fill(9));
    const bad = await fetch(`${devnet.endpoints.rest}/devnet/faucet`, { method: "POST", body: JSON.stringify({ address: "akash1nope" }) });
    expect(bad.status).toBe(400);
    const ok = await fetch(`${devnet.endpoints.rest}/devnet/faucet`, { method: "POST", body: JSON.stringify({ address: fresh }) });
    expect(ok.status).toBe(200);
    const bal = await rest(`/cosmos/bank/v1beta1/balances/${fresh}`);
    expect(bal.body.balances).toEqual([
      { denom: "uact", amount: "100000000" },
      { denom: "uakt", amount: "1000000000" },
    ]);
  });

  it("answers CORS preflight for any origin", async () => {
    const r = await fetch(`${devnet.endpoints.rest}/cosmos/tx/v1beta1/txs`, { method: "OPTIONS", headers: { origin: "http://localhost:3000", "access-control-request-method": "POST" } });
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });
});

function sendMsg(): EncodeObject {
  return { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: TENANT1.address, toAddress: TENANT2.address, amount: [{ denom: "uakt", amount: "1" }] } };
}

function txBytes(raw: { bodyBytes: Uint8Array; authInfoBytes: Uint8Array; signatures: Uint8Array[] }): Uint8Array {
  return cosmos.TxRaw.encode(cosmos.TxRaw.fromPartial(raw)).finish();
}
