import { normalizeBidPrice, rankByPrice, type NormalizedPrice, type RankedPrice } from "@/lib/market/price";
import { resourceQuantity } from "@/lib/market/no-bids";
import { shortAddress } from "@/lib/chain/address";
import type { GroupView } from "@/lib/sdl/check";
import type { EnrichedBid } from "@/lib/market/enriched-bid";
import { cloudCosts, workloadOfFootprint, workloadOfGroup, type CloudCost } from "@/lib/market/cloud-compare";
import { gpusOffered } from "@/lib/market/gpu-attributes";
import { bidFootprint } from "@/lib/market/footprint";

/**
 * The table's model: bids of one group with their normalised prices, ranked against the cheapest, then filtered
 * and sorted. Pure, so the component only renders; money stays exact strings/bigints until formatted here.
 */

export type SortKey = "provider" | "region" | "gpu" | "audited" | "uptime" | "price";
export interface SortState {
  key: SortKey;
  dir: "ascending" | "descending";
}

export interface BidFilters {
  region: string;
  auditedOnly: boolean;
  gpuModel: string;
  /** USD per month, as typed; "" for no limit */
  maxUsdPerMonth: string;
}

export const NO_FILTERS: BidFilters = { region: "", auditedOnly: false, gpuModel: "", maxUsdPerMonth: "" };

export interface BidRow {
  key: string;
  bid: EnrichedBid;
  providerName: string;
  host: string;
  ownerShort: string;
  region: string | null;
  gpus: string[];
  auditors: string[];
  uptime: number | null;
  price: NormalizedPrice;
  ranked: RankedPrice<EnrichedBid>;
  /** the bid's resources at the big clouds: its offer at its provider (GPU model pinned), else the group's */
  clouds: CloudCost[];
}

/** The attribute that carries a bid row's key (bidKey) on its <tr>: the table sets it, tests and benches find rows by it. */
export const BID_ROW_KEY_ATTRIBUTE = "data-bid-key";

export function gpusOfGroup(group: GroupView): number {
  return group.resources.reduce((sum, r) => sum + resourceQuantity(r.resource.gpu?.units) * r.count, 0);
}

export function buildRows(bids: readonly EnrichedBid[], group: GroupView, ctx: { averageBlockTimeSeconds: number; aktUsd: number | null }): BidRow[] {
  const gpuCount = gpusOfGroup(group);
  const groupClouds = cloudCosts(workloadOfGroup(group));
  const ranked = rankByPrice(bids, (b) => normalizeBidPrice(b.price, { ...ctx, gpuCount }));
  return ranked.map((r) => {
    const p = r.item.provider;
    const owner = r.item.id.provider;
    // a provider's host URI is whatever it registered on chain; one that is not a URL is shown as it is
    const host = p ? (URL.canParse(p.hostUri) ? new URL(p.hostUri).host : p.hostUri) : "";
    return {
      key: r.item.key,
      bid: r.item,
      providerName: p?.name ?? shortAddress(owner),
      host,
      ownerShort: shortAddress(owner),
      region: p?.region ?? null,
      gpus: (p?.gpus ?? []).map((g) => `${g.vendor} ${g.model}`),
      auditors: (p?.auditedBy ?? []).map((a) => a.name ?? shortAddress(a.address)),
      uptime: p?.uptime24h ?? null,
      price: r.price,
      ranked: r,
      clouds: cloudsOfBid(r.item, groupClouds),
    };
  });
}

export function filterRows(rows: readonly BidRow[], f: BidFilters): BidRow[] {
  const max = f.maxUsdPerMonth.trim() === "" ? null : Number(f.maxUsdPerMonth);
  return rows.filter(
    (r) =>
      (!f.region || r.region === f.region) &&
      (!f.auditedOnly || r.auditors.length > 0) &&
      (!f.gpuModel || r.gpus.includes(f.gpuModel)) &&
      // a row whose USD price is unknown (AKT without a price source) is kept: it cannot be said to exceed the limit
      (max === null || !Number.isFinite(max) || r.price.usdPerMonth === null || r.price.usdPerMonth <= max),
  );
}

function comparePrice(a: BidRow, b: BidRow): number {
  if (a.price.denom === b.price.denom) return a.price.perBlockAtomics < b.price.perBlockAtomics ? -1 : a.price.perBlockAtomics > b.price.perBlockAtomics ? 1 : 0;
  // across denoms only USD compares; unknown USD sorts last
  return (a.price.usdPerMonth ?? Infinity) - (b.price.usdPerMonth ?? Infinity);
}

const text = (v: string | null) => v ?? "\uffff"; // missing values sort last ascending

export function sortRows(rows: readonly BidRow[], s: SortState): BidRow[] {
  const cmp: Record<SortKey, (a: BidRow, b: BidRow) => number> = {
    provider: (a, b) => a.providerName.localeCompare(b.providerName),
    region: (a, b) => text(a.region).localeCompare(text(b.region)),
    gpu: (a, b) => text(a.gpus[0] ?? null).localeCompare(text(b.gpus[0] ?? null)),
    audited: (a, b) => a.auditors.length - b.auditors.length,
    uptime: (a, b) => (a.uptime ?? -1) - (b.uptime ?? -1),
    price: comparePrice,
  };
  const sign = s.dir === "ascending" ? 1 : -1;
  // ties keep the price order, so "sort by region" still lists the cheapest first within a region
  return [...rows].sort((a, b) => sign * cmp[s.key](a, b) || comparePrice(a, b) || a.key.localeCompare(b.key));
}

/** "0.0123456789" -> "0.012346": string rounding to `decimals` places (half up), no float */
export function formatDecimal(value: string, decimals: number): string {
  const [whole = "0", frac = ""] = value.split(".");
  if (frac.length <= decimals) return frac.replace(/0+$/, "") ? `${whole}.${frac.replace(/0+$/, "")}` : whole;
  const scaled = BigInt(whole + frac.slice(0, decimals)) + (Number(frac[decimals]) >= 5 ? 1n : 0n);
  const s = scaled.toString().padStart(decimals + 1, "0");
  const out = `${s.slice(0, -decimals) || "0"}.${s.slice(-decimals)}`.replace(/\.?0+$/, "");
  return out;
}

function cloudsOfBid(bid: EnrichedBid, groupClouds: CloudCost[]): CloudCost[] {
  const attributes = bid.provider?.attributes;
  const offer = attributes && bid.resourcesOffer?.length ? bidFootprint(bid, attributes) : null;
  return offer ? cloudCosts(workloadOfFootprint(offer, gpusOffered(attributes!))) : groupClouds;
}
