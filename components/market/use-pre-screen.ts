"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useWallet } from "@/components/wallet/wallet-provider";
import { preScreen, type PreScreen, type ScreenedProvider } from "@/lib/market/pre-screen";
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
 * audits, the free capacity of each provider's last /status, its newest bids reduced to price and footprint), cached
 * a minute; the screen itself runs here. While the server has no list of the bids (a slow or failing node), the
 * price ceiling is not judged.
 */
export function usePreScreen(groups: readonly GroupView[] | null): UsePreScreen {
  const { network } = useWallet();
  const known = useQuery({ ...providerQueries.directory(network.id), enabled: groups !== null });
  const providers: ScreenedProvider[] | null = known.data?.providers ?? null;
  const screen = useMemo(() => (groups && providers ? preScreen(groups, providers) : null), [groups, providers]);
  return { screen, providers, pending: groups !== null && known.isPending, error: known.error };
}
