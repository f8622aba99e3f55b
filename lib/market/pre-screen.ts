import type { GroupView } from "@/lib/sdl/check";
import { requirementsOf, type NoBidKind, type Requirement } from "@/lib/market/no-bids";
import type { ProviderInfo } from "@/lib/market/provider-info";
import { capacityShortfall } from "@/lib/market/capacity";
import type { Inventory } from "@/lib/market/provider-status";
import { bidAboveCeiling, type PriceEvidence } from "@/lib/market/price-ceiling";
import { decAtomics } from "@/lib/market/price";
import type { RecentBid } from "@/lib/market/recent-bids";

/**
 * Before the deposit is spent: which known providers can serve this SDL, and for each one ruled out, the first
 * requirement it fails. The requirements are the ones providers check before bidding (no-bids.ts: placement
 * attributes, signedBy auditors, GPU model, persistent storage class, IP leases), then, for a provider whose last
 * /status reported its free capacity, whether the groups fit in it (capacity.ts); a provider with no reported
 * capacity is not ruled out for it (its bid will tell); last, whether it recently asked more than a group's price
 * ceiling for no more resources (price-ceiling.ts). The order is the provider's own: attributes, reservation, price.
 * Pure and linear in providers x requirements (x their recent bids), so it runs on every keystroke.
 */

/** a provider as the pre-screen reads it: the chain's record, its free capacity when known, its recent bids */
export type ScreenedProvider = ProviderInfo & { inventory?: Inventory | null; recentBids?: readonly RecentBid[] | null };

export interface RuledOut {
  owner: string;
  name: string;
  group: string;
  kind: NoBidKind | "capacity" | "price";
  requirement: string;
  /** for a price ruling: the bid it rests on */
  price?: PriceEvidence;
}

export interface PreScreen {
  known: number;
  /** providers meeting every requirement of every group */
  canRun: ScreenedProvider[];
  ruledOut: RuledOut[];
  /** when nobody can: the requirement to relax (the one the fewest providers meet), in the tenant's words */
  relax: {
    group: string;
    requirement: string;
    message: string;
    matching: number;
  } | null;
}

export function preScreen(groups: readonly GroupView[], providers: readonly ScreenedProvider[]): PreScreen {
  const perGroup = groups.map((g) => ({
    group: g.name,
    checks: requirementsOf(g).filter((c): c is Requirement & { test: (p: ProviderInfo) => boolean } => c.test !== null),
  }));
  const canRun: ScreenedProvider[] = [];
  const ruledOut: RuledOut[] = [];
  for (const p of providers) {
    let failed: RuledOut | null = null;
    for (const { group, checks } of perGroup) {
      const c = checks.find((check) => !check.test(p));
      if (c) {
        failed = {
          owner: p.owner,
          name: p.name,
          group,
          kind: c.kind,
          requirement: c.requirement,
        };
        break;
      }
    }
    const short = !failed && p.inventory ? capacityShortfall(groups, p.inventory) : null;
    if (short) failed = { owner: p.owner, name: p.name, group: groups.length === 1 ? groups[0]!.name : "", kind: "capacity", requirement: short };
    if (!failed && p.recentBids?.length) failed = priceRuling(groups, p);
    if (failed) ruledOut.push(failed);
    else canRun.push(p);
  }
  let relax: PreScreen["relax"] = null;
  if (canRun.length === 0 && providers.length > 0) {
    relax = narrowest(perGroup, providers);
    // every requirement is met by someone, and those who meet them all are full or ask more: size or price to relax
    if (relax === null || relax.matching > 0) relax = fullOrPricey(ruledOut) ?? relax;
  }
  return { known: providers.length, canRun, ruledOut, relax };
}

function priceRuling(groups: readonly GroupView[], p: ScreenedProvider): RuledOut | null {
  for (const g of groups) {
    const e = bidAboveCeiling(g, p.attributes, p.recentBids ?? []);
    if (e)
      return {
        owner: p.owner,
        name: p.name,
        group: g.name,
        kind: "price",
        requirement: `a price ceiling of at least ${e.bid} ${e.denom} per block`,
        price: e,
      };
  }
  return null;
}

/** when those who meet every requirement are all ruled out for room or price: what to relax, in the tenant's words */
function fullOrPricey(ruledOut: readonly RuledOut[]): PreScreen["relax"] {
  const full = ruledOut.filter((o) => o.kind === "capacity");
  const pricey = ruledOut.filter((o) => o.kind === "price");
  const n = full.length + pricey.length;
  if (n === 0) return null;
  const who = `The ${n} provider${n > 1 ? "s" : ""} that meet every requirement`;
  if (pricey.length === 0)
    return {
      group: full[0]!.group,
      requirement: "the resources per replica",
      message: `${who} have no room for it now (${full[0]!.name} lacks ${full[0]!.requirement}): ask for less CPU, memory or GPUs per replica, or fewer replicas.`,
      matching: 0,
    };
  // the lowest of the prices that ruled them out: the ceiling that would let one of them in
  const cheapest = pricey.reduce((a, b) => (decAtomics(b.price!.bid) < decAtomics(a.price!.bid) ? b : a));
  const e = cheapest.price!;
  return {
    group: cheapest.group,
    requirement: "the price",
    message: `${who} ${full.length > 0 ? `have no room for it now (${full.length}) or ` : ""}recently asked more than its ceiling of ${e.ceiling} ${e.denom} per block for no more resources (${cheapest.name} bid ${e.bid} ${e.denom} in deployment ${e.dseq}): raise the group's pricing to at least that${full.length > 0 ? ", or ask for less" : ""}.`,
    matching: 0,
  };
}

function narrowest(
  perGroup: {
    group: string;
    checks: (Requirement & { test: (p: ProviderInfo) => boolean })[];
  }[],
  providers: readonly ProviderInfo[],
): PreScreen["relax"] {
  let best: PreScreen["relax"] = null;
  for (const { group, checks } of perGroup) {
    for (const c of checks) {
      const matching = providers.filter(c.test).length;
      if (!best || matching < best.matching)
        best = {
          group,
          requirement: c.requirement,
          message: c.say(matching, providers.length),
          matching,
        };
    }
  }
  return best;
}
