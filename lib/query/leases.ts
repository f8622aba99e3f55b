import { queryOptions } from "@tanstack/react-query";
import { providerApi } from "@/lib/provider-gateway/api-client";
import type { ProviderTokens } from "@/lib/provider-gateway/jwt";
import type { LeaseRef } from "@/lib/provider-gateway/lease-ref";
import type { LeaseStatus } from "@/lib/provider-gateway/schemas";

/** A running lease as its provider reports it (through the console's proxy, with the tenant's provider token). */
export const leaseKeys = {
  all: () => ["lease"] as const,
  one: (l: LeaseRef) => [...leaseKeys.all(), l.provider, l.owner, l.dseq, l.gseq, l.oseq] as const,
};

/** Every service has all its replicas ready. */
export function allReady(status: LeaseStatus | undefined): boolean {
  const services = Object.values(status?.services ?? {});
  return services.length > 0 && services.every((s) => s.total > 0 && s.readyReplicas >= s.total);
}

/** while the workload comes up, status is read every few seconds; once every replica is ready, twice a minute */
export const STATUS_POLL_STARTING_MS = 3_000;
export const STATUS_POLL_READY_MS = 30_000;

export const leaseQueries = {
  status: (lease: LeaseRef, tokens: ProviderTokens) =>
    queryOptions({
      queryKey: [...leaseKeys.one(lease), "status"] as const,
      queryFn: async () => providerApi.leaseStatus(lease, await tokens.get(lease.provider)),
      refetchInterval: (q) => (allReady(q.state.data) ? STATUS_POLL_READY_MS : STATUS_POLL_STARTING_MS),
      // a provider that has no manifest yet answers 404 until it does: the next poll asks again
      retry: false,
    }),
};
