import net from "node:net";
import { MsgCreateBid } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createRestClient, type RestClient } from "@/lib/chain/rest";
import { bidEventQueries, eventConcernsDeployment, pollIntervalFor, watchBids, type BidSnapshot, type WatchBidsOptions } from "@/lib/market/bids-stream";
import type { WebSocketConstructor } from "@/lib/market/comet-subscription";
import { TENANT1 } from "../../devnet/accounts";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";
import { resolveNetwork } from "@/lib/networks";

const WS = WebSocket as unknown as WebSocketConstructor;
let fx: DevnetFixture;
let rest: RestClient;

beforeAll(async () => {
  fx = await startDevnetFixture();
  rest = createRestClient(fx.devnet.endpoints.rest);
});
afterAll(() => fx?.stop());

/** Reads snapshots until one satisfies `ok`; fails after `ms`. */
async function waitFor(it: AsyncIterator<BidSnapshot>, ok: (s: BidSnapshot) => boolean, ms = 8_000): Promise<BidSnapshot> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error("no matching snapshot in time");
    const r = await Promise.race([it.next(), new Promise<"timeout">((res) => setTimeout(() => res("timeout"), left))]);
    if (r === "timeout") throw new Error("no matching snapshot in time");
    if (r.done) throw new Error("the stream ended");
    if (ok(r.value)) return r.value;
  }
}

/** A TCP relay in front of the node's RPC port that the test can cut and restore, like a flaky proxy. */
async function relay(target: string) {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  let server: net.Server;
  const listen = (p: number) =>
    new Promise<number>((resolve) => {
      server = net.createServer((c) => {
        const up = net.connect(Number(port), hostname);
        for (const s of [c, up]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        c.pipe(up).pipe(c);
      });
      server.listen(p, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port));
    });
  const relayPort = await listen(0);
  return {
    url: `http://127.0.0.1:${relayPort}`,
    cut: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))),
    restore: () => listen(relayPort).then(() => undefined),
  };
}

async function placeBid(dseq: string, providerIndex: number, amount = "5000") {
  const provider = fx.fleet!.profiles[providerIndex]!.account.address;
  const value = MsgCreateBid.fromPartial({ id: { owner: TENANT1.address, dseq, gseq: 1, oseq: 1, provider, bseq: 0 }, price: { denom: "uact", amount } });
  const r = await fx.devnet.chain.submitAs(provider, [{ typeUrl: `/${MsgCreateBid.$type}`, value }]);
  expect(r.code, r.rawLog).toBe(0);
  return r.height;
}

/** A deployment no simulated provider bids on, so the test places every bid itself. */
async function quietDeployment(): Promise<string> {
  const providers = fx.fleet!.profiles.map((p) => p.account.address);
  await Promise.all(providers.map((p) => fx.fleet!.setFault(p, "no-bids")));
  try {
    return (await fx.deploy("tetris2.yaml")).dseq;
  } finally {
    await fx.waitBlocks(1);
    await Promise.all(providers.map((p) => fx.fleet!.setFault(p, null)));
  }
}

const options = (dseq: string, extra: Partial<WatchBidsOptions> = {}): WatchBidsOptions => ({
  rpcUrl: fx.devnet.endpoints.rpc,
  rest,
  owner: TENANT1.address,
  dseq,
  WebSocket: WS,
  reconnectMs: 100,
  maxReconnectMs: 300,
  ...extra,
});

