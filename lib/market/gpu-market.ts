import { normalizeBidPrice } from "@/lib/market/price";
import type { Inventory } from "@/lib/market/provider-status";
import type { RecentBid } from "@/lib/market/recent-bids";
import { gpusOffered } from "@/lib/market/gpu-attributes";

/**
 * The GPU marketplace (/gpus): per GPU model (vendor, model, memory, interface), the providers that offer it
 * (from their attributes capabilities/gpu/vendor/<v>/model/<m>[/ram/<r>][/interface/<i>]) and the price per
 * GPU-hour of their recent bids (open, and those leases were made of: recent-bids.ts). A bid's price goes to a model
 * only when its footprint pins its GPUs to one model at that provider (footprint.ts: the provider offers exactly
 * one model the SDL's filter takes), so an ambiguous bid never lends its price to the wrong GPU. Pure; money from
 * exact DecCoin strings.
 */

export interface GpuProvider {
  owner: string;
  attributes: readonly { key: string; value: string }[];
  online: boolean | null;
  /** free capacity from its last /status, when it reported one */
  inventory?: Inventory | null;
  /** its newest bids from the directory; null when the node could not list them */
  recentBids?: readonly RecentBid[] | null;
}

export interface GpuModelRow {
  /** "nvidia/h100" */
  key: string;
  vendor: string;
  model: string;
  memory: string[];
  interfaces: string[];
  providers: number;
  providersOnline: number;
  /** free GPUs of this model in the providers' last /status; null when none of its providers reported capacity */
  availableNow: number | null;
  /** recent bids whose price counted for this model */
  bids: number;
  /** USD per GPU-hour; null when no bid counted or the token has no USD rate */
  minUsdPerGpuHour: number | null;
  medianUsdPerGpuHour: number | null;
}

/** the one model a bid's GPUs are of, and how many; null for a bid without GPUs or whose model is not pinned down */
export function gpusOfBid(bid: RecentBid): { model: string; count: number } | null {
  const models = Object.entries(bid.footprint?.gpus ?? {}).filter(([, n]) => n > 0);
  if (models.length !== 1 || models[0]![0] === "?") return null;
  return { model: models[0]![0], count: models[0]![1] };
}

export function gpuMarket(providers: readonly GpuProvider[], ctx: { averageBlockTimeSeconds: number; aktUsd: number | null }): GpuModelRow[] {
  const rows = new Map<string, GpuModelRow & { prices: number[] }>();
  for (const p of providers) {
    const offered = gpusOffered(p.attributes);
    for (const [key, o] of offered) {
      const row = rows.get(key) ?? { key, vendor: o.vendor, model: o.model, memory: [], interfaces: [], providers: 0, providersOnline: 0, availableNow: null, bids: 0, minUsdPerGpuHour: null, medianUsdPerGpuHour: null, prices: [] };
      row.providers += 1;
      if (p.online) row.providersOnline += 1;
      const free = p.inventory ? freeGpus(p.inventory, key, offered.size) : null;
      if (free !== null) row.availableNow = (row.availableNow ?? 0) + free;
      row.memory = [...new Set([...row.memory, ...o.memory])].sort();
      row.interfaces = [...new Set([...row.interfaces, ...o.interfaces])].sort();
      rows.set(key, row);
    }
  }
  for (const bid of providers.flatMap((p) => p.recentBids ?? [])) {
    const gpus = gpusOfBid(bid);
    const row = gpus && rows.get(gpus.model);
    if (!gpus || !row) continue;
    const usd = normalizeBidPrice(bid.price, { ...ctx, gpuCount: gpus.count }).usdPerGpuHour;
    row.bids += 1;
    if (usd !== null) row.prices.push(usd);
  }
  return [...rows.values()]
    .map(({ prices, ...row }) => {
      const sorted = [...prices].sort((a, b) => a - b);
      return { ...row, minUsdPerGpuHour: sorted[0] ?? null, medianUsdPerGpuHour: median(sorted) };
    })
    .sort((a, b) => a.vendor.localeCompare(b.vendor) || a.model.localeCompare(b.model));
}

/**
 * Free GPUs of one model in an inventory: by model where the nodes say which; a node that gives only a count is
 * counted for the model only when the provider advertises a single GPU model (else it is not known which).
 */
function freeGpus(inv: Inventory, key: string, modelsAdvertised: number): number {
  let free = 0;
  for (const n of inv.nodes) {
    const byModel = Object.entries(n.gpus);
    if (byModel.length > 0) free += n.gpus[key] ?? 0;
    else if (modelsAdvertised === 1) free += n.gpu;
  }
  return free;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
