/**
 * The devnet's log firehose through the console's provider proxy (the production console server: Next plus the
 * stream endpoint, in its own process) to a websocket client, for 30 s: lines/s delivered (target >= 20,000),
 * loss (target 0) and the console server's RSS at start and end (target: flat). The baseline, in the same run, is
 * the same client reading the provider's websocket directly.
 *
 * Loss is checked without trusting either side's counters: the devnet's firehose is a fixed cycle (pod = n mod
 * pods, line = (n >> 3) mod 64, so the whole stream repeats every 512 lines), so every line must equal the one
 * received 512 lines before it; a lost, duplicated or reordered line breaks the alignment from there on.
 *   flock /tmp/devnet-ports.lock npx tsx bench/provider-proxy.bench.ts
 */
import { TENANT1 } from "@/devnet/accounts";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import WebSocket from "ws";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { createRestClient } from "@/lib/chain/rest";
import { startDevnetFixture } from "@/test/support/devnet";
import { createProviderTokens } from "@/lib/provider-gateway/jwt";
import { STREAM_PATH } from "@/lib/provider-gateway/stream-protocol";
import { deployAndLease } from "@/test/support/deploy-and-lease";
import { adr36Doc } from "../test/support/adr36";
import { signInAs } from "./lib/console-session";
import { startConsole } from "./lib/next-server";
import { record } from "./lib/report";

const TARGET = 20_000;
const RATE = 60_000;
const WINDOW_MS = Number(process.env.PROXY_BENCH_SECONDS ?? 30) * 1000;
const WARMUP_MS = 2_000;
const CYCLE = 512;
const FLAT_MB = 32;

