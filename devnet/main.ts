/**
 * `npm run devnet`: a local Akash network in the foreground. Prints "devnet ready" and then one JSON line
 * with the endpoints. Ctrl-C / SIGTERM stops it (and writes the state snapshot when --state is given).
 */
import { parseArgs } from "node:util";
import { startDevnet } from "./start";

const { values } = parseArgs({
  options: {
    state: { type: "string" },
    "block-time": { type: "string" },
    seed: { type: "string" },
    host: { type: "string" },
    "rpc-port": { type: "string" },
    "rest-port": { type: "string" },
    "provider-base-port": { type: "string" },
    "admin-port": { type: "string" },
    "log-rate": { type: "string" },
    "ping-interval": { type: "string" },
    "no-providers": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log(`usage: npm run devnet -- [--state DIR] [--block-time MS] [--seed N] [--rpc-port P] [--rest-port P]
       [--provider-base-port P] [--admin-port P] [--log-rate N] [--ping-interval MS] [--no-providers]
env: DEVNET_STATE, DEVNET_BLOCK_TIME, DEVNET_SEED, DEVNET_RPC_PORT, DEVNET_REST_PORT, DEVNET_PROVIDER_BASE_PORT, DEVNET_ADMIN_PORT,
     DEVNET_PING_INTERVAL

admin endpoint (JSON bodies; "provider" is a provider's akash1... address):
  GET  /health                      height, stall state, provider count
  POST /chain/stall {stalled?}      stop (or resume) block production;  POST /chain/unstall;  POST /chain/block
  POST /log-rate {linesPerSecond}   firehose rate of follow log streams (0 = realistic pace)
  POST /fault {provider, fault}     fault: down | http500 | late-bids | no-bids | drop-streams | expired-cert
                                    | unregistered-cert | null
  POST /fault/drop-logs {provider, afterFrames, streams?=1}   next log streams end abruptly after N frames
  POST /fault/manifest-500 {provider, times?=1}               next manifests answer 500
  POST /fault/stall-status {provider, ms}                     lease/service status answers wait ms (0 = off)
  POST /fault/huge-log-line {provider, bytes?=10485760}       one huge line to open follow streams (or the next)
  POST /fault/shell-failure {provider, times?=1}              next shells end with failure frame 103
  POST /fault/kube-unavailable {provider, on?=true}           status 503, streams close 4002
  POST /fault/clear {provider}                                all of the above and the fault mode off
  GET  /faults                      every provider's faults
  POST /deployments/seed {owner, count, leased?=0, deposit?="5000000", price?="100", manifest?=true}
                                    count deployments of owner in a few blocks, leases on the first leased`);
  process.exit(0);
}

function num(flag: string | undefined, env: string, fallback: number): number {
  const raw = flag ?? process.env[env];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`devnet: ${env.toLowerCase()} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

const devnet = await startDevnet({
  host: values.host ?? process.env.DEVNET_HOST ?? "127.0.0.1",
  stateDir: values.state ?? process.env.DEVNET_STATE ?? undefined,
  blockTimeMs: num(values["block-time"], "DEVNET_BLOCK_TIME", 1000),
  seed: num(values.seed, "DEVNET_SEED", 1),
  rpcPort: num(values["rpc-port"], "DEVNET_RPC_PORT", 26657),
  restPort: num(values["rest-port"], "DEVNET_REST_PORT", 1317),
  providerBasePort: num(values["provider-base-port"], "DEVNET_PROVIDER_BASE_PORT", 8443),
  adminPort: num(values["admin-port"], "DEVNET_ADMIN_PORT", 26660),
  logRate: values["log-rate"] ? Number(values["log-rate"]) : undefined,
  pingIntervalMs: num(values["ping-interval"], "DEVNET_PING_INTERVAL", 10_000),
  providers: !values["no-providers"],
});

console.log("devnet ready");
console.log(JSON.stringify(devnet.endpoints));

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`devnet: ${signal}, stopping`);
  await devnet.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
