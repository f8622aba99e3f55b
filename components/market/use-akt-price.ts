"use client";
import { useQuery } from "@tanstack/react-query";
import type { Network } from "@/lib/networks";
import { chainQueries } from "@/lib/query/chain";

/**
 * AKT in USD as the chain's oracle has it (ACT is 1 USD by definition). `usd` is null while unknown: the chain has no
 * price, or the node cannot be read; AKT amounts are then shown in AKT only, never with a guessed rate.
 */
export function useAktPrice(network: Network) {
  const price = useQuery(chainQueries.aktPrice(network));
  return { usd: price.data?.usd ?? null, at: price.data?.at ?? null, healthy: price.data?.healthy ?? null, query: price };
}
