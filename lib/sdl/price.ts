/**
 * Cost estimate from the SDL's pricing block: the most the tenant agrees to pay, since bids at or below the
 * max price win. Real cost comes from the accepted bid (lib/market), this is what the editor shows before that.
 */
import type { SDLInput } from "@akashnetwork/chain-sdk";

/**
 * Average block time of akashnet-2 in seconds, measured over recent months of blocks; the same figure the Akash
 * console uses to turn per-block prices into monthly ones. Escrow is settled per block, so this is a conversion
 * factor, not a protocol constant: the chain does not promise a block time.
 */
export const AVERAGE_BLOCK_TIME_SECONDS = 6.117;
/** Average month (365.25 days / 12). */
export const DAYS_PER_MONTH = 30.437;
export const BLOCKS_PER_MONTH = (DAYS_PER_MONTH * 24 * 60 * 60) / AVERAGE_BLOCK_TIME_SECONDS;
/** ACT is pegged to the dollar: 1 USD per 10^6 uact. */
export const UACT_PER_USD = 1_000_000;

export interface CostEstimate {
  /** The SDL's denom, or "mixed" when groups use different denoms. */
  denom: string;
  /** Max price per block for the whole deployment, in base units, as a decimal string (sum of price x count). */
  perBlock: string;
  /** In base denom units (uakt / uact); NaN-free, 0 for a mixed estimate (see groups). */
  perMonth: number;
  usdPerMonth: number | null;
  note?: string;
  groups: { name: string; perMonth: number; denom: string }[];
}

/**
 * Needs a valid SDL (check.ts only calls it when chain-sdk produced a manifest). `averageBlockTimeSeconds` is the
 * network's (Network.averageBlockTimeSeconds), so the editor's estimate and the bid table's prices agree; the
 * default is akashnet-2's.
 */
export function estimateCost(sdl: SDLInput, averageBlockTimeSeconds = AVERAGE_BLOCK_TIME_SECONDS): CostEstimate | null {
  const blocksPerMonth = (DAYS_PER_MONTH * 24 * 60 * 60) / averageBlockTimeSeconds;
  const perGroup = new Map<string, { denom: string; perBlock: number; mixed: boolean }>();
  for (const [service, placements] of Object.entries(sdl.deployment ?? {})) {
    void service;
    for (const [placementName, dep] of Object.entries(placements ?? {})) {
      const price = sdl.profiles?.placement?.[placementName]?.pricing?.[dep.profile];
      if (!price) continue;
      const amount = Number(price.amount) * dep.count;
      const g = perGroup.get(placementName);
      if (!g) perGroup.set(placementName, { denom: price.denom, perBlock: amount, mixed: false });
      else {
        g.perBlock += amount;
        if (g.denom !== price.denom) g.mixed = true;
      }
    }
  }
  if (perGroup.size === 0) return null;

  const groups = [...perGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, g]) => ({ name, perMonth: round(g.perBlock * blocksPerMonth), denom: g.mixed ? "mixed" : g.denom, perBlock: g.perBlock }));
  const denoms = new Set(groups.map((g) => g.denom));
  const view = groups.map(({ name, perMonth, denom }) => ({ name, perMonth, denom }));

  if (denoms.size !== 1 || denoms.has("mixed")) {
    return {
      denom: "mixed",
      perBlock: "",
      perMonth: 0,
      usdPerMonth: null,
      note: "Groups are priced in different denoms; see the per-group estimates.",
      groups: view,
    };
  }
  const denom = groups[0]!.denom;
  const perBlock = groups.reduce((s, g) => s + g.perBlock, 0);
  const perMonth = round(perBlock * blocksPerMonth);
  const estimate: CostEstimate = { denom, perBlock: decimalString(perBlock), perMonth, usdPerMonth: null, groups: view };
  if (denom === "uact") estimate.usdPerMonth = round(perMonth / UACT_PER_USD, 2);
  else if (denom === "uakt") estimate.note = "AKT price unknown";
  else estimate.note = `No USD rate for ${denom}`;
  return estimate;
}

function round(n: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function decimalString(n: number): string {
  return Number.isInteger(n) ? String(n) : String(round(n, 18));
}
