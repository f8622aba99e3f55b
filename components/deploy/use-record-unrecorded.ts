"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { deploymentsApi } from "@/lib/deploy/api-client";
import { browserStore, forgetUnrecorded, unrecordedDeployments } from "@/lib/deploy/unrecorded";
import type { AppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import { deploymentKeys } from "@/lib/query/deployments";

/**
 * Records the deployments this browser created whose record did not reach the server (see lib/deploy/unrecorded),
 * once the owner is signed in. The save is idempotent per dseq, so running it again (a second tab, StrictMode)
 * does no harm; a failure keeps the copy for the next visit.
 */
export function useRecordUnrecorded(network: Network, signedInOwner: string | null) {
  const queryClient = useQueryClient();
  const { mutate } = useMutation<number, AppError, string>({
    mutationKey: ["deployments", "record-unrecorded"],
    mutationFn: async (owner) => {
      const store = browserStore();
      if (!store) return 0;
      let recorded = 0;
      for (const record of unrecordedDeployments(store, network.id, owner)) {
        await deploymentsApi.save(record);
        forgetUnrecorded(store, network.id, owner, record.dseq);
        recorded++;
      }
      return recorded;
    },
    onSuccess: (recorded) => (recorded > 0 ? queryClient.invalidateQueries({ queryKey: deploymentKeys.all(network.id) }) : undefined),
  });
  useEffect(() => {
    if (signedInOwner) mutate(signedInOwner);
  }, [signedInOwner, mutate]);
}
