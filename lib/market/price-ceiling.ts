import { z } from "zod";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { gpuFiltersOf, gpusOffered, filterTakes, type KeyValue, type OfferedGpu } from "@/lib/market/gpu-attributes";
import { resourceQuantity } from "@/lib/market/no-bids";
import { decAtomics, decText } from "@/lib/market/price";
import type { GroupView } from "@/lib/sdl/check";

/**
 * The price ceiling against a provider's recent bids. A provider does not bid when its price for the order is above
 * the order's maximum (akash-network/provider bidengine: "Price too high, not bidding"), and its price comes from a
 * pricing script that grows with the resources. So when a provider recently bid, in the same denom, more than this
 * group's ceiling for no more resources than the group asks (CPU, memory, storage, leased IPs, and GPUs of the same
 * model), it will very likely ask more than the ceiling now: it is ruled out, citing that bid. Nothing is inferred
 * from a bid for more resources, or for GPUs whose model the bid does not pin down at that provider. Pure; money is
 * compared exactly (18-decimal atomics).
 *
 * Written here because no library models it: the chain checks a bid against the order only when the bid is placed.
 */

/** what a group or a bid takes, summed over its resource units times their count */
export interface Footprint {
  cpu: number;
  /** bytes, RAM volumes included (they take memory) */
  memory: number;
  /** bytes, ephemeral and persistent */
  storage: number;
  ips: number;
  /** GPUs by the one model they can be at this provider ("nvidia/h100"); "?" when the filter takes several */
  gpus: Map<string, number>;
}

export interface PriceEvidence {
  /** the group's ceiling per block, and the bid that asked more for no more resources */
  ceiling: string;
  bid: string;
  denom: string;
  dseq: string;
}

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
  const f: Footprint = { cpu: 0, memory: 0, storage: 0, ips: 0, gpus: new Map() };
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
      f.gpus.set(model, (f.gpus.get(model) ?? 0) + gpus);
    }
  }
  return f;
}

/** what a bid's resources offer takes at the provider that placed it; null when the offer cannot be read */
export function bidFootprint(bid: ChainBid, providerAttributes: readonly KeyValue[]): Footprint | null {
  return readBid(bid, providerAttributes).footprint;
}

/** what a group's resources take at a provider (GPU model pinned by what it offers) */
export function groupFootprint(g: GroupView, providerAttributes: readonly KeyValue[]): Footprint {
  return footprint(g.resources.map((r) => ({ resources: r.resource, count: r.count })), offeredBy(providerAttributes));
}

/** the single model of this provider the GPU filter takes, else "?" */
function onlyModel(attrs: readonly KeyValue[], offered: ReadonlyMap<string, OfferedGpu>): string {
  const filters = gpuFiltersOf(attrs);
  const models = [...offered.values()].filter((g) => filters.length === 0 || filters.some((f) => filterTakes(f, g)));
  return models.length === 1 ? models[0]!.key : "?";
}

/** the bid takes no more than the group: every resource, and GPUs only of a model pinned down in both */
function noMoreThan(bid: Footprint, group: Footprint): boolean {
  if (bid.cpu > group.cpu || bid.memory > group.memory || bid.storage > group.storage || bid.ips > group.ips) return false;
  for (const [model, n] of bid.gpus) if (model === "?" || n > (group.gpus.get(model) ?? 0)) return false;
  return true;
}

/** the group's maximum price per block (sum of price x count) in its one denom; null when it mixes denoms or has none */
export function groupCeiling(g: GroupView): { denom: string; atomics: bigint } | null {
  const denoms = new Set(g.resources.map((r) => r.price?.denom));
  if (denoms.size !== 1 || !g.resources[0]?.price) return null;
  try {
    const atomics = g.resources.reduce((sum, r) => sum + decAtomics(r.price.amount) * BigInt(r.count), 0n);
    return { denom: g.resources[0].price.denom, atomics };
  } catch {
    return null; // an amount chain-sdk would not have let through; the SDL check reports it
  }
}

