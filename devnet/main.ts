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
    "no-providers": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log(`usage: npm run devnet -- [--state DIR] [--block-time MS] [--seed N] [--rpc-port P] [--rest-port P]
       [--provider-base-port P] [--admin-port P] [--log-rate N] [--no-providers]
env: DEVNET_STATE, DEVNET_BLOCK_TIME, DEVNET_SEED, DEVNET_RPC_PORT, DEVNET_REST_PORT, DEVNET_PROVIDER_BASE_PORT, DEVNET_ADMIN_PORT`);
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
