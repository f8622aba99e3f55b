import { z } from "zod";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { normalizeBidPrice } from "@/lib/market/price";
import type { Inventory } from "@/lib/market/provider-status";
import { filterTakes, gpuFiltersOf, gpusOffered, type GpuFilter, type OfferedGpu } from "@/lib/market/gpu-attributes";

/**
 * The GPU marketplace (/gpus): per GPU model (vendor, model, memory, interface), the providers that offer it
 * (from their attributes capabilities/gpu/vendor/<v>/model/<m>[/ram/<r>][/interface/<i>]) and the price per
 * GPU-hour of the open bids on chain. A bid's GPUs are in its resources offer (units x count, with the SDL's GPU
 * filter as attributes); its price goes to a model only when the bidding provider offers exactly one model the
 * filter takes, so an ambiguous bid never lends its price to the wrong GPU. Pure; money from exact DecCoin strings.
 */

export interface GpuProvider {
  owner: string;
  attributes: readonly { key: string; value: string }[];
  online: boolean | null;
  /** free capacity from its last /status, when it reported one */
  inventory?: Inventory | null;
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
  /** open bids whose price counted for this model */
  bids: number;
  /** USD per GPU-hour; null when no bid counted or the token has no USD rate */
  minUsdPerGpuHour: number | null;
  medianUsdPerGpuHour: number | null;
}

const quantity = z.object({ val: z.union([z.string(), z.number()]) }).nullish();
const offerSchema = z.array(
  z.object({
    resources: z.object({ gpu: z.object({ units: quantity, attributes: z.array(z.object({ key: z.string(), value: z.string() })).nullish() }).nullish() }).nullish(),
    count: z.coerce.number().int().nonnegative(),
  }),
);

/** GPUs in a bid's resources offer, and the filters its GPUs carry ([] takes any); null when unreadable */
export function gpusOfBid(bid: Pick<ChainBid, "resourcesOffer">): { count: number; wanted: GpuFilter[] } | null {
  const offer = offerSchema.safeParse(bid.resourcesOffer);
  if (!offer.success) return null;
  let count = 0;
  const wanted: GpuFilter[] = [];
  for (const unit of offer.data) {
    const units = Number(unit.resources?.gpu?.units?.val ?? 0);
    if (!Number.isFinite(units) || units <= 0) continue;
    count += units * unit.count;
    wanted.push(...gpuFiltersOf(unit.resources?.gpu?.attributes));
  }
  return { count, wanted };
}

export function gpuMarket(providers: readonly GpuProvider[], bids: readonly ChainBid[], ctx: { averageBlockTimeSeconds: number; aktUsd: number | null }): GpuModelRow[] {
  const rows = new Map<string, GpuModelRow & { prices: number[] }>();
  const offeredBy = new Map<string, Map<string, OfferedGpu>>();
  for (const p of providers) {
    const offered = gpusOffered(p.attributes);
    offeredBy.set(p.owner, offered);
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
  for (const bid of bids) {
    const gpus = gpusOfBid(bid);
    if (!gpus || gpus.count === 0) continue;
    const candidates = [...(offeredBy.get(bid.id.provider)?.values() ?? [])].filter((g) => gpus.wanted.length === 0 || gpus.wanted.some((f) => filterTakes(f, g))).map((g) => g.key);
    if (candidates.length !== 1) continue; // no model, or ambiguous: its price would not say which GPU it is for
    const usd = normalizeBidPrice(bid.price, { ...ctx, gpuCount: gpus.count }).usdPerGpuHour;
    const row = rows.get(candidates[0]!)!;
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
