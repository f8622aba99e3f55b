import { z } from "zod";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { bidFootprint, footprintSchema } from "@/lib/market/footprint";
import type { KeyValue } from "@/lib/market/gpu-attributes";

/**
 * A provider's recent bids as the directory carries them: its open bids and the bids its running leases were made
 * of, newest first, each reduced to what the price rules read (price and footprint at that provider). The console
 * server reads every bid on chain once a minute and sends each provider's newest few with the directory, so a
 * browser neither downloads the chain's whole bid list (megabytes on mainnet) nor sees only its first page.
 */

/** how many of a provider's newest bids the directory carries: its current pricing, not its history */
export const RECENT_BIDS_PER_PROVIDER = 20;

export const recentBidSchema = z.object({
  dseq: z.string(),
  gseq: z.number().int(),
  oseq: z.number().int(),
  /** "open" (awaiting the tenant) or "active" (a lease was made of it) */
  state: z.string(),
  /** block height it was placed at */
  createdAt: z.string(),
  price: z.object({ denom: z.string(), amount: z.string() }),
  /** what it was for at that provider; null when its resources offer could not be read */
  footprint: footprintSchema.nullable(),
});
export type RecentBid = z.infer<typeof recentBidSchema>;

// createdAt is a u64's decimal text (rest-schemas.ts), compared exactly
const height = (b: ChainBid) => BigInt(b.createdAt);

/** one provider's bids (any order) -> its newest `limit`, each with its footprint at that provider */
export function recentBidsOf(bids: readonly ChainBid[], providerAttributes: readonly KeyValue[], limit = RECENT_BIDS_PER_PROVIDER): RecentBid[] {
  return [...bids]
    .sort((a, b) => (height(a) === height(b) ? 0 : height(a) > height(b) ? -1 : 1))
    .slice(0, limit)
    .map((b) => ({
      dseq: b.id.dseq,
      gseq: b.id.gseq,
      oseq: b.id.oseq,
      state: b.state,
      createdAt: b.createdAt,
      price: { denom: b.price.denom, amount: b.price.amount },
      footprint: bidFootprint(b, providerAttributes),
    }));
}
