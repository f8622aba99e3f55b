/**
 * The whole tenant cycle against a real devnet (chain, RPC, REST, websocket, simulated providers), driven only the
 * way a tenant drives akashnet-2: cosmjs's SigningStargateClient with chain-sdk's types, REST, the CometBFT event
 * websocket and the providers' HTTPS gateways with chain-sdk JWTs. Nothing reads the devnet's in-process state.
 */
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "@cosmjs/math";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { Comet38Client, WebsocketClient } from "@cosmjs/tendermint-rpc";
import { TENANT1, TENANT2 } from "./accounts";
import { corpusFile } from "../test/support/corpus";
import { request, wsCollect } from "../test/support/gateway-client";
import { waitFor } from "../test/support/wait";
import { startDevnet, type Devnet } from "./start";
import {
  closeDeploymentMsg,
  createDeploymentMsg,
  createLeaseMsg,
  providerToken,
  sdlDeployment,
  tenantRegistry,
  type BidIdJson,
  type SdlDeployment,
} from "../test/support/tenant";

const OWNER = TENANT1.address;
const DEPOSIT = { denom: "uact", amount: "5000000" };

let devnet: Devnet;
let client: SigningStargateClient;

interface Bid {
  id: BidIdJson;
  price: { denom: string; amount: string };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- REST JSON, asserted field by field below
async function rest<T = any>(p: string): Promise<T> {
  const r = await fetch(devnet.endpoints.rest + p);
  if (r.status !== 200) throw new Error(`GET ${p}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

const atomics = (dec: string) => BigInt(Decimal.fromUserInput(dec, 18).atomics);
const height = async () => Number((await rest<{ block: { header: { height: string } } }>("/cosmos/base/tendermint/v1beta1/blocks/latest")).block.header.height);
const untilHeight = (h: number) => waitFor(async () => (await height()) >= h, 20_000, 50);

/**
 * Bids on one deployment, as a tenant watches for them: the typed event EventBidCreated over the websocket.
 * The client subscribes in the same tick it is created: @cosmjs/socket 0.36.2's QueueingStreamingSocket leaves
 * isProcessingQueue stuck at true when it connects with an empty queue, and never sends a later request.
 */
function watchBids(dseq: bigint) {
  const comet = Comet38Client.create(new WebsocketClient(devnet.endpoints.rpc.replace(/^http/, "ws")));
  const seen: Bid[] = [];
  // Typed events carry one attribute per proto field, JSON-valued; the owner is inside `id`.
  const query = `tm.event='Tx' AND akash.market.v1.EventBidCreated.id CONTAINS '"owner":"${OWNER}"'`;
  const sub = comet.subscribeTx(query).subscribe({
    next: (ev) => {
      for (const e of ev.result.events) {
        if (e.type !== "akash.market.v1.EventBidCreated") continue;
        const attr = (k: string) => e.attributes.find((a) => a.key === k)?.value ?? "null";
        const bid = { id: JSON.parse(attr("id")) as BidIdJson, price: JSON.parse(attr("price")) as Bid["price"] };
        if (bid.id.dseq === dseq.toString()) seen.push(bid);
      }
    },
  });
  return {
    seen,
    stop: () => {
      sub.unsubscribe();
      comet.disconnect();
    },
  };
}

async function openBids(dseq: bigint): Promise<Bid[]> {
  const r = await rest<{ bids: { bid: Bid }[] }>(`/akash/market/v1beta5/bids/list?filters.owner=${OWNER}&filters.dseq=${dseq}&filters.state=open`);
  return r.bids.map((b) => ({ id: b.bid.id, price: b.bid.price }));
}

/**
 * Creates the deployment and collects its bids, over REST and the websocket. Simulated providers bid 1-3 blocks
 * after the order opens (one of them ~20 s late, which is not waited for).
 */
async function deployAndCollectBids(file: string) {
  const sdl = await sdlDeployment(corpusFile(file));
  const dseq = BigInt(await height());
  const watch = watchBids(dseq);
  const res = await client.signAndBroadcast(OWNER, [createDeploymentMsg(OWNER, dseq, sdl, DEPOSIT)], "auto");
  expect(res.code, res.rawLog).toBe(0);
  expect(res.events.map((e) => e.type)).toContain("akash.market.v1.EventOrderCreated");
  await waitFor(async () => (await openBids(dseq)).length > 0, 10_000, 100);
  await untilHeight(res.height + 4);
  const bids = await openBids(dseq);
  const providersOf = (bs: Bid[]) => [...new Set(bs.map((b) => b.id.provider))].sort();
  await waitFor(() => providersOf(watch.seen).length >= bids.length, 5_000);
  watch.stop();
  expect(providersOf(watch.seen)).toEqual(providersOf(bids));
  return { sdl, dseq, bids, wsBids: watch.seen };
}

beforeAll(async () => {
  devnet = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, providerBasePort: 0, blockTimeMs: 250 });
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TENANT1.mnemonic, { prefix: "akash" });
  client = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, wallet, {
    registry: tenantRegistry(),
    gasPrice: GasPrice.fromString("0.025uakt"),
    broadcastPollIntervalMs: 100,
  });
});

afterAll(async () => {
  client?.disconnect();
  await devnet?.stop();
});

describe("full tenant cycle on the devnet", () => {
  let sdl: SdlDeployment;
  let dseq: bigint;
  let lease: BidIdJson;
  let hostUri: string;
  let token: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const leasePath = () => `/lease/${dseq}/${lease.gseq}/${lease.oseq}`;

  it("creates a deployment from a corpus SDL; bids arrive over REST and over the websocket", async () => {
    const r = await deployAndCollectBids("memos.yaml");
    ({ sdl, dseq } = r);
    expect(r.bids.length).toBeGreaterThan(1);
    for (const b of r.bids) {
      expect(b.price.denom).toBe("uact");
      expect(atomics(b.price.amount)).toBeLessThanOrEqual(atomics("100000")); // the SDL's max price
    }
    // websocket and REST report the same prices
    for (const w of r.wsBids) expect(r.bids.find((b) => b.id.provider === w.id.provider)?.price).toEqual(w.price);
    const cheapest = [...r.bids].sort((a, b) => (atomics(a.price.amount) < atomics(b.price.amount) ? -1 : 1))[0]!;

    const res = await client.signAndBroadcast(OWNER, [createLeaseMsg(cheapest.id)], "auto");
    expect(res.code, res.rawLog).toBe(0);
    lease = cheapest.id;
    const leases = await rest(`/akash/market/v1beta5/leases/list?filters.owner=${OWNER}&filters.dseq=${dseq}`);
    expect(leases.leases).toHaveLength(1);
    expect(leases.leases[0].lease).toMatchObject({ id: lease, state: "active", price: cheapest.price });
    const others = await rest(`/akash/market/v1beta5/bids/list?filters.owner=${OWNER}&filters.dseq=${dseq}`);
    for (const b of others.bids) expect(b.bid.state).toBe(b.bid.id.provider === lease.provider ? "active" : "lost");
  });

  it("finds the provider's host URI on chain and the certificate it serves registered there", async () => {
    hostUri = (await rest(`/akash/provider/v1beta4/providers/${lease.provider}`)).provider.host_uri;
    expect(hostUri).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const served = (await request(`${hostUri}/version`)).peerCert!;
    const certs = await rest(`/akash/cert/v1/certificates/list?filter.owner=${lease.provider}&filter.state=valid`);
    const onChain = certs.certificates.map((c: { serial: string; certificate: { cert: string } }) => ({
      serial: c.serial,
      cn: new X509Certificate(Buffer.from(c.certificate.cert, "base64").toString("utf8")).subject,
    }));
    expect(onChain).toContainEqual({ serial: BigInt(`0x${served.serialNumber}`).toString(), cn: `CN=${lease.provider}` });
  });

  it("sends the manifest with an ES256K JWT from chain-sdk's JwtTokenManager (200)", async () => {
    token = await providerToken(TENANT1);
    const r = await request(`${hostUri}/deployment/${dseq}/manifest`, {
      method: "PUT",
      body: sdl.manifestJson,
      headers: { ...auth(), "Content-Type": "application/json" },
    });
    expect(r.status, r.body).toBe(200);
  });

  it("refuses a manifest whose version is not the on-chain hash (422), no auth (401), another tenant (404), the wrong provider (404)", async () => {
    const put = (url: string, body: string, headers: Record<string, string>) =>
      request(`${url}/deployment/${dseq}/manifest`, { method: "PUT", body, headers: { ...headers, "Content-Type": "application/json" } });

    const tampered = JSON.parse(sdl.manifestJson) as { services: { image: string }[] }[];
    tampered[0]!.services[0]!.image = "neosmemo/memos:latest";
    const wrongHash = await put(hostUri, JSON.stringify(tampered), auth());
    expect(wrongHash.status).toBe(422);
    expect(wrongHash.body).toMatch(/manifest version validation failed/);

    const noAuth = await put(hostUri, sdl.manifestJson, {});
    expect(noAuth.status).toBe(401);
    expect((await request(`${hostUri}${leasePath()}/status`)).status).toBe(401);

    // Tenant 2 is known on chain once it has signed a tx; its token is valid, but the lease is not its own.
    const wallet2 = await DirectSecp256k1HdWallet.fromMnemonic(TENANT2.mnemonic, { prefix: "akash" });
    const client2 = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, wallet2, { gasPrice: GasPrice.fromString("0.025uakt"), broadcastPollIntervalMs: 100 });
    expect((await client2.sendTokens(TENANT2.address, OWNER, [{ denom: "uakt", amount: "1" }], "auto")).code).toBe(0);
    client2.disconnect();
    const other = { Authorization: `Bearer ${await providerToken(TENANT2)}` };
    const foreignPut = await put(hostUri, sdl.manifestJson, other);
    expect([403, 404]).toContain(foreignPut.status);
    const foreignStatus = await request(`${hostUri}${leasePath()}/status`, { headers: other });
    expect([403, 404]).toContain(foreignStatus.status);
    // Tenant 1's own token, granular to another deployment: authenticated but not authorised.
    const narrow = await providerToken(TENANT1, {
      leases: { access: "granular", permissions: [{ provider: lease.provider, access: "granular", deployments: [{ dseq: Number(dseq) + 1, scope: ["send-manifest"], services: ["memos"] }] }] },
    });
    expect((await put(hostUri, sdl.manifestJson, { Authorization: `Bearer ${narrow}` })).status).toBe(403);

    const elsewhere = Object.entries(devnet.endpoints.providers).find(([p]) => p !== lease.provider)![1];
    const noLease = await put(elsewhere, sdl.manifestJson, auth());
    expect(noLease.status).toBe(404);
  });

  it("reads the lease status until the services are ready, then a log frame over the websocket", async () => {
    const status = await waitFor(
      async () => {
        const r = await request(`${hostUri}${leasePath()}/status`, { headers: auth() });
        expect(r.status).toBe(200);
        const s = (r.json() as { services: Record<string, { available: number; total: number; ready_replicas: number }> }).services.memos;
        return s && s.total > 0 && s.available === s.total && s.ready_replicas === s.total ? s : undefined;
      },
      20_000,
      250,
    );
    expect(status.total).toBe(1);

    const logs = await wsCollect(`${hostUri}${leasePath()}/logs?follow=true&tail=10`, {
      headers: auth(),
      onFrame: (_f, ws) => ws.close(1000),
    });
    expect(logs.status).toBeUndefined();
    expect(logs.frames.length).toBeGreaterThan(0);
    const frame = JSON.parse(logs.frames[0]!) as Record<string, unknown>;
    expect(Object.keys(frame).sort()).toEqual(["message", "name", "service"]);
    expect(frame.service).toBe("memos");
    expect(frame.name).toMatch(/^memos-/);
    expect(typeof frame.message).toBe("string");
  });

  it("closes the deployment: the lease closes and the escrow refunds what it did not pay out", async () => {
    const uact = async () => BigInt((await client.getBalance(OWNER, "uact")).amount);
    const before = await uact();
    const res = await client.signAndBroadcast(OWNER, [closeDeploymentMsg(OWNER, dseq)], "auto");
    expect(res.code, res.rawLog).toBe(0);
    expect(res.events.map((e) => e.type)).toEqual(expect.arrayContaining(["akash.market.v1.EventLeaseClosed", "akash.deployment.v1.EventDeploymentClosed"]));

    const leases = await rest(`/akash/market/v1beta5/leases/list?filters.owner=${OWNER}&filters.dseq=${dseq}`);
    expect(leases.leases[0].lease.state).toBe("closed");
    const info = await rest(`/akash/deployment/v1beta4/deployments/info?id.owner=${OWNER}&id.dseq=${dseq}`);
    expect(info.deployment.state).toBe("closed");
    const acc = info.escrow_account.state;
    expect(acc.state).toBe("closed");
    const paid = atomics(acc.transferred[0].amount);
    expect(paid).toBeGreaterThan(0n);
    const refund = (atomics(DEPOSIT.amount) - paid) / 10n ** 18n;
    expect(refund).toBeGreaterThan(0n);
    expect((await uact()) - before).toBe(refund); // fees are paid in uakt
    expect((await request(`${hostUri}${leasePath()}/status`, { headers: auth() })).status).toBe(404);
  });

  it("a GPU SDL gets bids from GPU providers only", async () => {
    const r = await deployAndCollectBids("bert.yaml");
    expect(r.bids.length).toBeGreaterThan(0);
    const providers = (await rest(`/akash/provider/v1beta4/providers`)).providers as { owner: string; attributes: { key: string }[] }[];
    const hasGpu = (owner: string) => providers.find((p) => p.owner === owner)!.attributes.some((a) => a.key.startsWith("capabilities/gpu/vendor/nvidia"));
    for (const b of r.bids) expect(hasGpu(b.id.provider), b.id.provider).toBe(true);
    const cpuOnly = providers.filter((p) => !hasGpu(p.owner)).map((p) => p.owner);
    expect(cpuOnly.length).toBeGreaterThan(0);
    for (const p of cpuOnly) expect(r.bids.map((b) => b.id.provider)).not.toContain(p);
    expect((await client.signAndBroadcast(OWNER, [closeDeploymentMsg(OWNER, r.dseq)], "auto")).code).toBe(0);
  });
});
