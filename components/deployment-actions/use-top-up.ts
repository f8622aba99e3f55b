"use client";
import { useQueryClient } from "@tanstack/react-query";
import { AppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import { chainKeys } from "@/lib/query/chain";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { signLazily } from "@/lib/wallet/sign-lazily";
import { useTxMutation } from "@/components/deploy/use-tx-mutation";

/** Adds to the deployment's escrow (escrow v1 MsgAccountDeposit from the owner's balance). */
export function useTopUp(network: Network, wallet: ConnectedWallet | null, dseq: string) {
  const queryClient = useQueryClient();
  return useTxMutation<{ denom: string; amount: bigint }, void>({
    mutationKey: ["top-up", network.id, dseq],
    mutationFn: async ({ denom, amount }, onStage) => {
      if (!wallet) throw new AppError("wallet.missing", "Connect the owner's wallet first: it signs the deposit.");
      await signLazily(wallet, network, (k) => [k.depositMsg({ owner: wallet.address, dseq, amount: { denom, amount: amount.toString() } })], onStage);
    },
    // the escrow and the wallet's balance both change
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chainKeys.all(network.id) }),
  });
}
