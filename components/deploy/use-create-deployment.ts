"use client";
import { useQueryClient } from "@tanstack/react-query";
import { nextDseq } from "@/lib/chain/dseq";
import { deploymentsApi, type SaveDeploymentInput } from "@/lib/deploy/api-client";
import type { DeploymentPayload } from "@/lib/deploy/payload";
import { browserStore, rememberUnrecorded } from "@/lib/deploy/unrecorded";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import { chainKeys } from "@/lib/query/chain";
import { deploymentKeys } from "@/lib/query/deployments";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { signLazily } from "@/lib/wallet/sign-lazily";
import { useTxMutation } from "./use-tx-mutation";

export interface CreateDeploymentInput {
  draft: { id: string; name: string; content: string };
  payload: DeploymentPayload;
  deposit: { denom: "uakt" | "uact"; amount: bigint };
}

/** The deployment is on chain; `recordError` says why this console has no record of it yet. */
export type CreatedDeployment = { dseq: string; txHash: string; recordError: AppError | null; recoverable: boolean };

/**
 * Creates the deployment (MsgCreateDeployment, dseq = the latest height) and records it with the console. A record
 * that fails after inclusion does not fail the mutation: the deployment exists and costs money, so the tenant is
 * sent to it, and this browser keeps the record to save on the next visit (lib/deploy/unrecorded).
 */
export function useCreateDeployment(network: Network, wallet: ConnectedWallet | null) {
  const queryClient = useQueryClient();
  return useTxMutation<CreateDeploymentInput, CreatedDeployment>({
    mutationFn: async ({ draft, payload, deposit }, onStage) => {
      if (!wallet) throw new AppError("wallet.missing", "Connect a wallet first: it signs the deployment.");
      let dseq = "";
      const result = await signLazily(
        wallet,
        network,
        (k) => async (client) => {
          dseq = await nextDseq(() => client.getHeight());
          return [k.createDeploymentMsg({ owner: wallet.address, dseq, groups: payload.groupSpecs, hash: payload.hash, deposit: { denom: deposit.denom, amount: deposit.amount } })];
        },
        onStage,
      );
      const record: SaveDeploymentInput = {
        dseq,
        name: draft.name,
        draftId: draft.id,
        sdl: draft.content,
        manifestVersion: payload.manifestVersion,
        deposit: { denom: deposit.denom, amount: deposit.amount.toString() },
        createTxHash: result.txHash,
      };
      try {
        await deploymentsApi.save(record);
        return { dseq, txHash: result.txHash, recordError: null, recoverable: true };
      } catch (e) {
        const recordError = isAppError(e) ? e : new AppError("internal", "Recording the deployment failed unexpectedly.", { cause: e });
        const store = browserStore();
        return { dseq, txHash: result.txHash, recordError, recoverable: store !== null && rememberUnrecorded(store, network.id, wallet.address, record) };
      }
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: chainKeys.all(network.id) }),
        queryClient.invalidateQueries({ queryKey: deploymentKeys.all(network.id) }),
      ]),
  });
}
