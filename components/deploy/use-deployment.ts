"use client";
import { useQuery } from "@tanstack/react-query";
import { deploymentsApi } from "@/lib/deploy/api-client";
import { checkSdl } from "@/lib/sdl/check";
import type { Network } from "@/lib/networks";
import { useRest } from "./use-chain";

/**
 * Everything the deployment page shows, refreshed every block: the chain's view (deployment, groups, escrow,
 * leases) and this console's record (SDL, manifest, lease manifest state) when the owner is signed in here.
 */
export function useDeployment(network: Network, owner: string | null, dseq: string, signedInAsOwner: boolean) {
  const rest = useRest(network);
  const every = Math.max(1_000, network.averageBlockTimeSeconds * 1000);
  const chain = useQuery({
    queryKey: ["chain", network.id, "deployment", owner, dseq],
    enabled: Boolean(owner),
    refetchInterval: every,
    queryFn: () => rest.deployment(owner!, dseq),
  });
  const leases = useQuery({
    queryKey: ["chain", network.id, "leases", owner, dseq],
    enabled: Boolean(owner),
    refetchInterval: every,
    queryFn: () => rest.leases({ owner: owner!, dseq }),
  });
  const record = useQuery({
    queryKey: ["deployments", network.id, owner, "detail", dseq],
    enabled: signedInAsOwner,
    retry: false,
    queryFn: () => deploymentsApi.get(dseq),
  });
  const sdlCheck = useQuery({
    queryKey: ["sdl-check", record.data?.sdl],
    enabled: Boolean(record.data?.sdl),
    queryFn: () => checkSdl(record.data!.sdl),
  });
  return { chain, leases, record, groups: sdlCheck.data?.groups ?? null };
}
