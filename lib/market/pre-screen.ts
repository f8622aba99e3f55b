import type { GroupView } from "@/lib/sdl/check";
import { requirementsOf, type NoBidKind, type Requirement } from "@/lib/market/no-bids";
import type { ProviderInfo } from "@/lib/market/provider-info";

/**
 * Before the deposit is spent: which known providers can serve this SDL, and for each one ruled out, the first
 * requirement it fails. The requirements are the ones providers check before bidding (no-bids.ts: placement
 * attributes, signedBy auditors, GPU model, persistent storage class, IP leases); a requirement the chain cannot
 * tell (node sizes) rules nobody out. Pure and linear in providers x requirements, so it runs on every keystroke.
 */

export interface RuledOut {
  owner: string;
  name: string;
  group: string;
  kind: NoBidKind;
  requirement: string;
}

export interface PreScreen {
  known: number;
  /** providers meeting every requirement of every group */
  canRun: ProviderInfo[];
  ruledOut: RuledOut[];
  /** when nobody can: the requirement to relax (the one the fewest providers meet), in the tenant's words */
  relax: {
    group: string;
    requirement: string;
    message: string;
    matching: number;
  } | null;
}

export function preScreen(groups: readonly GroupView[], providers: readonly ProviderInfo[]): PreScreen {
  const perGroup = groups.map((g) => ({
    group: g.name,
    checks: requirementsOf(g).filter((c): c is Requirement & { test: (p: ProviderInfo) => boolean } => c.test !== null),
  }));
  const canRun: ProviderInfo[] = [];
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
    if (failed) ruledOut.push(failed);
    else canRun.push(p);
  }
  return {
    known: providers.length,
    canRun,
    ruledOut,
    relax: canRun.length === 0 && providers.length > 0 ? narrowest(perGroup, providers) : null,
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
