"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useWallet } from "@/components/wallet/wallet-provider";
import type { ChainBid } from "@/lib/chain/rest-schemas";
import { preScreen, type PreScreen, type ScreenedProvider } from "@/lib/market/pre-screen";
import { chainQueries } from "@/lib/query/chain";
import { providerQueries } from "@/lib/query/providers";
import type { GroupView } from "@/lib/sdl/check";

export interface UsePreScreen {
  screen: PreScreen | null;
  /** the providers it screened, with their recent bids (for the going rate of the same resources) */
  providers: ScreenedProvider[] | null;
  pending: boolean;
  error: Error | null;
}

/**
 * The pre-screen of these groups against every provider of the directory (the console server's: chain records with
 * audits, and the free capacity of each provider's last /status), cached a minute, with each provider's recent bids
 * from the node (open, and those leases were made of); the screen itself runs here. The screen does not wait for
 * the bids: until they come (or when the node cannot list them) the price ceiling is simply not judged.
 */
export function usePreScreen(groups: readonly GroupView[] | null): UsePreScreen {
  const { network } = useWallet();
  const known = useQuery({ ...providerQueries.directory(network.id), enabled: groups !== null });
  const bids = useQuery({ ...chainQueries.recentBids(network), enabled: groups !== null });
  const providers = useMemo((): ScreenedProvider[] | null => {
    if (!known.data) return null;
    const byOwner = new Map<string, ChainBid[]>();
    for (const b of bids.data ?? []) byOwner.set(b.id.provider, [...(byOwner.get(b.id.provider) ?? []), b]);
    return known.data.providers.map((p) => ({ ...p, recentBids: byOwner.get(p.owner) ?? [] }));
  }, [known.data, bids.data]);
  const screen = useMemo(() => (groups && providers ? preScreen(groups, providers) : null), [groups, providers]);
  return { screen, providers, pending: groups !== null && known.isPending, error: known.error };
}
