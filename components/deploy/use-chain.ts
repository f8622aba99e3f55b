"use client";
import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { createRestClient } from "@/lib/chain/rest";
import type { Network } from "@/lib/networks";

/** The REST client for the console's network, and the chain reads the wizard shares through TanStack Query. */
export function useRest(network: Network) {
  return useMemo(() => createRestClient(network.restUrl), [network.restUrl]);
}

export function useDeploymentParams(network: Network) {
  const rest = useRest(network);
  return useQuery({ queryKey: ["chain", network.id, "deployment-params"], queryFn: () => rest.deploymentParams(), staleTime: 5 * 60_000 });
}

export function useBalance(network: Network, address: string | undefined, denom: string) {
  const rest = useRest(network);
  return useQuery({
    queryKey: ["chain", network.id, "balance", address, denom],
    enabled: Boolean(address),
    refetchInterval: Math.max(2_000, network.averageBlockTimeSeconds * 1000),
    queryFn: async () => BigInt((await rest.balances(address!)).find((c) => c.denom === denom)?.amount ?? "0"),
  });
}
