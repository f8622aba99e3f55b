import { groupFootprint, noMoreThan, sameFootprint, type Footprint } from "@/lib/market/footprint";
import type { KeyValue } from "@/lib/market/gpu-attributes";
import { decAtomics, decText } from "@/lib/market/price";
import type { RecentBid } from "@/lib/market/recent-bids";
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

export interface PriceEvidence {
  /** the group's ceiling per block, and the bid that asked more for no more resources */
  ceiling: string;
  bid: string;
  denom: string;
  dseq: string;
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
 * A bid's price as atomics, read once: the pre-screen runs on every keystroke against the same bids, so each bid's
 * Decimal is parsed once, not once per keystroke x group. null: a price that is not a DecCoin, which says nothing.
 */
const askedCache = new WeakMap<RecentBid, bigint | null>();
const ceilings = new WeakMap<GroupView, ReturnType<typeof groupCeiling>>();

function asked(bid: RecentBid): bigint | null {
  let atomics = askedCache.get(bid);
  if (atomics === undefined) {
    try {
      atomics = decAtomics(bid.price.amount);
    } catch {
      atomics = null;
    }
    askedCache.set(bid, atomics);
  }
  return atomics;
}

/**
 * The bid of this provider, among its recent ones, that asked more than the group's ceiling for no more resources
 * (the one asking the most); null when none did, so nothing speaks against it.
 */
export function bidAboveCeiling(g: GroupView, providerAttributes: readonly KeyValue[], recent: readonly RecentBid[]): PriceEvidence | null {
  if (recent.length === 0) return null;
  let ceiling = ceilings.get(g);
  if (ceiling === undefined) ceilings.set(g, (ceiling = groupCeiling(g)));
  if (!ceiling) return null;
  let wanted: Footprint | null = null;
  let worst: { bid: RecentBid; atomics: bigint } | null = null;
  for (const bid of recent) {
    if (bid.price.denom !== ceiling.denom || bid.footprint === null) continue;
    const atomics = asked(bid);
    if (atomics === null || atomics <= ceiling.atomics || (worst && atomics <= worst.atomics)) continue;
    wanted ??= groupFootprint(g, providerAttributes);
    if (noMoreThan(bid.footprint, wanted)) worst = { bid, atomics };
  }
  return worst ? { ceiling: decText(ceiling.atomics), bid: decText(worst.atomics), denom: ceiling.denom, dseq: worst.bid.dseq } : null;
}

/**
 * What providers recently asked for exactly a group's resources: their recent bids whose offer equals the group's
 * footprint at that provider (GPU model pinned), for an idea of the price before any bid; [] when none did.
 */
export function bidsForSameResources(g: GroupView, providers: readonly { attributes: readonly KeyValue[]; recentBids?: readonly RecentBid[] | null }[]): RecentBid[] {
  const out: RecentBid[] = [];
  for (const p of providers) {
    if (!p.recentBids?.length) continue;
    const wanted = groupFootprint(g, p.attributes);
    for (const bid of p.recentBids) if (bid.footprint && sameFootprint(bid.footprint, wanted)) out.push(bid);
  }
  return out;
}
