import { z } from "zod";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { gpuFiltersOf, gpusOffered, filterTakes, type KeyValue, type OfferedGpu } from "@/lib/market/gpu-attributes";
import { resourceQuantity } from "@/lib/market/no-bids";
import type { GroupView } from "@/lib/sdl/check";

/**
 * What a group, or a bid's resources offer, takes at a provider: CPU, memory, storage, leased IPs and GPUs by the one
 * model they can be there. The price rules (price-ceiling.ts), the cloud comparison and the provider's recent bids
 * all compare footprints. Plain data (JSON as it is), so the console server can compute a bid's footprint once and
 * send it with the directory. Pure.
 */
export interface Footprint {
  /** millicores */
  cpu: number;
  /** bytes, RAM volumes included (they take memory) */
  memory: number;
  /** bytes, ephemeral and persistent */
  storage: number;
  ips: number;
  /** GPUs by the one model they can be at this provider ("nvidia/h100"); "?" when the filter takes several */
  gpus: Record<string, number>;
}

const count = z.number().finite().nonnegative();
export const footprintSchema = z.object({ cpu: count, memory: count, storage: count, ips: count, gpus: z.record(z.string(), count) });

/** ResourceValue.val: decimal text from the REST API; bytes of ASCII digits where chain-sdk's objects come from another realm (jsdom) */
const quantity = z.object({ val: z.union([z.string().regex(/^\d+$/), z.number().nonnegative(), z.record(z.string(), z.number().int().min(48).max(57))]) }).nullish();
const attributes = z.array(z.object({ key: z.string(), value: z.string() })).nullish();
const resourcesSchema = z.object({
  cpu: z.object({ units: quantity }).nullish(),
  memory: z.object({ quantity: quantity, size: quantity }).nullish(),
  storage: z.array(z.object({ quantity: quantity, size: quantity, attributes })).nullish(),
  gpu: z.object({ units: quantity, attributes }).nullish(),
  endpoints: z.array(z.object({ kind: z.union([z.string(), z.number()]).nullish() })).nullish(),
});
const offerSchema = z.array(z.object({ resources: resourcesSchema.nullish(), count: z.coerce.number().int().positive() })).min(1);

type Unit = z.infer<typeof resourcesSchema>;

const isLeasedIp = (kind: string | number | null | undefined) => kind === 2 || kind === "LEASED_IP";

function footprint(units: readonly { resources?: Unit | null; count: number }[], offered: ReadonlyMap<string, OfferedGpu>): Footprint {
  const f: Footprint = { cpu: 0, memory: 0, storage: 0, ips: 0, gpus: {} };
  for (const { resources: r, count } of units) {
    f.cpu += resourceQuantity(r?.cpu?.units) * count;
    f.memory += resourceQuantity(r?.memory?.quantity ?? r?.memory?.size) * count;
    for (const s of r?.storage ?? []) {
      const size = resourceQuantity(s.quantity ?? s.size) * count;
      if (s.attributes?.some((a) => a.key === "class" && a.value === "ram")) f.memory += size;
      else f.storage += size;
    }
    f.ips += (r?.endpoints ?? []).filter((e) => isLeasedIp(e.kind)).length * count;
    const gpus = resourceQuantity(r?.gpu?.units) * count;
    if (gpus > 0) {
      const model = onlyModel(r?.gpu?.attributes ?? [], offered);
      f.gpus[model] = (f.gpus[model] ?? 0) + gpus;
    }
  }
  return f;
}

/** the single model of this provider the GPU filter takes, else "?" */
function onlyModel(attrs: readonly KeyValue[], offered: ReadonlyMap<string, OfferedGpu>): string {
  const filters = gpuFiltersOf(attrs);
  const models = [...offered.values()].filter((g) => filters.length === 0 || filters.some((f) => filterTakes(f, g)));
  return models.length === 1 ? models[0]!.key : "?";
}

const offeredCache = new WeakMap<readonly KeyValue[], Map<string, OfferedGpu>>();

/** a provider's advertised GPUs, read once per attributes array (the pre-screen asks on every keystroke) */
export function offeredBy(attributes: readonly KeyValue[]): Map<string, OfferedGpu> {
  let offered = offeredCache.get(attributes);
  if (!offered) offeredCache.set(attributes, (offered = gpusOffered(attributes)));
  return offered;
}

const bidFootprints = new WeakMap<object, { attributes: readonly KeyValue[]; footprint: Footprint | null }>();

/** what a bid's resources offer takes at the provider that placed it; null when the offer cannot be read. Cached per bid. */
export function bidFootprint(bid: Pick<ChainBid, "resourcesOffer">, providerAttributes: readonly KeyValue[]): Footprint | null {
  const cached = bidFootprints.get(bid);
  if (cached && cached.attributes === providerAttributes) return cached.footprint;
  const offer = offerSchema.safeParse(bid.resourcesOffer);
  const f = offer.success ? footprint(offer.data, offeredBy(providerAttributes)) : null;
  bidFootprints.set(bid, { attributes: providerAttributes, footprint: f });
  return f;
}

/** what a group's resources take at a provider (GPU model pinned by what it offers) */
export function groupFootprint(g: GroupView, providerAttributes: readonly KeyValue[]): Footprint {
  return footprint(
    g.resources.map((r) => ({ resources: r.resource, count: r.count })),
    offeredBy(providerAttributes),
  );
}

/** a takes no more than b: every resource, and GPUs only of a model pinned down in both */
export function noMoreThan(a: Footprint, b: Footprint): boolean {
  if (a.cpu > b.cpu || a.memory > b.memory || a.storage > b.storage || a.ips > b.ips) return false;
  for (const [model, n] of Object.entries(a.gpus)) if (model === "?" || n > (b.gpus[model] ?? 0)) return false;
  return true;
}

/** a and b take exactly the same, GPUs of models pinned down in both */
export function sameFootprint(a: Footprint, b: Footprint): boolean {
  if (a.cpu !== b.cpu || a.memory !== b.memory || a.storage !== b.storage || a.ips !== b.ips) return false;
  const models = Object.entries(a.gpus);
  if (models.length !== Object.keys(b.gpus).length) return false;
  return models.every(([model, n]) => model !== "?" && b.gpus[model] === n);
}
