import type { GroupView } from "@/lib/sdl/check";
import { requirementsOf, type NoBidKind, type Requirement } from "@/lib/market/no-bids";
import type { ProviderInfo } from "@/lib/market/provider-info";
import { capacityShortfall } from "@/lib/market/capacity";
import type { Inventory } from "@/lib/market/provider-status";

/**
 * Before the deposit is spent: which known providers can serve this SDL, and for each one ruled out, the first
 * requirement it fails. The requirements are the ones providers check before bidding (no-bids.ts: placement
 * attributes, signedBy auditors, GPU model, persistent storage class, IP leases), then, for a provider whose last
 * /status reported its free capacity, whether the groups fit in it (capacity.ts); a provider with no reported
 * capacity is not ruled out for it (its bid will tell). Pure and linear in providers x requirements, so it runs on
 * every keystroke.
 */

/** a provider as the pre-screen reads it: the chain's record, and its free capacity when known */
export type ScreenedProvider = ProviderInfo & { inventory?: Inventory | null };

export interface RuledOut {
  owner: string;
  name: string;
  group: string;
  kind: NoBidKind | "capacity";
  requirement: string;
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
    if (failed) ruledOut.push(failed);
    else canRun.push(p);
  }
  let relax: PreScreen["relax"] = null;
  if (canRun.length === 0 && providers.length > 0) {
    relax = narrowest(perGroup, providers);
    const full = ruledOut.filter((o) => o.kind === "capacity");
    // every requirement is met by someone, and those who meet them all are full: the size is what to relax
    if (full.length > 0 && (relax === null || relax.matching > 0)) {
      relax = {
        group: full[0]!.group,
        requirement: "the resources per replica",
        message: `The ${full.length} provider${full.length > 1 ? "s" : ""} that meet every requirement have no room for it now (${full[0]!.name} lacks ${full[0]!.requirement}): ask for less CPU, memory or GPUs per replica, or fewer replicas.`,
        matching: 0,
      };
    }
  }
  return { known: providers.length, canRun, ruledOut, relax };
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
