"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTxMutation } from "@/components/deploy/use-tx-mutation";
import { deploymentsApi } from "@/lib/deploy/api-client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import { chainKeys } from "@/lib/query/chain";
import { deploymentKeys } from "@/lib/query/deployments";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { signLazily } from "@/lib/wallet/sign-lazily";

export interface Updated {
  /** on chain, but this console's record still has the old SDL: the manifest cannot be re-sent from here yet */
  recordError: AppError | null;
}

/**
 * MsgUpdateDeployment with the new manifest version, then the record takes the new SDL and its leases wait for the
 * new manifest, which the deployment page sends to every provider (the workload changes only when it arrives).
 */
export function useUpdateDeployment(network: Network, wallet: ConnectedWallet | null, dseq: string) {
  const queryClient = useQueryClient();
  return useTxMutation<{ sdl: string; manifestVersion: string; hash: Uint8Array }, Updated>({
    mutationKey: ["update-deployment", network.id, dseq],
    mutationFn: async ({ sdl, manifestVersion, hash }, onStage) => {
      if (!wallet) throw new AppError("wallet.missing", "Connect the owner's wallet first: it signs the update.");
      await signLazily(wallet, network, (k) => [k.updateDeploymentMsg({ owner: wallet.address, dseq, hash })], onStage);
      try {
        await deploymentsApi.recordUpdate(dseq, { sdl, manifestVersion });
        return { recordError: null };
      } catch (e) {
        return { recordError: isAppError(e) ? e : new AppError("internal", "Recording the update failed unexpectedly.", { cause: e }) };
      }
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: chainKeys.all(network.id) }),
        queryClient.invalidateQueries({ queryKey: deploymentKeys.all(network.id) }),
      ]),
  });
}
