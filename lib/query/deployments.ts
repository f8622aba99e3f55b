import { queryOptions } from "@tanstack/react-query";
import { deploymentsApi } from "@/lib/deploy/api-client";
import type { NetworkId } from "@/lib/networks";

/**
 * This console's records of deployments (app/api/deployments), per network and signed-in owner: the server answers
 * for the session's address, so the owner is part of the key and another account never sees a cached list.
 */
export const deploymentKeys = {
  all: (networkId: NetworkId) => ["deployments", networkId] as const,
  owner: (networkId: NetworkId, owner: string) => [...deploymentKeys.all(networkId), owner] as const,
  /** every page of the list (refreshed together on a new block) */
  overviews: (networkId: NetworkId, owner: string) => [...deploymentKeys.owner(networkId, owner), "overview"] as const,
};

export interface OverviewParams {
  page: number;
  state: "all" | "active" | "closed";
  q: string;
  order: "newest" | "oldest";
}

export const deploymentQueries = {
  /** active deployments with under a day of escrow left (the banner on every page), read again every minute */
  escrowAlerts: (networkId: NetworkId, owner: string) =>
    queryOptions({
      queryKey: [...deploymentKeys.owner(networkId, owner), "escrow-alerts"] as const,
      queryFn: ({ signal }) => deploymentsApi.escrowAlerts(signal),
      refetchInterval: 60_000,
    }),
  /** one page of the owner's deployments from the chain, joined with the records (app/api/deployments/overview) */
  overview: (networkId: NetworkId, owner: string, params: OverviewParams) =>
    queryOptions({
      queryKey: [...deploymentKeys.overviews(networkId, owner), params] as const,
      queryFn: ({ signal }) => deploymentsApi.overview(params, signal),
      // the page shown stays while the next one loads
      placeholderData: (previous) => previous,
    }),
  detail: (networkId: NetworkId, owner: string, dseq: string) =>
    queryOptions({
      queryKey: [...deploymentKeys.owner(networkId, owner), "detail", dseq] as const,
      queryFn: () => deploymentsApi.get(dseq),
      // a 404 means "not created with this console": asking again does not change that
      retry: false,
    }),
};
