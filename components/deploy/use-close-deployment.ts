"use client";
import { useQueryClient } from "@tanstack/react-query";
import { deploymentsApi } from "@/lib/deploy/api-client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import { chainKeys } from "@/lib/query/chain";
import { deploymentKeys } from "@/lib/query/deployments";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { signLazily } from "@/lib/wallet/sign-lazily";
import { useTxMutation } from "./use-tx-mutation";
import { closeMutationKey } from "./close-mutation-key";

/** Closed on chain; `recordError` when this console's record still says open (the page reads the chain's state). */
export interface ClosedDeployment {
  recordError: AppError | null;
  /** what was left in escrow when the close was signed: returned to the owner */
  refund: { denom: string; amount: string } | null;
}

export interface CloseVariables {
  /** the escrow's balance read when the tenant clicked (base units, integer) */
  escrowLeft: { denom: string; amount: string } | null;
}

/** Closes the deployment (MsgCloseDeployment) and marks this console's record closed when there is one. */
export function useCloseDeployment(network: Network, wallet: ConnectedWallet | null, dseq: string, hasRecord: boolean) {
  const queryClient = useQueryClient();
  return useTxMutation<CloseVariables, ClosedDeployment>({
    // the list reads pending closes by this key (useMutationState) and shows the row as closing
    mutationKey: closeMutationKey(network.id, dseq),
    mutationFn: async ({ escrowLeft: refund }, onStage) => {
      if (!wallet) throw new AppError("wallet.missing", "Connect the owner's wallet first: it signs the close.");
      await signLazily(wallet, network, (k) => [k.closeDeploymentMsg({ owner: wallet.address, dseq })], onStage);
      if (!hasRecord) return { recordError: null, refund };
      try {
        await deploymentsApi.setState(dseq, "closed");
        return { recordError: null, refund };
      } catch (e) {
        return { recordError: isAppError(e) ? e : new AppError("internal", "Recording the close failed unexpectedly.", { cause: e }), refund };
      }
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: chainKeys.all(network.id) }),
        queryClient.invalidateQueries({ queryKey: deploymentKeys.all(network.id) }),
      ]),
  });
}
