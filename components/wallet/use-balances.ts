"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Network } from "@/lib/networks";
import { chainKeys, chainQueries } from "@/lib/query/chain";
import { subscribeNewBlocks } from "@/lib/wallet/new-blocks";

/** Polling interval while the NewBlock websocket is down: about one block on the real networks. */
const FALLBACK_POLL_MS = 6_000;

/**
 * The account's AKT and ACT, refreshed on every new block (a fee paid, a deposit made, escrow refunded) through the
 * CometBFT websocket, or every ~6 s while the socket is down.
 */
export function useBalances(network: Network, address: string | undefined) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!address) return;
    const key = chainKeys.balances(network.id, address);
    const stop = subscribeNewBlocks(network.rpcUrl, {
      onBlock: () => void queryClient.invalidateQueries({ queryKey: key, exact: true }),
      onStatus: setLive,
    });
    return () => {
      stop();
      setLive(false);
    };
  }, [network.id, network.rpcUrl, address, queryClient]);

  return useQuery({
    ...chainQueries.balances(network, address ?? ""),
    enabled: Boolean(address),
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
}
