import { z } from "zod";
import { providerInfoSchema, type ProviderInfo } from "@/lib/market/provider-info";
import { inventorySchema } from "@/lib/market/provider-status";
import { recentBidSchema } from "@/lib/market/recent-bids";

/**
 * The provider directory (/providers): every provider on chain with what the console knows of it, and the pure
 * filters the page applies. Storage classes, IP leases and tier come from the provider's own attributes
 * (capabilities/storage/<n>/class|persistent, feat-endpoint-ip, tier), as providers publish them.
 */

export const directoryEntrySchema = providerInfoSchema.extend({
  /** share of successful probes over 7 days, 0..100; null before the first probe */
  uptime7d: z.number().min(0).max(100).nullable(),
  /** the last finished probe answered; null when never probed */
  online: z.boolean().nullable(),
  /** why the last probe failed ("no answer within 5 s", "HTTP 500"); null when it succeeded */
  lastError: z.string().nullable(),
  storageClasses: z.array(z.object({ name: z.string(), persistent: z.boolean() })),
  ipLeases: z.boolean(),
  tier: z.string().nullable(),
  /** its active leases on chain now; null when the node could not list them */
  activeLeases: z.number().int().nonnegative().nullable(),
  /** its open bids on chain now (bids awaiting the tenant); null when the node could not list them */
  openBids: z.number().int().nonnegative().nullable(),
  /** its newest open and active bids, reduced to price and footprint (recent-bids.ts); null when the server has no list of the bids (yet) */
  recentBids: z.array(recentBidSchema).nullable(),
  /** free capacity from its last successful /status; null when it reports none or was never reached */
  inventory: inventorySchema.nullable(),
  /** where that status contradicts its attributes (provider-status.ts inventoryDisagreements); empty when it agrees */
  disagreements: z.array(z.string()),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directoryAnswerSchema = z.object({
  network: z.string(),
  providers: z.array(directoryEntrySchema),
  /** when the chain's list was read (ISO); the list is cached a minute on the server */
  readAt: z.string(),
});
export type DirectoryAnswer = z.infer<typeof directoryAnswerSchema>;

const STORAGE_CLASS = /^capabilities\/storage\/(\d+)\/class$/;

export function storageClassesOf(attributes: ProviderInfo["attributes"]): DirectoryEntry["storageClasses"] {
  const out: DirectoryEntry["storageClasses"] = [];
  for (const a of attributes) {
    const m = STORAGE_CLASS.exec(a.key);
    if (!m || !a.value.trim()) continue;
    const persistent = attributes.some((b) => b.key === `capabilities/storage/${m[1]}/persistent` && b.value === "true");
    if (!out.some((c) => c.name === a.value)) out.push({ name: a.value.trim(), persistent });
  }
  return out;
}

export interface DirectoryFilters {
  search: string;
  region: string;
  /** "vendor/model", or "" for any */
  gpuModel: string;
  storageClass: string;
  auditedOnly: boolean;
  onlineOnly: boolean;
  ipLeasesOnly: boolean;
}

export const NO_DIRECTORY_FILTERS: DirectoryFilters = { search: "", region: "", gpuModel: "", storageClass: "", auditedOnly: false, onlineOnly: false, ipLeasesOnly: false };

export const gpuLabel = (g: { vendor: string; model: string }) => `${g.vendor} ${g.model}`;
export const gpuValue = (g: { vendor: string; model: string }) => `${g.vendor}/${g.model}`;

export function filterDirectory(entries: readonly DirectoryEntry[], f: DirectoryFilters): DirectoryEntry[] {
  const q = f.search.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (!q || [e.name, e.owner, e.hostUri, e.region ?? "", e.location ?? "", ...e.gpus.map(gpuLabel)].some((s) => s.toLowerCase().includes(q))) &&
      (!f.region || e.region === f.region) &&
      (!f.gpuModel || e.gpus.some((g) => gpuValue(g) === f.gpuModel)) &&
      (!f.storageClass || e.storageClasses.some((c) => c.name === f.storageClass)) &&
      (!f.auditedOnly || e.auditedBy.length > 0) &&
      (!f.onlineOnly || e.online === true) &&
      (!f.ipLeasesOnly || e.ipLeases),
  );
}

export type DirectorySortKey = "name" | "region" | "gpus" | "uptime24h" | "uptime7d" | "activeLeases";

/** sorts a copy; unknown values (no region, never probed) last whatever the direction */
export function sortDirectory(entries: readonly DirectoryEntry[], key: DirectorySortKey, dir: "ascending" | "descending"): DirectoryEntry[] {
  const value = (e: DirectoryEntry): string | number | null =>
    key === "name" ? e.name.toLowerCase() : key === "region" ? e.region : key === "gpus" ? e.gpus.length || null : e[key];
  const sign = dir === "ascending" ? 1 : -1;
  return [...entries].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return (va < vb ? -1 : va > vb ? 1 : 0) * sign || a.name.localeCompare(b.name);
  });
}

/** the distinct values the filters offer, from the entries themselves */
export function directoryOptions(entries: readonly DirectoryEntry[]) {
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  const gpus = new Map<string, string>();
  for (const e of entries) for (const g of e.gpus) gpus.set(gpuValue(g), gpuLabel(g));
  return {
    regions: uniq(entries.flatMap((e) => (e.region ? [e.region] : []))),
    gpuModels: [...gpus].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label })),
    storageClasses: uniq(entries.flatMap((e) => e.storageClasses.map((c) => c.name))),
  };
}
