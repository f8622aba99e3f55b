/**
 * Devnet figures: (1) spawn of a fresh `devnet/main.ts` to its "devnet ready" line, median of 3 (target < 3 s);
 * (2) with the default 1 s blocks and the simulated providers, a corpus deployment to its first bid and to an
 * active lease (target < 15 s; the first log line is the provider gateway's part and is not timed here).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DirectSecp256k1HdWallet, Registry } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, defaultRegistryTypes } from "@cosmjs/stargate";
import { generateManifest, generateManifestVersion, yaml } from "@akashnetwork/chain-sdk";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { TENANT1 } from "../devnet/accounts";
import { startDevnet } from "../devnet/start";

const root = path.resolve(import.meta.dirname, "..");
const shared = process.env.SHARED_DIR ?? path.resolve(root, "../shared");

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
const verdict = (v: number, target: number) => (v < target ? "PASS" : "MISS");

const runs: number[] = [];
for (let i = 0; i < 3; i++) runs.push(await startupOnce());
const startup = median(runs);
console.log(`devnet startup to "devnet ready": median ${(startup / 1000).toFixed(2)} s of [${runs.map((r) => (r / 1000).toFixed(2)).join(", ")}] (target < 3 s) ${verdict(startup, 3000)}`);

const devnet = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, providerBasePort: 0 });
try {
  const registry = new Registry([...defaultRegistryTypes, [`/${v1beta4.MsgCreateDeployment.$type}`, v1beta4.MsgCreateDeployment as never], [`/${v1beta5.MsgCreateLease.$type}`, v1beta5.MsgCreateLease as never]]);
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TENANT1.mnemonic, { prefix: "akash" });
  const client = await SigningStargateClient.connectWithSigner(devnet.endpoints.rpc, wallet, { registry, gasPrice: GasPrice.fromString("0.025uakt"), broadcastPollIntervalMs: 250 });
  const sdl = yaml.template<any>(readFileSync(path.join(shared, "sdl-corpus", "akash-trainer.yaml"), "utf8"));
  const m = generateManifest(sdl);
  if (!m.ok) throw new Error("invalid SDL");
  const groups = m.value.groupSpecs; // human decimals: chain-sdk's patched codecs write the LegacyDec atomics
  const dseq = BigInt(Date.now());
  const t0 = performance.now();
  const res = await client.signAndBroadcast(TENANT1.address, [{ typeUrl: `/${v1beta4.MsgCreateDeployment.$type}`, value: v1beta4.MsgCreateDeployment.fromPartial({ id: { owner: TENANT1.address, dseq: dseq.toString() }, groups, hash: await generateManifestVersion(m.value.groups), deposit: { amount: { denom: "uakt", amount: "5000000" }, sources: [1] } }) }], "auto");
  if (res.code !== 0) throw new Error(`create deployment failed: ${res.rawLog}`);
  let firstBid: any;
  while (!firstBid && performance.now() - t0 < 60_000) {
    const r = (await (await fetch(`${devnet.endpoints.rest}/akash/market/v1beta5/bids/list?filters.owner=${TENANT1.address}&filters.dseq=${dseq}&filters.state=open`)).json()) as any;
    firstBid = r.bids?.[0]?.bid;
    if (!firstBid) await new Promise((r) => setTimeout(r, 100));
  }
  const tBid = performance.now() - t0;
  if (!firstBid) throw new Error("no bid within 60 s");
  const lease = await client.signAndBroadcast(TENANT1.address, [{ typeUrl: `/${v1beta5.MsgCreateLease.$type}`, value: v1beta5.MsgCreateLease.fromPartial({ bidId: firstBid.id }) }], "auto");
  const tLease = performance.now() - t0;
  console.log(`create deployment -> first bid: ${(tBid / 1000).toFixed(2)} s; -> active lease: ${(tLease / 1000).toFixed(2)} s (code ${lease.code}) (target < 15 s) ${verdict(tLease, 15000)}`);
  console.log("create deployment -> first log line: not measured here (needs the provider gateway's manifest and log stream)");
  client.disconnect();
} finally {
  await devnet.stop();
}
process.exit(0);
