import "server-only";
import { chainIdOfStatus, checkNodeChainId } from "@/lib/env/chain-id";
import { productionNetworkProblem, publicConfig } from "@/lib/env/public-config";
import { getServerEnv } from "@/lib/env/server";
import { getNetworkFromEnv, type Network } from "@/lib/networks";

/**
 * Checks a production server runs before it serves anything (instrumentation.ts). Fatal: a build that names no
 * network, an invalid server configuration (CONSOLE_ALLOW_LOOPBACK_PROVIDERS off the devnet…), NEXT_PUBLIC_*
 * variables that differ from what the build inlined, a node on another chain. A node that cannot be reached is
 * only a warning: the console still serves drafts, and the browser checks the chain again before signing.
 */
export interface StartCheckInput {
  /** the values the build inlined (process.env.NEXT_PUBLIC_* written out literally, see lib/networks.ts) */
  built: Record<string, string | undefined>;
  /** the server's environment now */
  runtime: Record<string, string | undefined>;
  production: boolean;
  network: Pick<Network, "id" | "chainId" | "rpcUrl">;
  fetchStatus: (url: string) => Promise<unknown>;
}

export interface StartCheckResult {
  fatal: string[];
  warnings: string[];
}

export async function startChecks(input: StartCheckInput): Promise<StartCheckResult> {
  const fatal: string[] = [];
  const warnings: string[] = [];
  if (input.production) {
    const problem = productionNetworkProblem(input.built);
    if (problem) fatal.push(problem);
  }
  const built = publicConfig(input.built);
  for (const [key, value] of Object.entries(publicConfig(input.runtime))) {
    if (built[key] !== value) fatal.push(`${key} is "${value}" here but the build has "${built[key] ?? "(unset)"}": NEXT_PUBLIC_* values are fixed at build time. Rebuild (npx next build) or unset it.`);
  }
  try {
    getServerEnv();
  } catch (err) {
    fatal.push(err instanceof Error ? err.message : String(err));
  }
  try {
    const reported = chainIdOfStatus(await input.fetchStatus(`${input.network.rpcUrl}/status`));
    if (reported === null) warnings.push(`The node at ${input.network.rpcUrl} answered /status without a chain id.`);
    else {
      const mismatch = checkNodeChainId(input.network, reported);
      if (mismatch) fatal.push(mismatch.message);
    }
  } catch (err) {
    warnings.push(`The node at ${input.network.rpcUrl} could not be reached to check its chain id (${err instanceof Error ? err.message : String(err)}); the browser checks it again before signing.`);
  }
  return { fatal, warnings };
}

export async function runStartChecks(): Promise<StartCheckResult> {
  return startChecks({
    built: {
      NEXT_PUBLIC_NETWORK: process.env.NEXT_PUBLIC_NETWORK,
      NEXT_PUBLIC_RPC_URL: process.env.NEXT_PUBLIC_RPC_URL,
      NEXT_PUBLIC_REST_URL: process.env.NEXT_PUBLIC_REST_URL,
    },
    // read by name at run time: written as process.env.X Next would inline the build's value instead
    runtime: Object.fromEntries(["NEXT_PUBLIC_NETWORK", "NEXT_PUBLIC_RPC_URL", "NEXT_PUBLIC_REST_URL"].map((k) => [k, readRuntime(k)])),
    production: process.env.NODE_ENV === "production",
    network: getNetworkFromEnv(),
    fetchStatus: async (url) => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).json(),
  });
}

function readRuntime(name: string): string | undefined {
  const env: Record<string, string | undefined> = process.env;
  return env[name];
}