describe("watchBids on the devnet", () => {
  it("delivers the providers' bids over the websocket, with the height of their block", async () => {
    const { dseq } = await fx.deploy("tetris2.yaml");
    const ac = new AbortController();
    // a poll interval of a minute: within the test, only websocket events can bring the bids
    const it = watchBids(options(dseq, { signal: ac.signal, pollIntervalMs: 60_000 }))[Symbol.asyncIterator]();
    const snap = await waitFor(it, (s) => s.transport === "websocket" && s.bids.length >= 2);
    ac.abort();
    expect(snap.height).toBeGreaterThan(0);
    expect(snap.error).toBeNull();
    expect(new Set(snap.bids.map((b) => b.id.dseq))).toEqual(new Set([dseq]));
  });

  it("falls back to polling when the websocket path dies, and goes live again when it returns", async () => {
    const dseq = await quietDeployment();
    const path = await relay(fx.devnet.endpoints.rpc);
    const ac = new AbortController();
    const it = watchBids(options(dseq, { rpcUrl: path.url, signal: ac.signal, pollIntervalMs: 200 }))[Symbol.asyncIterator]();
    await waitFor(it, (s) => s.transport === "websocket");

    await path.cut();
    await waitFor(it, (s) => s.transport === "polling");
    await placeBid(dseq, 0);
    const polled = await waitFor(it, (s) => s.bids.length === 1);
    expect(polled.transport).toBe("polling");

    await path.restore();
    await waitFor(it, (s) => s.transport === "websocket");
    const height = await placeBid(dseq, 1);
    const live = await waitFor(it, (s) => s.bids.length === 2);
    ac.abort();
    expect(live.transport).toBe("websocket");
    expect(live.height).toBeGreaterThanOrEqual(height);
  });

  it("polls when the node's websocket cannot be reached at all", async () => {
    const dseq = await quietDeployment();
    await placeBid(dseq, 2);
    const ac = new AbortController();
    const it = watchBids(options(dseq, { rpcUrl: "http://127.0.0.1:1", signal: ac.signal, pollIntervalMs: 200 }))[Symbol.asyncIterator]();
    const snap = await waitFor(it, (s) => s.bids.length === 1);
    ac.abort();
    expect(snap.transport).toBe("polling");
  });

  it("ends the iteration when aborted", async () => {
    const { dseq } = await fx.deploy("tetris2.yaml");
    const ac = new AbortController();
    const seen: BidSnapshot[] = [];
    const done = (async () => {
      for await (const s of watchBids(options(dseq, { signal: ac.signal }))) {
        seen.push(s);
        ac.abort();
      }
    })();
    await expect(done).resolves.toBeUndefined();
    expect(seen).toHaveLength(1);

    const pre = new AbortController();
    pre.abort();
    const none: BidSnapshot[] = [];
    for await (const s of watchBids(options(dseq, { signal: pre.signal }))) none.push(s);
    expect(none).toEqual([]);
  });

  it("reports a REST failure without dropping the last bids", async () => {
    const { dseq } = await fx.deploy("tetris2.yaml");
    let fail = false;
    const flaky = {
      bidsWithHeight: (f: Parameters<RestClient["bidsWithHeight"]>[0], c?: Parameters<RestClient["bidsWithHeight"]>[1]) =>
        fail ? createRestClient("http://127.0.0.1:1").bidsWithHeight(f, c) : rest.bidsWithHeight(f, c),
    };
    const ac = new AbortController();
    const it = watchBids(options(dseq, { rest: flaky, signal: ac.signal, pollIntervalMs: 100, rpcUrl: "http://127.0.0.1:1" }))[Symbol.asyncIterator]();
    const before = await waitFor(it, (s) => s.bids.length >= 1);
    fail = true;
    const failed = await waitFor(it, (s) => s.error !== null);
    ac.abort();
    expect(failed.error?.details).toMatchObject({ endpoint: "market bids list", failure: "unreachable" });
    expect(failed.bids.length).toBeGreaterThanOrEqual(before.bids.length);
  });
});

describe("bid event filtering", () => {
  it("asks the node for the owner's typed bid events and checks the dseq itself", () => {
    expect(bidEventQueries(TENANT1.address)[0]).toBe(`tm.event='Tx' AND akash.market.v1.EventBidCreated.id CONTAINS '"owner":"${TENANT1.address}"'`);
    expect(() => bidEventQueries("akash1' OR 1=1")).toThrow(/not an akash1/);
    const id = (dseq: string) => JSON.stringify({ owner: TENANT1.address, dseq, gseq: 1, oseq: 1, provider: "akash1p", bseq: 0 });
    const ev = (dseq: string) => ({ events: { "akash.market.v1.EventBidCreated.id": [id(dseq)] }, height: 5 });
    expect(eventConcernsDeployment(ev("12"), TENANT1.address, "12")).toBe(true);
    expect(eventConcernsDeployment(ev("123"), TENANT1.address, "12")).toBe(false);
    expect(eventConcernsDeployment({ events: { "akash.market.v1.EventBidCreated.id": ["{not json"] }, height: null }, TENANT1.address, "12")).toBe(false);
  });

  it("polls once per block of the network", () => {
    expect(pollIntervalFor(resolveNetwork("akashnet-2"))).toBe(6117);
    expect(pollIntervalFor(resolveNetwork("devnet"))).toBe(1000);
  });
});
