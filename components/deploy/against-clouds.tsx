"use client";
import { useMemo } from "react";
import { CloudComparison } from "@/components/market/cloud-comparison";
import { useAktPrice } from "@/components/market/use-akt-price";
import { cloudCosts, sumCloudCosts, workloadOfGroup } from "@/lib/market/cloud-compare";
import type { Network } from "@/lib/networks";
import type { ScreenedProvider } from "@/lib/market/pre-screen";
import { recentAsk } from "@/lib/market/recent-ask";
import type { GroupView } from "@/lib/sdl/check";

/**
 * The SDL's resources at the big clouds, against what providers recently asked for exactly these resources when
 * some did (the going rate), else against the SDL's maximum (a ceiling, said so).
 */
export function AgainstClouds({ groups, maxUsd, providers, network }: { groups: readonly GroupView[]; maxUsd: number | null; providers: readonly ScreenedProvider[] | null; network: Network }) {
  const akt = useAktPrice(network);
  const costs = useMemo(() => sumCloudCosts(groups.map((g) => cloudCosts(workloadOfGroup(g)))), [groups]);
  const ask = useMemo(() => (providers ? recentAsk(groups, providers, { averageBlockTimeSeconds: network.averageBlockTimeSeconds, aktUsd: akt.usd }) : null), [groups, providers, network.averageBlockTimeSeconds, akt.usd]);
  if (ask) return <CloudComparison costs={costs} akashUsd={ask.usdPerMonth} akashLabel={`Recent bids for these resources (median of ${ask.bids})`} />;
  return <CloudComparison costs={costs} akashUsd={maxUsd} akashLabel="At your maximum price" note="The maximum is a ceiling: you pay the bid you accept, usually well under it; the bid table compares each bid." />;
}
