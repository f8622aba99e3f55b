"use client";
import { useCallback } from "react";
import { useQuery } from "@tanstack/react-query";
import { useAsyncComputation } from "@/components/hooks/use-async-computation";
import { groupViewFromChain } from "@/lib/deploy/group-view";
import type { Network } from "@/lib/networks";
import { chainQueries } from "@/lib/query/chain";
import { deploymentQueries } from "@/lib/query/deployments";

/**
 * Everything the deployment page shows, refreshed every block: the chain's view (deployment, groups, escrow,
 * leases) and this console's record (SDL, manifest, lease manifest state) when the owner is signed in here.
 */
export function useDeployment(network: Network, owner: string | null, dseq: string, signedInAsOwner: boolean) {
  const chain = useQuery({ ...chainQueries.deployment(network, owner ?? "", dseq), enabled: Boolean(owner) });
  const leases = useQuery({ ...chainQueries.leases(network, owner ?? "", dseq), enabled: Boolean(owner) });
  const record = useQuery({ ...deploymentQueries.detail(network.id, owner ?? "", dseq), enabled: Boolean(owner) && signedInAsOwner });
  const sdlCheck = useAsyncComputation(
    record.data?.sdl ?? null,
    useCallback((sdl: string) => import("@/lib/sdl/check").then(({ checkSdl }) => checkSdl(sdl, { averageBlockTimeSeconds: network.averageBlockTimeSeconds })), [network.averageBlockTimeSeconds]),
  );
  // the SDL's groups when this console has the record, else the chain's (a deployment made with the CLI)
  const groups = sdlCheck.data?.groups ?? chain.data?.groups.map((g) => groupViewFromChain(g.spec)) ?? null;
  return { chain, leases, record, groups };
}
