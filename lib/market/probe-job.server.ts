import "server-only";
import type { RestClient } from "@/lib/chain/rest";
import type { ProvidersRepository } from "@/lib/db/providers";
import { probeStale, type DirectoryDeps } from "@/lib/market/provider-directory.server";

/**
 * The console's own samples of every provider's `/status`, taken whether or not anyone looks: every `tickMs` the
 * providers on chain are listed and those whose last probe is older than PROBE_INTERVAL_MS (never probed first,
 * then the stalest) are probed, at most `perTick` of them, each result stored per provider (claimed in the
 * database, so several instances share one schedule). A bounded rate: `perTick` probes per `tickMs`, whatever the
 * network's size; 8 every 30 s reach 300 providers about every 19 minutes, 6 providers every 5 minutes. The
 * directory's uptime over 24 h and 7 days is counted from these samples (page views only add a few when due).
 * Started by the console's server (server.ts); a round never overlaps the previous one.
 */

export const PROBE_TICK_MS = 30_000;
export const PROBES_PER_TICK = 8;

export interface ProbeJobDeps extends Pick<DirectoryDeps, "network" | "probe" | "now"> {
  rest: Pick<RestClient, "providers">;
  repo: ProvidersRepository;
  tickMs?: number;
  perTick?: number;
  /** where a failed round is said (once per distinct failure, not every tick) */
  log?: (line: string) => void;
}

/** one round: the providers on chain, and the due ones probed (at most perTick), waited for within the tick */
export async function probeRound(deps: ProbeJobDeps): Promise<void> {
  const providers = await deps.rest.providers();
  await probeStale(providers, { ...deps, waitMs: deps.tickMs ?? PROBE_TICK_MS }, deps.now ?? (() => new Date()), deps.perTick ?? PROBES_PER_TICK);
}

export function startProbeJob(deps: ProbeJobDeps): { stop: () => void; idle: () => Promise<void> } {
  const log = deps.log ?? ((line: string) => console.error(line));
  let round: Promise<void> | null = null;
  let stopped = false;
  let lastFailure: string | null = null;
  const run = () => {
    if (round || stopped) return;
    round = probeRound(deps)
      .then(() => {
        if (lastFailure) log("[providers] probe rounds work again");
        lastFailure = null;
      })
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        if (message !== lastFailure) log(`[providers] a probe round failed: ${message}`);
        lastFailure = message;
      })
      .finally(() => (round = null));
  };
  const timer = setInterval(run, deps.tickMs ?? PROBE_TICK_MS);
  timer.unref(); // the job never keeps the process alive
  run();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
    /** the round under way, if any (for tests and a clean shutdown) */
    idle: async () => {
      await round;
    },
  };
}
