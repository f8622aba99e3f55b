import "server-only";
import type { RestClient } from "@/lib/chain/rest";
import type { ProvidersRepository } from "@/lib/db/providers";
import { attributeValue, providerInfoFrom, uptimePercent } from "@/lib/market/provider-info";
import { probeStale, type DirectoryDeps } from "@/lib/market/provider-directory.server";
import { SingleFlightCache } from "@/lib/market/single-flight-cache";
import { storageClassesOf, type DirectoryAnswer } from "@/lib/market/directory";
import { inventoryDisagreements } from "@/lib/market/provider-status";

/**
 * The server half of /api/providers/directory: every provider on chain (one list read and one audits read, cached
 * a minute per node, whatever the number of providers), its uptime over 24 h and 7 days from the console's own
 * probes, and a bounded number of probes per request (the stalest first), so the directory's cost does not grow
 * with the network: a network of 300 providers is probed over ~300 / PROBES_PER_REQUEST page views, every
 * PROBE_INTERVAL_MS at most per provider.
 */

export const PROBES_PER_REQUEST = 8;
const DAY_MS = 24 * 60 * 60_000;
const LIST_CACHE_MS = 60_000;

type ChainList = {
  providers: Awaited<ReturnType<RestClient["providers"]>>;
  audits: Awaited<ReturnType<RestClient["allAuditedAttributes"]>>;
  /** per provider; null when the node could not list them (the directory shows "unknown", not zero) */
  leases: Map<string, number> | null;
  bids: Map<string, number> | null;
  readAt: Date;
};
const listCache = new SingleFlightCache<ChainList>(LIST_CACHE_MS);

export interface LoadDirectoryDeps extends Pick<DirectoryDeps, "network" | "probe" | "waitMs" | "now"> {
  rest: Pick<RestClient, "providers" | "allAuditedAttributes" | "activeLeases" | "openBids">;
  repo: ProvidersRepository;
  source?: string;
  cache?: SingleFlightCache<ChainList>;
  probesPerRequest?: number;
}

export async function loadDirectory(deps: LoadDirectoryDeps): Promise<DirectoryAnswer> {
  const now = deps.now ?? (() => new Date());
  const network = deps.network.id;
  const list = await (deps.cache ?? listCache).get(`${network}|${deps.source ?? ""}`, async () => {
    const countBy = (items: { id: { provider: string } }[]) => items.reduce((m, x) => m.set(x.id.provider, (m.get(x.id.provider) ?? 0) + 1), new Map<string, number>());
    // the provider list is the directory; leases and bids only add counts, so their failure costs only those
    const [providers, audits, leases, bids] = await Promise.all([
      deps.rest.providers(),
      deps.rest.allAuditedAttributes(),
      deps.rest.activeLeases().then(countBy, () => null),
      deps.rest.openBids().then(countBy, () => null),
    ]);
    return { providers, audits, leases, bids, readAt: now() };
  });
  const owners = list.providers.map((p) => p.owner);
  const probed = await probeStale(list.providers, { ...deps, repo: deps.repo }, now, deps.probesPerRequest ?? PROBES_PER_REQUEST);
  const at = now().getTime();
  const [day, week, latest] = await Promise.all([
    deps.repo.uptimeCounts(network, owners, new Date(at - DAY_MS)),
    deps.repo.uptimeCounts(network, owners, new Date(at - 7 * DAY_MS)),
    deps.repo.latestProbes(network, owners),
  ]);
  const providers = list.providers.map((p) => {
    const last = latest.get(p.owner) ?? null;
    const counts = day.get(p.owner);
    const info = providerInfoFrom({
      owner: p.owner,
      hostUri: p.hostUri,
      attributes: p.attributes,
      auditors: list.audits.filter((a) => a.owner === p.owner && a.attributes.length > 0).map((a) => a.auditor),
      probes: counts ? { ...counts, lastAt: last?.at ?? null } : null,
      tlsFingerprint256: probed.get(p.owner) ?? null,
    });
    return {
      ...info,
      uptime7d: uptimePercent(week.get(p.owner)),
      online: last ? last.ok : null,
      lastError: last && !last.ok ? last.error : null,
      storageClasses: storageClassesOf(info.attributes),
      ipLeases: attributeValue(info.attributes, "feat-endpoint-ip") === "true",
      tier: attributeValue(info.attributes, "tier"),
      activeLeases: list.leases ? (list.leases.get(p.owner) ?? 0) : null,
      openBids: list.bids ? (list.bids.get(p.owner) ?? 0) : null,
      inventory: last?.ok ? last.inventory : null,
      disagreements: last?.ok && last.inventory ? inventoryDisagreements(info.gpus, last.inventory) : [],
    };
  });
  return { network, providers, readAt: list.readAt.toISOString() };
}
