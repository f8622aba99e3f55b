import type { ChainBid } from "@/lib/chain/rest-schemas";
import type { ProviderInfo } from "@/lib/market/provider-info";

/** A chain bid (id, state, price, createdAt as on chain) with its key and what we know of its provider. */
export interface EnrichedBid extends ChainBid {
  /** "<gseq>/<oseq>/<provider>/<bseq>": unique within the deployment */
  key: string;
  /** known from the block's EventBidCreated only, until the REST bid list confirms it (a few tens of ms) */
  unconfirmed: boolean;
  /** null until /api/providers answers (or when it does not know the provider) */
  provider: ProviderInfo | null;
}
