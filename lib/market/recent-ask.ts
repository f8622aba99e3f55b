import { bidsForSameResources } from "@/lib/market/price-ceiling";
import { normalizeBidPrice } from "@/lib/market/price";
import type { ScreenedProvider } from "@/lib/market/pre-screen";
import type { GroupView } from "@/lib/sdl/check";

/**
 * The going rate for an SDL before it is posted: per group, the median USD per month of the providers' recent bids
 * for exactly its resources (bids in a token without a USD rate are left out), summed over the groups; null when a
 * group has no such bid (then only the SDL's maximum can be shown, which is a ceiling, not a price).
 */
export function recentAsk(groups: readonly GroupView[], providers: readonly ScreenedProvider[], ctx: { averageBlockTimeSeconds: number; aktUsd: number | null }): { usdPerMonth: number; bids: number } | null {
  if (groups.length === 0) return null;
  let usd = 0;
  let bids = 0;
  for (const g of groups) {
    const prices = bidsForSameResources(g, providers)
      .map((b) => normalizeBidPrice(b.price, ctx).usdPerMonth)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    if (prices.length === 0) return null;
    const mid = Math.floor(prices.length / 2);
    usd += prices.length % 2 ? prices[mid]! : (prices[mid - 1]! + prices[mid]!) / 2;
    bids += prices.length;
  }
  return { usdPerMonth: usd, bids };
}