const log = (s: string) => console.log(`[provider-proxy] ${s}`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** counts lines after a warm-up and checks the firehose's cycle on every one of them */
function meter() {
  const ring: string[] = new Array(CYCLE);
  let n = 0;
  let counted = 0;
  let broken = -1;
  let counting = false;
  return {
    line(name: string, message: string) {
      const key = `${name}\n${message}`;
      if (n >= CYCLE && ring[n % CYCLE] !== key && broken < 0) broken = n;
      ring[n % CYCLE] = key;
      n++;
      if (counting) counted++;
    },
    start: () => (counting = true),
    result: () => ({ counted, total: n, broken }),
  };
}

async function measure(open: () => WebSocket, onMessage: (ws: WebSocket, data: Buffer, m: ReturnType<typeof meter>) => void, sample?: () => void) {
  const m = meter();
  const ws = open();
  ws.on("message", (d: Buffer) => onMessage(ws, d, m));
  await new Promise<void>((resolve, reject) => (ws.once("open", () => resolve()), ws.once("error", reject)));
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  sample?.();
  m.start();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const seconds = (performance.now() - t0) / 1000;
  const r = m.result();
  sample?.();
  ws.terminate();
  return { rate: r.counted / seconds, ...r };
}

async function main() {
  const fx = await startDevnetFixture({ logRate: 0 });
  let consoleServer: Awaited<ReturnType<typeof startConsole>> | undefined;
  try {
    await fx.fleet!.registered;
    const rest = createRestClient(fx.devnet.endpoints.rest);
    const provider = fx.fleet!.profiles[0]!.account.address;
    const providerUri = fx.devnet.endpoints.providers[provider]!;
    const leased = await deployAndLease(fx, rest, provider);

    process.env.NEXT_PUBLIC_NETWORK = "devnet";
    process.env.NEXT_PUBLIC_REST_URL = fx.devnet.endpoints.rest;
    process.env.NEXT_PUBLIC_RPC_URL = fx.devnet.endpoints.rpc;
    const port = await freePort();
    consoleServer = await startConsole(port);
    const session = await signInAs(consoleServer.url, TENANT1.mnemonic);
    const cookie = `${session.cookie.name}=${session.cookie.value}`;
    const wallet = await Secp256k1HdWallet.fromMnemonic(TENANT1.mnemonic, { prefix: "akash" });
    const tokens = createProviderTokens({
      address: session.address,
      signArbitrary: async (data) => (await wallet.signAmino(session.address, adr36Doc(session.address, data))).signature,
    });
    const token = await tokens.get(provider);

    // the manifest goes through the console's own route, as the browser sends it
    const put = await fetch(`${consoleServer.url}/api/providers/${provider}/deployments/${leased.lease.dseq}/manifest`, {
      method: "PUT",
      headers: { cookie, authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: leased.manifestJson,
    });
    if (!put.ok) throw new Error(`manifest PUT through the console: HTTP ${put.status} ${await put.text()}`);
    fx.fleet!.setLogRate(RATE);
    const { dseq, gseq, oseq } = leased.lease;

    log(`baseline: the provider's websocket read directly for ${WINDOW_MS / 1000} s (firehose ${RATE} lines/s)`);
    const direct = await measure(
      () => new WebSocket(`${providerUri.replace("https", "wss")}/lease/${dseq}/${gseq}/${oseq}/logs?follow=true&tail=0`, { headers: { authorization: `Bearer ${token}` }, rejectUnauthorized: false, perMessageDeflate: false }),
      (_ws, d, m) => {
        const f = JSON.parse(d.toString()) as { name: string; message: string };
        m.line(f.name, f.message);
      },
    );

    log(`through the console's proxy (${consoleServer.url}${STREAM_PATH}) for ${WINDOW_MS / 1000} s`);
    const rss: number[] = [];
    const proxied = await measure(
      () => {
        const ws = new WebSocket(`${consoleServer!.url.replace("http", "ws")}${STREAM_PATH}`, { headers: { cookie, origin: consoleServer!.url }, perMessageDeflate: false });
        ws.once("open", () => ws.send(JSON.stringify({ type: "open", token, kind: "logs", lease: leased.lease, tail: 0, follow: true })));
        return ws;
      },
      (ws, d, m) => {
        const msg = JSON.parse(d.toString()) as { type: string; frames?: { name: string; message: string }[]; message?: string };
        if (msg.type === "frames") for (const f of msg.frames!) m.line(f.name, f.message);
        else if (msg.type === "error") throw new Error(`the proxy refused: ${msg.message}`);
      },
      () => rss.push(rssMb(consoleServer!.pid)),
    );

    const ratio = proxied.rate / direct.rate;
    const loss = (r: { broken: number }) => (r.broken < 0 ? "0 (cycle intact)" : `cycle broken at line ${r.broken}`);
    log(`direct:  ${Math.round(direct.rate)} lines/s, ${direct.total} lines, loss ${loss(direct)}`);
    log(`proxied: ${Math.round(proxied.rate)} lines/s, ${proxied.total} lines, loss ${loss(proxied)}; ratio proxied/direct = ${ratio.toFixed(3)}`);
    log(`console server RSS: ${rss[0]!.toFixed(1)} MB at start of the window, ${rss[1]!.toFixed(1)} MB at its end`);
    const rate = record({ bench: "provider-proxy", figure: "log lines through the proxy", value: proxied.rate, unit: "lines/s", baseline: direct.rate, target: { op: ">=", limit: TARGET } });
    // a broken cycle is one place where a line was lost, duplicated or reordered (the first one found)
    const intact = record({ bench: "provider-proxy", figure: "lines lost, duplicated or reordered", value: proxied.broken < 0 ? 0 : 1, unit: "breaks", target: { op: "<=", limit: 0 } });
    const grew = record({ bench: "provider-proxy", figure: "console server RSS growth", value: rss[1]! - rss[0]!, unit: "MB", target: { op: "<", limit: FLAT_MB } });
    console.log(`${rate}: >= ${TARGET} lines/s through the proxy (${Math.round(proxied.rate)})`);
    console.log(`${intact}: no line lost, duplicated or reordered`);
    console.log(`${grew}: server RSS flat (grew ${(rss[1]! - rss[0]!).toFixed(1)} MB, limit ${FLAT_MB} MB)`);
  } finally {
    fx.fleet?.setLogRate(0);
    consoleServer?.stop();
    await fx.stop();
  }
}

await main();
