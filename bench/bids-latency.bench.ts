/**
 * Bid latency: from the block that includes a bid (its header time) to the moment watchBids hands out a snapshot
 * holding it. The simulated providers bid on real corpus deployments on the devnet (1 s blocks, as `npm start`).
 * Baseline, same run, same deployments: the same REST read polled every 7 s, the interval of the official console
 * (akash-network/console deploy-web bid list refetch). Target: p95 under one block time + 300 ms.
 * Not measured: the row in the browser table (needs a console build pointed at this devnet's ports).
 */
import { setMaxListeners } from "node:events";
import WebSocket from "ws";
import { createRestClient } from "@/lib/chain/rest";
import { bidKey, watchBids } from "@/lib/market/bids-stream";
import type { WebSocketConstructor } from "@/lib/market/comet-subscription";
import { TENANT1 } from "../devnet/accounts";
import { startDevnetFixture } from "@/test/support/devnet";
import { fmtMs, percentile, verdict } from "./lib/stats";
import { record } from "./lib/report";

const BLOCK_MS = 1_000;
const OFFICIAL_POLL_MS = 7_000;
const MIN_BIDS = 20;
const DEPLOYMENTS = ["tetris2.yaml", "MySQL.yaml", "Llama-3.1-8B.yaml", "tetris2.yaml", "MySQL.yaml", "Llama-3.1-8B.yaml", "tetris2.yaml", "MySQL.yaml"];

const fx = await startDevnetFixture({ blockTimeMs: BLOCK_MS });
await fx.fleet!.registered;
const rest = createRestClient(fx.devnet.endpoints.rest);
const blockTime = new Map<number, number>();
async function blockTimeOf(height: number): Promise<number> {
  const cached = blockTime.get(height);
  if (cached !== undefined) return cached;
  const r = (await (await fetch(`${fx.devnet.endpoints.rpc}/block?height=${height}`)).json()) as { result: { block: { header: { time: string } } } };
  const t = Date.parse(r.result.block.header.time);
  blockTime.set(height, t);
  return t;
}

type Seen = Map<string, { at: number; height: number }>;
async function watch(dseq: string, seen: Seen, signal: AbortSignal, mode: "websocket" | "polling") {
  const opts =
    mode === "websocket"
      ? { rpcUrl: fx.devnet.endpoints.rpc, WebSocket: WebSocket as unknown as WebSocketConstructor, pollIntervalMs: BLOCK_MS }
      : { rpcUrl: "http://127.0.0.1:1", WebSocket: undefined, pollIntervalMs: OFFICIAL_POLL_MS };
  for await (const snap of watchBids({ ...opts, rest, owner: TENANT1.address, dseq, signal })) {
    const now = Date.now();
    for (const b of snap.bids) {
      const key = `${dseq}/${bidKey(b.id)}`;
      if (!seen.has(key)) seen.set(key, { at: now, height: Number(b.createdAt) });
    }
  }
}

const live: Seen = new Map();
const polled: Seen = new Map();
const ac = new AbortController();
setMaxListeners(4 * DEPLOYMENTS.length, ac.signal); // two watchers per deployment share this signal
const watchers: Promise<void>[] = [];
for (const file of DEPLOYMENTS) {
  const { dseq } = await fx.deploy(file);
  watchers.push(watch(dseq, live, ac.signal, "websocket"), watch(dseq, polled, ac.signal, "polling"));
}
// every bid must reach both watchers; the slow one needs up to one 7 s period after the last bid
const deadline = Date.now() + 40_000;
while (Date.now() < deadline && (live.size < MIN_BIDS || polled.size < live.size || [...live.keys()].some((k) => !polled.has(k)))) {
  await new Promise((r) => setTimeout(r, 250));
}
ac.abort();
await Promise.allSettled(watchers);

async function latencies(seen: Seen): Promise<number[]> {
  return Promise.all([...seen.values()].map(async (s) => s.at - (await blockTimeOf(s.height))));
}
const wsLat = await latencies(live);
const pollLat = await latencies(polled);
await fx.stop();

const target = BLOCK_MS + 300;
const row = (name: string, xs: number[]) => `  ${name.padEnd(44)} n=${String(xs.length).padStart(3)}  median ${fmtMs(percentile(xs, 50)).padStart(9)}  p95 ${fmtMs(percentile(xs, 95)).padStart(9)}  max ${fmtMs(Math.max(...xs)).padStart(9)}`;
console.log(`bids-latency: block inclusion (header time) -> bid in a watchBids snapshot; devnet, ${BLOCK_MS} ms blocks, ${DEPLOYMENTS.length} corpus deployments`);
console.log(row("watchBids (CometBFT websocket + REST re-read)", wsLat));
console.log(row(`polling every ${OFFICIAL_POLL_MS / 1000} s (official console's interval)`, pollLat));
console.log(`  ratio (median polling / median watchBids): ${(percentile(pollLat, 50) / percentile(wsLat, 50)).toFixed(1)}x`);
console.log(`  target p95 < block time + 300 ms = ${target} ms: ${verdict(wsLat.length >= MIN_BIDS && percentile(wsLat, 95) < target)}${wsLat.length < MIN_BIDS ? ` (only ${wsLat.length} bids)` : ""}`);
record({ bench: "bids-latency", figure: "inclusion -> watchBids p95", value: percentile(wsLat, 95), unit: "ms", baseline: percentile(pollLat, 95), target: { op: "<", limit: target }, valid: wsLat.length >= MIN_BIDS });
console.log("  browser table row: see bench/bids-row.bench.ts");
process.exit(0);
