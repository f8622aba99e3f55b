/**
 * Captures real frames from a devnet provider's logs and kubeevents websockets into
 * test/data/devnet-capture/frames.json, the data the viewer's tests and the viewer benchmark replay.
 *
 * The scenario is the one the viewer must survive: a follow stream from the start (tail -1), dropped by the client
 * (as when the console's socket dies), a gap while the pods keep logging, a reopen with a small tail (the resume),
 * then the provider's whole history at that moment (follow=false, tail -1), the truth the resumed view must equal.
 * Events: a follow stream, and the reopened one (the provider sends every event again).
 *
 * Run: npx tsx test/support/capture-devnet-frames.ts (random ports, no lock needed). Output is deterministic in content
 * shape but not in timestamps: re-running changes the fixture, and the tests only rely on its structure.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import YAML from "yaml";
import { TENANT1, PROVIDER_ACCOUNTS } from "../../devnet/accounts";
import { FakeChain } from "../../devnet/test/support/fake-chain";
import { request } from "./gateway-client";
import { manifestOf, providerToken as tokenFor, walletOf } from "./tenant";
import { startProviders } from "../../devnet/provider/start";

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(here, "../data/devnet-capture/frames.json");
const RESUME_TAIL = 40;

// Three images whose simulated logs differ: nginx access lines (two replicas, so two pods to align separately),
// a Node service with ANSI colours, and postgres.
const SDL = `
version: "2.0"
services:
  web:
    image: nginx:1.27
    expose:
      - port: 80
        as: 80
        to:
          - global: true
  api:
    image: ghcr.io/acme/api:1.4.2
    expose:
      - port: 3000
        as: 80
        to:
          - global: true
  db:
    image: postgres:16
    expose:
      - port: 5432
        to:
          - service: api
profiles:
  compute:
    web: { resources: { cpu: { units: 0.1 }, memory: { size: 128Mi }, storage: { size: 128Mi } } }
    api: { resources: { cpu: { units: 0.5 }, memory: { size: 256Mi }, storage: { size: 256Mi } } }
    db: { resources: { cpu: { units: 0.5 }, memory: { size: 512Mi }, storage: { size: 1Gi } } }
  placement:
    dc:
      pricing:
        web: { denom: uact, amount: 1000 }
        api: { denom: uact, amount: 1000 }
        db: { denom: uact, amount: 1000 }
deployment:
  web: { dc: { profile: web, count: 2 } }
  api: { dc: { profile: api, count: 1 } }
  db: { dc: { profile: db, count: 1 } }
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Collects text frames until the server closes or `stopAfterMs` passes (then the client terminates: a drop). */
function collect(url: string, token: string, stopAfterMs?: number): Promise<{ frames: string[]; close: { code: number; reason: string } | "dropped" }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` }, rejectUnauthorized: false, perMessageDeflate: false });
    const frames: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    ws.on("open", () => {
      if (stopAfterMs !== undefined) timer = setTimeout(() => {
        ws.terminate();
        resolve({ frames, close: "dropped" });
      }, stopAfterMs);
    });
    ws.on("message", (d) => frames.push(d.toString()));
    ws.on("close", (code, reason) => {
      clearTimeout(timer);
      resolve({ frames, close: { code, reason: reason.toString() } });
    });
    ws.on("error", reject);
  });
}

const chain = new FakeChain();
const fleet = await startProviders(chain, { basePort: 0, host: "127.0.0.1", seed: 7, behaviours: false, readyDelayMs: 1500, logIntervalMs: 150 });
try {
  const provider = PROVIDER_ACCOUNTS[0]!.address;
  const url = fleet.endpoints()[provider]!;
  chain.setPubkey(TENANT1.address, (await walletOf(TENANT1)).pubkey);
  const m = await manifestOf(YAML.parse(SDL));
  chain.setDeployment(TENANT1.address, 1n, m.hash, m.groupSpecs);
  chain.createLease({ owner: TENANT1.address, dseq: 1n, gseq: 1, oseq: 1, provider, bseq: 0 });
  const token = await tokenFor(TENANT1);
  const put = await request(`${url}/deployment/1/manifest`, { method: "PUT", body: m.json, headers: { Authorization: `Bearer ${token}` } });
  if (put.status !== 200) throw new Error(`manifest PUT: ${put.status} ${put.body}`);

  const ws = (rest: string) => `${url.replace("https", "wss")}/lease/1/1/1/${rest}`;
  const eventsInitial = collect(ws("kubeevents?follow=true"), token, 6_000);
  await sleep(2_500);
  const initial = await collect(ws("logs?follow=true&tail=-1"), token, 4_000);
  await sleep(1_500); // the gap: pods keep logging while the viewer is disconnected
  const resume = await collect(ws(`logs?follow=true&tail=${RESUME_TAIL}`), token, 3_000);
  const truth = await collect(ws("logs?follow=false&tail=-1"), token);
  const events = await eventsInitial;
  const eventsResume = await collect(ws("kubeevents?follow=false"), token);

  const capture = {
    description: "Frames captured from the devnet provider gateway's websockets by test/support/capture-devnet-frames.ts",
    capturedAt: new Date().toISOString(),
    services: ["web", "api", "db"],
    logs: { initial: initial.frames, resumeTail: RESUME_TAIL, resume: resume.frames, truth: truth.frames, truthClose: truth.close },
    events: { initial: events.frames, resume: eventsResume.frames },
  };
  writeFileSync(OUT, JSON.stringify(capture, null, 1) + "\n");
  console.log(`wrote ${OUT}: logs ${initial.frames.length} + ${resume.frames.length} resumed (truth ${truth.frames.length}), events ${events.frames.length} + ${eventsResume.frames.length}`);
} finally {
  await fleet.stop();
}
