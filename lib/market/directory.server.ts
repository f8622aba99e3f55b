import "server-only";
import type { RestClient } from "@/lib/chain/rest";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { PROBE_HISTORY_MS, UPTIME_WINDOW_MS, type ProvidersRepository } from "@/lib/db/providers";
import { attributeValue, providerInfoFrom, uptimePercent } from "@/lib/market/provider-info";
import { probeStale, type DirectoryDeps } from "@/lib/market/provider-directory.server";
import { SingleFlightCache } from "@/lib/market/single-flight-cache";
import { storageClassesOf, type DirectoryAnswer } from "@/lib/market/directory";
import { inventoryDisagreements } from "@/lib/market/provider-status";
import { recentBidsOf, type RecentBid } from "@/lib/market/recent-bids";

/**
 * The server half of /api/providers/directory: every provider on chain (one list read and one audits read, cached
 * a minute per node, whatever the number of providers), its uptime over 24 h and 7 days from the console's own
 * probes, and a bounded number of probes per request (the stalest first), so the directory's cost does not grow
 * with the network: a network of 300 providers is probed over ~300 / PROBES_PER_REQUEST page views, every
 * PROBE_INTERVAL_MS at most per provider. Every open and active bid on chain is listed too (open ones every 10 s,
 * active ones every 5 min, on demand, without holding a request up for more than BIDS_WAIT_MS), so each provider
 * comes with its newest bids (recent-bids.ts) for the pre-screen's prices and its page, read once for every browser.
 */

export const PROBES_PER_REQUEST = 8;
const LIST_CACHE_MS = 60_000;
/** open bids come and go within a few blocks: a tenant who just posted an order sees its bids on a provider's page */
const OPEN_BIDS_CACHE_MS = 10_000;
/** the bids leases were made of change only as leases start and end, and are the larger list: read less often */
const ACTIVE_BIDS_CACHE_MS = 5 * 60_000;
/** how long a request waits for a bid list being read before answering with the previous one (or none yet) */
const BIDS_WAIT_MS = 2_000;

type ChainList = {
  providers: Awaited<ReturnType<RestClient["providers"]>>;
  audits: Awaited<ReturnType<RestClient["allAuditedAttributes"]>>;
  /** per provider; null when the node could not list them (the directory shows "unknown", not zero) */
  leases: Map<string, number> | null;
  readAt: Date;
};

/** what the directory reads from the chain, each list cached as long as it stays useful (one set per server) */
export interface DirectoryCaches {
  list: SingleFlightCache<ChainList>;
  openBids: SingleFlightCache<ChainBid[]>;
  activeBids: SingleFlightCache<ChainBid[]>;
}
export const directoryCaches = (): DirectoryCaches => ({
  list: new SingleFlightCache(LIST_CACHE_MS),
  openBids: new SingleFlightCache(OPEN_BIDS_CACHE_MS),
  activeBids: new SingleFlightCache(ACTIVE_BIDS_CACHE_MS),
});
const serverCaches = directoryCaches();

export interface LoadDirectoryDeps extends Pick<DirectoryDeps, "network" | "probe" | "waitMs" | "now"> {
  rest: Pick<RestClient, "providers" | "allAuditedAttributes" | "activeLeases" | "bidsInState">;
  repo: ProvidersRepository;
  source?: string;
  cache?: DirectoryCaches;
  probesPerRequest?: number;
  bidsWaitMs?: number;
}

const countBy = (items: readonly { id: { provider: string } }[]) => items.reduce((m, x) => m.set(x.id.provider, (m.get(x.id.provider) ?? 0) + 1), new Map<string, number>());

/**
 * Each provider's newest bids, open and active; recomputed only when one of the lists is another read (the footprints
 * themselves are cached per bid), so a directory request costs a map lookup.
 */
let recentMemo: { providers: ChainList["providers"]; open: ChainBid[]; active: ChainBid[]; byProvider: Map<string, RecentBid[]> } | null = null;
function recentByProvider(providers: ChainList["providers"], open: ChainBid[], active: ChainBid[]): Map<string, RecentBid[]> {
  if (recentMemo && recentMemo.providers === providers && recentMemo.open === open && recentMemo.active === active) return recentMemo.byProvider;
  const bidsBy = new Map<string, ChainBid[]>();
  for (const b of [...open, ...active]) {
    const own = bidsBy.get(b.id.provider);
    if (own) own.push(b);
    else bidsBy.set(b.id.provider, [b]);
  }
  const byProvider = new Map(providers.map((p) => [p.owner, recentBidsOf(bidsBy.get(p.owner) ?? [], p.attributes)]));
  recentMemo = { providers, open, active, byProvider };
  return byProvider;
}

/**
 * A bid list that never holds the directory up for long: the cached one while fresh; else a new read, waited for
 * at most `waitMs`, then the previous list (null before the first) while the read completes for the next request. A
 * read that fails also gives the previous list: a slow or failing node costs the bids' freshness, not the directory.
 */
async function bidList(cache: SingleFlightCache<ChainBid[]>, key: string, read: () => Promise<ChainBid[]>, waitMs: number): Promise<ChainBid[] | null> {
  const previous = cache.peek(key) ?? null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
  try {
    return await Promise.race([cache.get(key, read).catch(() => previous), late.then(() => previous)]);
  } finally {
    clearTimeout(timer);
  }
}

export async function loadDirectory(deps: LoadDirectoryDeps): Promise<DirectoryAnswer> {
  const now = deps.now ?? (() => new Date());
  const network = deps.network.id;
  const caches = deps.cache ?? serverCaches;
  const key = `${network}|${deps.source ?? ""}`;
  // the provider list is the directory; leases and bids only add to it, so their failure costs only those
  const [list, open, active] = await Promise.all([
    caches.list.get(key, async () => {
      const [providers, audits, leases] = await Promise.all([deps.rest.providers(), deps.rest.allAuditedAttributes(), deps.rest.activeLeases().then(countBy, () => null)]);
      return { providers, audits, leases, readAt: now() };
    }),
    bidList(caches.openBids, key, () => deps.rest.bidsInState("open"), deps.bidsWaitMs ?? BIDS_WAIT_MS),
    bidList(caches.activeBids, key, () => deps.rest.bidsInState("active"), deps.bidsWaitMs ?? BIDS_WAIT_MS),
  ]);
  const openCount = open ? countBy(open) : null;
  const recent = open && active ? recentByProvider(list.providers, open, active) : null;
  const owners = list.providers.map((p) => p.owner);
  const probed = await probeStale(list.providers, { ...deps, repo: deps.repo }, now, deps.probesPerRequest ?? PROBES_PER_REQUEST);
  const at = now().getTime();
  const [day, week, latest] = await Promise.all([
    deps.repo.uptimeCounts(network, owners, new Date(at - UPTIME_WINDOW_MS)),
    deps.repo.uptimeCounts(network, owners, new Date(at - PROBE_HISTORY_MS)),
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
      openBids: openCount ? (openCount.get(p.owner) ?? 0) : null,
      recentBids: recent ? (recent.get(p.owner) ?? []) : null,
      inventory: last?.ok ? last.inventory : null,
      disagreements: last?.ok && last.inventory ? inventoryDisagreements(info.gpus, last.inventory) : [],
    };
  });
  return { network, providers, readAt: list.readAt.toISOString() };
}
