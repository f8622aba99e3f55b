import "server-only";
import type { RestClient } from "@/lib/chain/rest";
import { PROBE_INTERVAL_MS, type ProvidersRepository } from "@/lib/db/providers";
import { getServerEnv } from "@/lib/env/server";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import { probeProvider, type ProbeResult } from "@/lib/market/provider-probe.server";
import { providerInfoFrom, type ProviderInfo, type ProvidersAnswer } from "@/lib/market/provider-info";
import { SingleFlightCache } from "@/lib/market/single-flight-cache";
import { ssrfOptionsFor } from "@/lib/provider-gateway/ssrf.server";

/**
 * The server half of /api/providers: chain record + audits per provider (falling back to our last snapshot
 * when the node is down), uptime from our probes, and a probe of every provider whose last probe is older than
 * PROBE_INTERVAL_MS. The answer waits for those probes at most `waitMs`: a slow gateway must not slow the table,
 * its probe finishes in the background and counts from the next request on.
 */

/** A provider's chain record changes by transaction, rarely: a minute of staleness spares the node a read per page view. */
export const CHAIN_CACHE_MS = 60_000;

interface ChainRecord {
  hostUri: string;
  attributes: { key: string; value: string }[];
  auditors: string[];
}

/** per instance: chain reads per (network, provider), single-flight, so 50 callers asking at once cost one read */
const chainCache = new SingleFlightCache<ChainRecord | null>(CHAIN_CACHE_MS);

export interface DirectoryDeps {
  network: Pick<Network, "id">;
  rest: Pick<RestClient, "provider" | "auditedAttributes">;
  repo: ProvidersRepository;
  cache?: SingleFlightCache<ChainRecord | null>;
  /** the node the records come from (its REST URL): another node is another source, cached apart */
  source?: string;
  probe?: (hostUri: string) => Promise<ProbeResult>;
  waitMs?: number;
  now?: () => Date;
}

export const PROBE_WAIT_MS = 2_000;

interface Known {
  owner: string;
  hostUri: string;
  attributes: { key: string; value: string }[];
  auditors: string[];
  source: "chain" | "snapshot";
}

export async function loadProviderInfos(owners: readonly string[], deps: DirectoryDeps): Promise<ProvidersAnswer> {
  const network = deps.network.id;
  const now = deps.now ?? (() => new Date());
  const snapshots = await deps.repo.snapshots(network, owners);
  const unknown: string[] = [];
  const failures: AppError[] = [];

  const known = (
    await Promise.all(
      owners.map(async (owner): Promise<Known | null> => {
        try {
          const record = await (deps.cache ?? chainCache).get(`${network}|${deps.source ?? ""}|${owner}`, async () => {
            const [p, audits] = await Promise.all([deps.rest.provider(owner), deps.rest.auditedAttributes(owner)]);
            if (!p) return null;
            const r: ChainRecord = { hostUri: p.hostUri, attributes: p.attributes, auditors: audits.filter((a) => a.attributes.length > 0).map((a) => a.auditor) };
            // written only when it differs from what is stored: a page view must not be a database write
            const stored = snapshots.get(owner);
            if (!stored || stored.hostUri !== r.hostUri || !sameJson(stored.attributes, r.attributes) || !sameJson(stored.auditedBy, r.auditors)) {
              await deps.repo.saveSnapshot(network, { owner, hostUri: r.hostUri, attributes: r.attributes, auditedBy: r.auditors });
            }
            return r;
          });
          if (!record) {
            unknown.push(owner);
            return null;
          }
          return { owner, ...record, source: "chain" };
        } catch (err) {
          const snap = snapshots.get(owner);
          if (snap) return { owner, hostUri: snap.hostUri, attributes: snap.attributes, auditors: snap.auditedBy, source: "snapshot" };
          failures.push(isAppError(err) ? err : new AppError("internal", `Reading provider ${owner} failed.`, { cause: err }));
          unknown.push(owner);
          return null;
        }
      }),
    )
  ).filter((k): k is Known => k !== null);

  // nothing from the chain and nothing stored: say why instead of answering an empty list
  if (known.length === 0 && failures.length > 0) throw failures[0]!;

  const fingerprints = await probeStale(known, deps, now);
  const stats = await deps.repo.probeStats(network, known.map((k) => k.owner), now());
  const providers: ProviderInfo[] = known.map((k) =>
    providerInfoFrom({ ...k, probes: stats.get(k.owner) ?? null, tlsFingerprint256: fingerprints.get(k.owner) ?? null }),
  );
  return { network, providers, unknown };
}

/**
 * Probes the providers whose last probe is older than PROBE_INTERVAL_MS (never probed first, then the stalest),
 * at most `limit` of them, and waits for them at most `deps.waitMs`. Returns the TLS fingerprints seen.
 */
export async function probeStale(
  known: readonly Pick<Known, "owner" | "hostUri">[],
  deps: Pick<DirectoryDeps, "network" | "repo" | "probe" | "waitMs">,
  now: () => Date,
  limit = Infinity,
): Promise<Map<string, string>> {
  const network = deps.network.id;
  const last = await deps.repo.lastProbeAt(network, known.map((k) => k.owner));
  const age = (owner: string) => now().getTime() - (last.get(owner)?.getTime() ?? 0);
  const due = known
    .filter((k) => age(k.owner) >= PROBE_INTERVAL_MS)
    .sort((a, b) => age(b.owner) - age(a.owner))
    .slice(0, limit);
  const fingerprints = new Map<string, string>();
  if (due.length === 0) return fingerprints;

  const ssrf = ssrfOptionsFor(deps.network, getServerEnv().CONSOLE_ALLOW_LOOPBACK_PROVIDERS);
  const probe = deps.probe ?? ((hostUri: string) => probeProvider(hostUri, ssrf));
  const runs = due.map(async (k) => {
    const claim = await deps.repo.claimProbe(network, k.owner, now());
    if (!claim) return; // another request or instance is probing it
    const r = await probe(k.hostUri);
    await deps.repo.completeProbe(claim, r);
    if (r.tlsFingerprint256) fingerprints.set(k.owner, r.tlsFingerprint256);
  });
  const all = Promise.all(runs.map((p) => p.catch((err: unknown) => console.error("[providers] probe failed to record:", err))));
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([all, new Promise<void>((r) => (timer = setTimeout(r, deps.waitMs ?? PROBE_WAIT_MS)))]);
  clearTimeout(timer);
  return fingerprints;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
