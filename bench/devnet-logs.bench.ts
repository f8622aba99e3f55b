/**
 * Firehose throughput of one simulated provider's log websocket: lines/s received by a ws client over 5 s
 * (target >= 20,000), against a baseline measured in the same run: a bare `ws` server on the same kind of TLS
 * socket sending pre-built frames as fast as the client drains them.
 */
import https from "node:https";
import WebSocket, { WebSocketServer } from "ws";
import { TENANT1, PROVIDER_ACCOUNTS } from "../devnet/accounts";
import { FakeChain } from "../devnet/test/support/fake-chain";
import { corpusSdl } from "../test/support/corpus";
import { request } from "../test/support/gateway-client";
import { manifestOf, providerToken, walletOf } from "../test/support/tenant";
import { generateCert } from "../devnet/provider/certs";
import { startProviders } from "../devnet/provider/start";
import { record } from "./lib/report";

const TARGET = 20_000;
const REQUESTED_RATE = 25_000;
const WINDOW_MS = 5_000;

function count(url: string, headers: Record<string, string>, windowMs: number): Promise<{ lines: number; seconds: number; bad: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, rejectUnauthorized: false, perMessageDeflate: false });
    let lines = 0;
    let bad = 0;
    let t0 = 0;
    ws.on("message", (d) => {
      if (!t0) {
        t0 = performance.now();
        setTimeout(() => {
          const seconds = (performance.now() - t0) / 1000;
          ws.terminate();
          resolve({ lines, seconds, bad });
        }, windowMs);
      }
      lines++;
      if ((lines & 1023) === 0) {
        try {
          JSON.parse(d.toString());
        } catch {
          bad++;
        }
      }
    });
    ws.on("error", reject);
  });
}

async function baseline(windowMs: number) {
  const cert = generateCert(PROVIDER_ACCOUNTS[0]!.address, "127.0.0.1");
  const server = https.createServer({ key: cert.keyPem, cert: cert.certPem });
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  const frame = JSON.stringify({ name: "web-6d4f7c9b8-x2k4q", message: '10.42.0.7 - - [25/Nov/2026:21:24:59 +0000] "GET /index.html HTTP/1.1" 200 615 "-" "curl/8.5.0"', service: "web" });
  wss.on("connection", (ws) => {
    const pump = () => {
      if (ws.readyState !== WebSocket.OPEN) return;
      while (ws.bufferedAmount < 4 * 1024 * 1024) ws.send(frame);
      setImmediate(pump);
    };
    pump();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const r = await count(`wss://127.0.0.1:${port}/`, {}, windowMs);
  for (const c of wss.clients) c.terminate();
  await new Promise<void>((res) => server.close(() => res()));
  return r;
}

async function main() {
  const chain = new FakeChain();
  const fleet = await startProviders(chain, { basePort: 0, host: "127.0.0.1", seed: 1, behaviours: false, readyDelayMs: 0 });
  try {
    const provider = PROVIDER_ACCOUNTS[0]!.address;
    const url = fleet.endpoints()[provider]!;
    chain.setPubkey(TENANT1.address, (await walletOf(TENANT1)).pubkey);
    const m = await manifestOf(corpusSdl("react.yaml"));
    chain.setDeployment(TENANT1.address, 1n, m.hash, m.groupSpecs);
    chain.createLease({ owner: TENANT1.address, dseq: 1n, gseq: 1, oseq: 1, provider, bseq: 0 });
    const token = await providerToken(TENANT1);
    const put = await request(`${url}/deployment/1/manifest`, { method: "PUT", body: m.json, headers: { Authorization: `Bearer ${token}` } });
    if (put.status !== 200) throw new Error(`manifest PUT: ${put.status} ${put.body}`);

    const base = await baseline(2_000);
    const baseRate = base.lines / base.seconds;

    fleet.setLogRate(REQUESTED_RATE);
    const wsUrl = `${url.replace("https", "wss")}/lease/1/1/1/logs?follow=true&tail=0`;
    const r = await count(wsUrl, { Authorization: `Bearer ${token}` }, WINDOW_MS);
    const rate = r.lines / r.seconds;
    console.log(`devnet logs firehose (setLogRate ${REQUESTED_RATE}): ${r.lines} lines in ${r.seconds.toFixed(2)} s = ${Math.round(rate)} lines/s`);
    console.log(`baseline bare ws over TLS: ${Math.round(baseRate)} lines/s; ratio gateway/baseline = ${(rate / baseRate).toFixed(3)}`);
    record({ bench: "devnet-logs", figure: "gateway log firehose", value: rate, unit: "lines/s", baseline: baseRate, target: { op: ">=", limit: TARGET }, valid: r.bad === 0 });
    if (r.bad) console.log(`WARNING: ${r.bad} sampled frames were not JSON`);
    console.log(`${rate >= TARGET && r.bad === 0 ? "PASS" : "MISS"}: target >= ${TARGET} lines/s`);
  } finally {
    await fleet.stop();
  }
}

await main();
