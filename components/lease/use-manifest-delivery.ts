"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { DeploymentRecordDto } from "@/lib/deploy/api-client";
import { leaseKey, type DeliveryLease, type LeaseDelivery } from "@/lib/deploy/manifest-delivery";
import type { AppError } from "@/lib/errors/app-error";
import type { NetworkId } from "@/lib/networks";
import { sendLeaseManifests } from "./send-manifests";
import type { ProviderTokens } from "@/lib/provider-gateway/jwt";
import { deploymentKeys } from "@/lib/query/deployments";

interface Options {
  networkId: NetworkId;
  dseq: string;
  /** this console's record: the SDL the manifest is derived from, and each lease's manifest state */
  record: DeploymentRecordDto | undefined;
  /** the owner's provider tokens; null when the owner's wallet is not connected here */
  tokens: ProviderTokens | null;
  /** leases active on chain now */
  activeLeases: readonly DeliveryLease[];
}

/**
 * Sends the deployment's manifest to its leases' providers, with each lease's progress. Every active lease that this
 * console recorded without a manifest is sent once when the page has what it needs (right after Accept, and on a
 * later visit when the tab closed mid-flow); `send` retries a lease by hand.
 */
export function useManifestDelivery({ networkId, dseq, record, tokens, activeLeases }: Options) {
  const queryClient = useQueryClient();
  const [deliveries, setDeliveries] = useState<ReadonlyMap<string, LeaseDelivery>>(new Map());
  const attempted = useRef(new Set<string>());

  const { mutate } = useMutation<void, AppError, readonly DeliveryLease[]>({
    mutationFn: async (leases) => {
      if (!record || !tokens) return;
      await sendLeaseManifests({ dseq, record, tokens, leases, onUpdate: (l, d) => setDeliveries((m) => new Map(m).set(leaseKey(l), d)) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: deploymentKeys.all(networkId) }),
  });

  const send = useCallback(
    (leases: readonly DeliveryLease[]) => {
      leases.forEach((l) => attempted.current.add(leaseKey(l)));
      mutate(leases);
    },
    [mutate],
  );

  // the leases this console recorded that still wait for their manifest, once per visit
  const waiting = activeLeases.filter((l) => {
    const rec = record?.leases.find((r) => r.gseq === l.gseq && r.oseq === l.oseq);
    return rec?.state === "manifest_pending" && !attempted.current.has(leaseKey(l));
  });
  const waitingKey = waiting.map(leaseKey).join(",");
  useEffect(() => {
    if (waiting.length > 0 && tokens && record) send(waiting);
    // waitingKey stands for `waiting`, a new array every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waitingKey, tokens, record, send]);

  return { deliveries, send, canSend: Boolean(tokens && record) };
}
