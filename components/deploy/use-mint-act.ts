"use client";
import { useQueryClient } from "@tanstack/react-query";
import { AppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import { chainKeys } from "@/lib/query/chain";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { signLazily } from "@/lib/wallet/sign-lazily";
import { useTxMutation } from "./use-tx-mutation";

/**
 * Burns `uakt` AKT into ACT (MsgMintACT). The account's balances are one query (lib/query/chain), so its
 * invalidation refreshes the header and the deposit step together, without waiting for the next block.
 */
export function useMintAct(network: Network, wallet: Pick<ConnectedWallet, "address" | "getSigningClient"> | null) {
  const queryClient = useQueryClient();
  return useTxMutation<{ uakt: bigint }, void>({
    mutationFn: async ({ uakt }, onStage) => {
      if (!wallet) throw new AppError("wallet.missing", "Connect a wallet first: it signs the mint.");
      await signLazily(wallet, network, (k) => [k.mintActMsg({ owner: wallet.address, amount: { denom: "uakt", amount: uakt.toString() } })], onStage);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chainKeys.balances(network.id, wallet?.address ?? "") }),
  });
}
