import { queryOptions } from "@tanstack/react-query";
import { createRestClient } from "@/lib/chain/rest";
import { providersApi } from "@/lib/market/api-client";
import { providerInfoFrom } from "@/lib/market/provider-info";
import type { Network, NetworkId } from "@/lib/networks";

/** What the console knows of providers: its own directory (app/api/providers) and, for the no-bids panel, the chain's list. */
export const providerKeys = {
  all: (networkId: NetworkId) => ["providers", networkId] as const,
};

export const providerQueries = {
  /** owners are sorted into the key, so the same set of bidders is one cache entry whatever order the bids came in */
  byOwners: (networkId: NetworkId, owners: readonly string[]) =>
    queryOptions({
      queryKey: [...providerKeys.all(networkId), "by-owners", [...owners].sort().join(",")] as const,
      queryFn: ({ signal }) => providersApi.byOwners(owners, signal),
      // uptime moves every 5 minutes at most
      staleTime: 60_000,
    }),
  /** the directory (/providers): every provider with uptime over 24 h / 7 d, through the console's server */
  directory: (networkId: NetworkId) =>
    queryOptions({
      queryKey: [...providerKeys.all(networkId), "directory"] as const,
      queryFn: ({ signal }) => providersApi.directory(signal),
      staleTime: 60_000,
      // the server probes a few providers per request: a page left open fills in its figures over time; sooner while
      // the server has no bid list yet (it answers without waiting for a slow node)
      refetchInterval: (query) => (query.state.data?.providers.some((p) => p.recentBids === null) ? 10_000 : 60_000),
    }),
  /** every provider on chain with its auditors (for "why no bids"); read from the chain, not the console */
  all: (network: Network) =>
    queryOptions({
      queryKey: [...providerKeys.all(network.id), "all"] as const,
      queryFn: async ({ signal }) => {
        const rest = createRestClient(network.restUrl);
        const [list, audits] = await Promise.all([rest.providers({ signal }), rest.allAuditedAttributes({ signal })]);
        return list.map((p) =>
          providerInfoFrom({ ...p, auditors: audits.filter((a) => a.owner === p.owner && a.attributes.length > 0).map((a) => a.auditor) }),
        );
      },
      staleTime: 5 * 60_000,
    }),
};