/**
 * A bid read once: its price as atomics and its footprint at its provider. The pre-screen runs on every keystroke
 * against the same bids, so each bid object is parsed (zod, Decimal) once, not once per keystroke x group; the entry
 * is redone only when the provider's attributes (another array) changed.
 */
interface ReadBid {
  attributes: readonly KeyValue[];
  asked: bigint | null;
  footprint: Footprint | null;
}
const readBids = new WeakMap<ChainBid, ReadBid>();
const ceilings = new WeakMap<GroupView, ReturnType<typeof groupCeiling>>();
const offeredCache = new WeakMap<readonly KeyValue[], Map<string, OfferedGpu>>();

function offeredBy(attributes: readonly KeyValue[]): Map<string, OfferedGpu> {
  let offered = offeredCache.get(attributes);
  if (!offered) offeredCache.set(attributes, (offered = gpusOffered(attributes)));
  return offered;
}

function readBid(bid: ChainBid, attributes: readonly KeyValue[]): ReadBid {
  const cached = readBids.get(bid);
  if (cached && cached.attributes === attributes) return cached;
  let asked: bigint | null = null;
  try {
    asked = decAtomics(bid.price.amount);
  } catch {
    // a price that is not a DecCoin says nothing
  }
  const offer = offerSchema.safeParse(bid.resourcesOffer);
  // an offer we cannot read says nothing either
  const read = { attributes, asked, footprint: offer.success ? footprint(offer.data, offeredBy(attributes)) : null };
  readBids.set(bid, read);
  return read;
}

/**
 * The bid of this provider, among its recent ones, that asked more than the group's ceiling for no more resources
 * (the one asking the most); null when none did, so nothing speaks against it.
 */
export function bidAboveCeiling(g: GroupView, providerAttributes: readonly KeyValue[], recent: readonly ChainBid[]): PriceEvidence | null {
  if (recent.length === 0) return null;
  let ceiling = ceilings.get(g);
  if (ceiling === undefined) ceilings.set(g, (ceiling = groupCeiling(g)));
  if (!ceiling) return null;
  let wanted: Footprint | null = null;
  let worst: { bid: ChainBid; atomics: bigint } | null = null;
  for (const bid of recent) {
    if (bid.price.denom !== ceiling.denom) continue;
    const { asked, footprint: took } = readBid(bid, providerAttributes);
    if (asked === null || took === null || asked <= ceiling.atomics || (worst && asked <= worst.atomics)) continue;
    wanted ??= footprint(g.resources.map((r) => ({ resources: r.resource, count: r.count })), offeredBy(providerAttributes));
    if (noMoreThan(took, wanted)) worst = { bid, atomics: asked };
  }
  return worst ? { ceiling: decText(ceiling.atomics), bid: decText(worst.atomics), denom: ceiling.denom, dseq: worst.bid.id.dseq } : null;
}

function sameFootprint(a: Footprint, b: Footprint): boolean {
  if (a.cpu !== b.cpu || a.memory !== b.memory || a.storage !== b.storage || a.ips !== b.ips || a.gpus.size !== b.gpus.size) return false;
  for (const [model, n] of a.gpus) if (model === "?" || b.gpus.get(model) !== n) return false;
  return true;
}

/**
 * What providers recently asked for exactly a group's resources: their recent bids whose offer equals the group's
 * footprint at that provider (GPU model pinned), for an idea of the price before any bid; [] when none did.
 */
export function bidsForSameResources(g: GroupView, providers: readonly { attributes: readonly KeyValue[]; recentBids?: readonly ChainBid[] }[]): ChainBid[] {
  const out: ChainBid[] = [];
  for (const p of providers) {
    if (!p.recentBids?.length) continue;
    const wanted = groupFootprint(g, p.attributes);
    for (const bid of p.recentBids) {
      const took = readBid(bid, p.attributes).footprint;
      if (took && sameFootprint(took, wanted)) out.push(bid);
    }
  }
  return out;
}
