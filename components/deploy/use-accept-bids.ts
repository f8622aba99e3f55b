"use client";
import { useQueryClient } from "@tanstack/react-query";
import type { EnrichedBid } from "@/lib/market/enriched-bid";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import { chainKeys } from "@/lib/query/chain";
import { deploymentKeys } from "@/lib/query/deployments";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { signLazily } from "@/lib/wallet/sign-lazily";
import { recordLeases } from "./use-record-leases";
import { useTxMutation } from "./use-tx-mutation";

/** The leases are on chain; `recordError` says why this console has not recorded them yet (retried on the next load). */
export interface AcceptedBids {
  recordError: AppError | null;
}

/** Accepts one bid per group in one transaction (MsgCreateLease each), then records the leases with the console. */
export function useAcceptBids(network: Network, wallet: ConnectedWallet | null, owner: string, dseq: string, hasRecord: boolean) {
  const queryClient = useQueryClient();
  return useTxMutation<EnrichedBid[], AcceptedBids>({
    mutationFn: async (bids, onStage) => {
      if (!wallet) throw new AppError("wallet.missing", "Connect the owner's wallet first: it signs the lease.");
      const result = await signLazily(wallet, network, (k) => bids.map((b) => k.createLeaseMsg({ ...b.id, owner, dseq })), onStage);
      if (!hasRecord) return { recordError: null };
      try {
        await recordLeases(dseq, result.txHash, bids.map((b) => ({ gseq: b.id.gseq, oseq: b.id.oseq, bseq: b.id.bseq, provider: b.id.provider, price: b.price })));
        return { recordError: null };
      } catch (e) {
        return { recordError: isAppError(e) ? e : new AppError("internal", "Recording the lease failed unexpectedly.", { cause: e }) };
      }
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: chainKeys.all(network.id) }),
        queryClient.invalidateQueries({ queryKey: deploymentKeys.all(network.id) }),
      ]),
  });
}
