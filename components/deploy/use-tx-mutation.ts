"use client";
import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useState } from "react";
import type { AppError } from "@/lib/errors/app-error";
import type { TxStage } from "@/lib/wallet/sign-and-broadcast";

/**
 * A write that signs a transaction: a TanStack mutation plus the stage the transaction is in, for <TxProgress>.
 * The mutation function gets the stage reporter; errors arrive as AppError (lib/wallet/sign-with-wallet reports
 * the failed stage before it throws), and `mutate` never leaves a rejected promise unhandled.
 */
export function useTxMutation<TVariables, TResult>(
  options: Omit<UseMutationOptions<TResult, AppError, TVariables>, "mutationFn"> & {
    mutationFn(variables: TVariables, onStage: (stage: TxStage) => void): Promise<TResult>;
  },
) {
  const [stage, setStage] = useState<TxStage | null>(null);
  const { mutationFn, ...rest } = options;
  const mutation = useMutation<TResult, AppError, TVariables>({
    ...rest,
    mutationFn: (variables) => {
      setStage(null);
      return mutationFn(variables, setStage);
    },
  });
  /** true from the click until the transaction is included or failed */
  const busy = mutation.isPending || (stage !== null && stage.stage !== "failed" && stage.stage !== "included");
  return {
    ...mutation,
    stage,
    busy,
    /** clears the failed (or included) transaction from view */
    reset: () => {
      setStage(null);
      mutation.reset();
    },
    /** sends the same write again (after a rejection in the wallet, a node that was down) */
    retry: () => {
      if (mutation.variables !== undefined) mutation.mutate(mutation.variables);
    },
  };
}
