import { cloudPrice, CLOUDS, type Cloud, type CloudGpu, type CloudPrice, type CloudTable, CLOUD_TABLE } from "@/lib/market/cloud-prices";
import { gpuFiltersOf, type OfferedGpu } from "@/lib/market/gpu-attributes";
import type { Footprint } from "@/lib/market/footprint";
import { resourceQuantity } from "@/lib/market/no-bids";
import type { GroupView } from "@/lib/sdl/check";

/**
 * The same resources at the big clouds, per month, from the dated table (cloud-prices.ts): a GPU workload costs its
 * GPUs at the cloud's price per GPU-hour (a GPU instance's price includes the CPU and memory it comes with) plus its
 * storage; a CPU workload its vCPUs, memory and storage at the per-unit prices. A cloud without a figure for one of
 * them gets no total (and says which), never a partial one. Where several GPU models could serve (an SDL asking for
 * "h100 or a100"), the cheapest the cloud has is taken, so the saving shown is the smaller one.
 */

/** hours in the month the console's prices use (30.437 days, as lib/market/price.ts) */
export const HOURS_PER_MONTH = (30.437 * 86_400) / 3_600;
const GiB = 1024 ** 3;

/** GPUs of a workload: how many, and which cloud GPUs could stand for them (empty: none the table prices) */
export interface WorkloadGpus {
  count: number;
  /** "nvidia/h100", or "GPU" when the model is not known */
  label: string;
  candidates: CloudGpu[];
  /** the candidates are the closest the clouds have, not the same GPU (an RTX 4090) */
  closest: boolean;
}

export interface Workload {
  cpu: number;
  memory: number;
  storage: number;
  gpus: WorkloadGpus[];
}

export interface CloudCost {
  cloud: Cloud;
  usdPerMonth: number | null;
  /** why there is no total, when there is none */
  missing: string | null;
  /** the table's rows the total is made of */
  prices: CloudPrice[];
  closest: boolean;
}

/** the cloud GPUs an Akash GPU model compares with; `memory` as the provider or SDL writes it ("80Gi") */
export function cloudGpusFor(model: string, memory: readonly string[] = []): { candidates: CloudGpu[]; closest: boolean } {
  const m = model.toLowerCase();
  const mem = memory.map((x) => x.toLowerCase());
  if (m === "h100") return { candidates: ["h100"], closest: false };
  if (m === "a100") {
    if (mem.length > 0 && mem.every((x) => x === "40gi")) return { candidates: ["a100-40gb"], closest: false };
    if (mem.length > 0 && mem.every((x) => x === "80gi")) return { candidates: ["a100-80gb"], closest: false };
    return { candidates: ["a100-40gb", "a100-80gb"], closest: false };
  }
  if (m === "l40s") return { candidates: ["l40s"], closest: false };
  if (m === "l4") return { candidates: ["l4"], closest: false };
  // no cloud rents an RTX 4090: the Ada-generation data-centre GPUs are the closest they have
  if (m === "rtx4090") return { candidates: ["l40s", "l4"], closest: true };
  return { candidates: [], closest: false };
}

/** a group of an SDL as a workload: GPU candidates from every model its filter names (any model: none priced) */
export function workloadOfGroup(g: GroupView): Workload {
  const w: Workload = { cpu: 0, memory: 0, storage: 0, gpus: [] };
  for (const { resource: r, count } of g.resources) {
    w.cpu += resourceQuantity(r.cpu?.units) * count;
    w.memory += resourceQuantity(r.memory?.size) * count;
    for (const s of r.storage) {
      const size = resourceQuantity(s.size) * count;
      if (s.attributes?.some((a) => a.key === "class" && a.value === "ram")) w.memory += size;
      else w.storage += size;
    }
    const units = resourceQuantity(r.gpu?.units) * count;
    if (units > 0) {
      const filters = gpuFiltersOf(r.gpu?.attributes);
      const options = filters.filter((f) => f.model !== null).map((f) => cloudGpusFor(f.model!, f.ram ? [f.ram] : []));
      // a filter taking any model, or a model the table has no counterpart for, could be served by a GPU no cloud
      // prices here: comparing with the others would overstate the saving
      const comparable = options.length > 0 && options.length === filters.length && options.every((o) => o.candidates.length > 0);
      w.gpus.push({
        count: units,
        label: filters.map((f) => f.model ?? `${f.vendor} (any)`).join(" or ") || "GPU",
        candidates: comparable ? [...new Set(options.flatMap((o) => o.candidates))] : [],
        closest: comparable && options.some((o) => o.closest),
      });
    }
  }
  return w;
}

