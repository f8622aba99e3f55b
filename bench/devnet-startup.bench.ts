/**
 * Devnet figures:
 * (1) spawn of a fresh `devnet/main.ts` to its "devnet ready" line, median of 3 (target < 3 s);
 * (2) with the default 1 s blocks and the simulated providers, one tenant cycle as the console runs it, from
 *     signing MsgCreateDeployment to the first log line of the leased service (target < 15 s): deployment
 *     included, first bid (REST), lease included (on the cheapest bid seen then), manifest accepted by the
 *     provider's gateway (chain-sdk JWT), first frame of the logs websocket. Median of 3 cycles on one devnet.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { Decimal } from "@cosmjs/math";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { TENANT1 } from "../devnet/accounts";
import { corpusFile } from "../test/support/corpus";
import { request, wsCollect } from "../test/support/gateway-client";
import { startDevnet } from "../devnet/start";
import { createDeploymentMsg, createLeaseMsg, providerToken, sdlDeployment, tenantRegistry, type BidIdJson } from "../test/support/tenant";
import { verdict } from "./lib/stats";
import { record } from "./lib/report";

const root = path.resolve(import.meta.dirname, "..");
const STARTUP_TARGET_MS = 3_000;
const CYCLE_TARGET_MS = 15_000;
const CYCLES = 3;

function startupOnce(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "devnet/main.ts", "--rpc-port", "0", "--rest-port", "0", "--admin-port", "0", "--provider-base-port", "0"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("devnet ready")) {
        const ms = performance.now() - t0;
        child.once("exit", () => resolve(ms));
        child.kill("SIGTERM");
      }
    });
    child.once("exit", (code) => (out.includes("devnet ready") ? undefined : reject(new Error(`devnet exited with ${code} before ready`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const runs: number[] = [];
for (let i = 0; i < 3; i++) runs.push(await startupOnce());
const startup = median(runs);
console.log(`devnet startup to "devnet ready": median ${s(startup)} of [${runs.map(s).join(", ")}] (target < ${s(STARTUP_TARGET_MS)}) ${verdict(startup < STARTUP_TARGET_MS)}`);

record({ bench: "devnet-startup", figure: "startup to ready (median)", value: startup, unit: "ms", target: { op: "<", limit: STARTUP_TARGET_MS } });

const devnet = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, providerBasePort: 0 });
const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TENANT1.mnemonic, { prefix: "akash" });
const client = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, wallet, { registry: tenantRegistry(), gasPrice: GasPrice.fromString("0.025uakt"), broadcastPollIntervalMs: 100 });
const sdl = await sdlDeployment(corpusFile("memos.yaml"));
const token = await providerToken(TENANT1);
const auth = { Authorization: `Bearer ${token}` };
const owner = TENANT1.address;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Cycle {
  deployed: number;
  firstBid: number;
  leased: number;
  manifest: number;
  firstLog: number;
}

async function cycle(): Promise<Cycle> {
  const dseq = BigInt(await client.getHeight());
  const t0 = performance.now();
  const since = () => performance.now() - t0;
  const dep = await client.signAndBroadcast(owner, [createDeploymentMsg(owner, dseq, sdl, { denom: "uact", amount: "5000000" })], "auto");
  if (dep.code !== 0) throw new Error(`create deployment: ${dep.rawLog}`);
  const deployed = since();
  let bids: { id: BidIdJson; price: { amount: string } }[] = [];
  while (bids.length === 0) {
    if (since() > 60_000) throw new Error("no bid within 60 s");
    const r = (await (await fetch(`${devnet.endpoints.rest}/akash/market/v1beta5/bids/list?filters.owner=${owner}&filters.dseq=${dseq}&filters.state=open`)).json()) as { bids: { bid: (typeof bids)[number] }[] };
    bids = r.bids.map((b) => b.bid);
    if (bids.length === 0) await sleep(100);
  }
  const firstBid = since();
  const atomics = (a: string) => BigInt(Decimal.fromUserInput(a, 18).atomics);
  const cheapest = bids.sort((a, b) => (atomics(a.price.amount) < atomics(b.price.amount) ? -1 : 1))[0]!;
  const lease = await client.signAndBroadcast(owner, [createLeaseMsg(cheapest.id)], "auto");
  if (lease.code !== 0) throw new Error(`create lease: ${lease.rawLog}`);
  const leased = since();
  const provider = (await (await fetch(`${devnet.endpoints.rest}/akash/provider/v1beta4/providers/${cheapest.id.provider}`)).json()) as { provider: { host_uri: string } };
  const host = provider.provider.host_uri;
  const put = await request(`${host}/deployment/${dseq}/manifest`, { method: "PUT", body: sdl.manifestJson, headers: { ...auth, "Content-Type": "application/json" } });
  if (put.status !== 200) throw new Error(`manifest: ${put.status} ${put.body}`);
  const manifest = since();
  let firstLog = 0;
  const logs = await wsCollect(`${host}/lease/${dseq}/1/1/logs?follow=true`, {
    headers: auth,
    onFrame: (_f, ws) => {
      if (!firstLog) firstLog = since();
      ws.close(1000);
    },
  });
  if (!firstLog) throw new Error(`no log line (ws ${logs.status ?? logs.code} ${logs.body ?? logs.reason})`);
  const close = await client.signAndBroadcast(owner, [{ typeUrl: "/akash.deployment.v1beta4.MsgCloseDeployment", value: { id: { owner, dseq: dseq.toString() } } }], "auto");
  if (close.code !== 0) throw new Error(`close deployment: ${close.rawLog}`);
  return { deployed, firstBid, leased, manifest, firstLog };
}

try {
  const cycles: Cycle[] = [];
  for (let i = 0; i < CYCLES; i++) cycles.push(await cycle());
  const m = (k: keyof Cycle) => median(cycles.map((c) => c[k]));
  console.log(
    `create deployment (1 s blocks) -> included ${s(m("deployed"))}, first bid ${s(m("firstBid"))}, lease included ${s(m("leased"))}, ` +
      `manifest accepted ${s(m("manifest"))}, first log line ${s(m("firstLog"))} (medians of ${CYCLES})`,
  );
  const total = m("firstLog");
  record({ bench: "devnet-startup", figure: "create deployment -> first log (median)", value: total, unit: "ms", target: { op: "<", limit: CYCLE_TARGET_MS } });
  console.log(
    `create deployment -> first log line: median ${s(total)} of [${cycles.map((c) => s(c.firstLog)).join(", ")}] (target < ${s(CYCLE_TARGET_MS)}) ${verdict(total < CYCLE_TARGET_MS)}`,
  );
} finally {
  client.disconnect();
  await devnet.stop();
}
process.exit(0);
