"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useWallet } from "@/components/wallet/wallet-provider";
import { preScreen, type PreScreen } from "@/lib/market/pre-screen";
import { providerQueries } from "@/lib/query/providers";
import type { GroupView } from "@/lib/sdl/check";

export interface UsePreScreen {
  screen: PreScreen | null;
  pending: boolean;
  error: Error | null;
}

/**
 * The pre-screen of these groups against every provider of the directory (the console server's: chain records with
 * audits, and the free capacity of each provider's last /status), cached a minute; the screen itself runs here.
 */
export function usePreScreen(groups: readonly GroupView[] | null): UsePreScreen {
  const { network } = useWallet();
  const known = useQuery({ ...providerQueries.directory(network.id), enabled: groups !== null });
  const screen = useMemo(() => (groups && known.data ? preScreen(groups, known.data.providers) : null), [groups, known.data]);
  return { screen, pending: groups !== null && known.isPending, error: known.error };
}
