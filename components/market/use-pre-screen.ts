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

/** The pre-screen of these groups against every provider on the connected network (one chain read, cached 5 min). */
export function usePreScreen(groups: readonly GroupView[] | null): UsePreScreen {
  const { network } = useWallet();
  const known = useQuery({
    ...providerQueries.all(network),
    enabled: groups !== null,
  });
  const screen = useMemo(() => (groups && known.data ? preScreen(groups, known.data) : null), [groups, known.data]);
  return {
    screen,
    pending: groups !== null && known.isPending,
    error: known.error,
  };
}
