"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ChainLease } from "@/lib/chain/rest-schemas";
import { deploymentsApi } from "@/lib/deploy/api-client";
import type { AppError } from "@/lib/errors/app-error";
import type { NetworkId } from "@/lib/networks";
import { deploymentKeys } from "@/lib/query/deployments";

export interface LeaseToRecord {
  gseq: number;
  oseq: number;
  bseq: number;
  provider: string;
  price: { denom: string; amount: string };
}

export const leaseToRecord = (l: Pick<ChainLease, "id" | "price">): LeaseToRecord => ({
  gseq: l.id.gseq,
  oseq: l.id.oseq,
  bseq: l.id.bseq,
  provider: l.id.provider,
  price: l.price,
});

/** Records leases with this console (so their manifest state is tracked); txHash null when recovered from the chain. */
export function recordLeases(dseq: string, txHash: string | null, leases: LeaseToRecord[]) {
  return deploymentsApi.recordLeases(dseq, { txHash, leases });
}

/**
 * Records leases that are on chain but not in this console's record: the tab closed between inclusion and the
 * save, or the save failed. The lease table shows them as "Not recorded by this console" until this succeeds.
 */
export function useRecordLeases(networkId: NetworkId, dseq: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, AppError, { txHash: string | null; leases: LeaseToRecord[] }>({
    mutationFn: ({ txHash, leases }) => recordLeases(dseq, txHash, leases),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deploymentKeys.all(networkId) }),
  });
}
