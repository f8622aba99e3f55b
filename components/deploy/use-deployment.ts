"use client";
import { useQuery } from "@tanstack/react-query";
import { deploymentsApi } from "@/lib/deploy/api-client";
import { checkSdl } from "@/lib/sdl/check";
import { groupViewFromChain } from "@/lib/deploy/group-view";
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
  // the SDL's groups when this console has the record, else the chain's (a deployment made with the CLI)
  const groups = sdlCheck.data?.groups ?? chain.data?.groups.map((g) => groupViewFromChain(g.spec)) ?? null;
  return { chain, leases, record, groups };
}