/** what a bid is for (its footprint at the provider) as a workload, with the provider's GPU memory per model */
export function workloadOfFootprint(f: Footprint, offered: ReadonlyMap<string, OfferedGpu>): Workload {
  return {
    cpu: f.cpu,
    memory: f.memory,
    storage: f.storage,
    gpus: Object.entries(f.gpus).map(([key, count]) => {
      const o = offered.get(key);
      const { candidates, closest } = o ? cloudGpusFor(o.model, [...o.memory]) : { candidates: [], closest: false };
      return { count, label: key === "?" ? "GPU" : key, candidates, closest };
    }),
  };
}

export function cloudCosts(w: Workload, t: CloudTable = CLOUD_TABLE): CloudCost[] {
  return CLOUDS.map((cloud) => costAt(cloud, w, t));
}

function costAt(cloud: Cloud, w: Workload, t: CloudTable): CloudCost {
  const prices: CloudPrice[] = [];
  const none = (missing: string): CloudCost => ({ cloud, usdPerMonth: null, missing, prices: [], closest: false });
  let usd = 0;
  let closest = false;
  if (w.gpus.length > 0) {
    for (const g of w.gpus) {
      const options = g.candidates.map((c) => cloudPrice(cloud, "gpu-hour", c, t)).filter((p): p is CloudPrice => p !== null);
      if (options.length === 0) return none(g.candidates.length ? `no confirmed price for ${g.label}` : `no comparable GPU for ${g.label}`);
      const cheapest = options.reduce((a, b) => (b.usd < a.usd ? b : a));
      prices.push(cheapest);
      usd += g.count * cheapest.usd * HOURS_PER_MONTH;
      closest ||= g.closest;
    }
  } else {
    const cpu = cloudPrice(cloud, "vcpu-hour", undefined, t);
    const memory = cloudPrice(cloud, "gb-memory-hour", undefined, t);
    if (!cpu || !memory) return none("no confirmed price per vCPU and GB of memory");
    prices.push(cpu, memory);
    usd += (w.cpu / 1000) * cpu.usd * HOURS_PER_MONTH + (w.memory / GiB) * memory.usd * HOURS_PER_MONTH;
  }
  if (w.storage > 0) {
    const storage = cloudPrice(cloud, "gb-storage-month", undefined, t);
    if (!storage) return none("no confirmed storage price");
    prices.push(storage);
    usd += (w.storage / GiB) * storage.usd;
  }
  return { cloud, usdPerMonth: usd, missing: null, prices, closest };
}

/** the sum of several workloads' costs per cloud (a deployment's groups); a cloud missing one has no total */
export function sumCloudCosts(costs: readonly CloudCost[][]): CloudCost[] {
  return CLOUDS.map((cloud) => {
    const mine = costs.map((c) => c.find((x) => x.cloud === cloud)!);
    const missing = mine.find((c) => c.usdPerMonth === null);
    if (missing) return { cloud, usdPerMonth: null, missing: missing.missing, prices: [], closest: false };
    return { cloud, usdPerMonth: mine.reduce((s, c) => s + c.usdPerMonth!, 0), missing: null, prices: [...new Set(mine.flatMap((c) => c.prices))], closest: mine.some((c) => c.closest) };
  });
}

/** saving of paying `akashUsd` per month instead of the cloud's cost: positive is cheaper on Akash */
export function savingAgainst(cost: CloudCost, akashUsd: number | null): { usd: number; share: number } | null {
  if (cost.usdPerMonth === null || akashUsd === null || cost.usdPerMonth <= 0) return null;
  const usd = cost.usdPerMonth - akashUsd;
  return { usd, share: usd / cost.usdPerMonth };
}
