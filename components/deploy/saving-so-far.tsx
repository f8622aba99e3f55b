"use client";
import { useQuery } from "@tanstack/react-query";
import { useAktPrice } from "@/components/market/use-akt-price";
import { formatUsd } from "@/lib/format/units";
import type { ChainLease } from "@/lib/chain/rest-schemas";
import { CLOUD_NAMES, CLOUD_TABLE } from "@/lib/market/cloud-prices";
import { savingSoFar } from "@/lib/market/saving-so-far";
import type { Network } from "@/lib/networks";
import { providerQueries } from "@/lib/query/providers";
import type { GroupView } from "@/lib/sdl/check";

/**
 * On the deployment page: what the running leases saved so far against each big cloud, at their lease price, for
 * the resources each one runs (the GPU model its provider has). Clouds without a figure are named, not guessed.
 */
export function SavingSoFar({ network, leases, groups, height }: { network: Network; leases: readonly ChainLease[]; groups: readonly GroupView[]; height: number }) {
  const directory = useQuery(providerQueries.directory(network.id));
  const akt = useAktPrice(network);
  const attributesOf = (owner: string) => directory.data?.providers.find((p) => p.owner === owner)?.attributes;
  const savings = savingSoFar(
    leases.map((l) => ({ gseq: l.id.gseq, provider: l.id.provider, price: l.price, createdAt: l.createdAt })),
    groups,
    attributesOf,
    { height, averageBlockTimeSeconds: network.averageBlockTimeSeconds, aktUsd: akt.usd },
  );
  const known = savings.filter((s) => s.usd !== null);
  const missing = savings.filter((s) => s.usd === null).map((s) => CLOUD_NAMES[s.cloud]);
  return (
    <section aria-label="Saving so far" className="text-sm" title={`On-demand list prices read ${CLOUD_TABLE.read} from the clouds' price lists (see "Compared with the big clouds" when deploying).`}>
      <span className="font-semibold">Saving so far: </span>
      {known.length === 0
        ? "no cloud has a confirmed price for these resources"
        : known.map((s) => `${s.usd! >= 0 ? formatUsd(s.usd!) : `−${formatUsd(-s.usd!)}`} against ${CLOUD_NAMES[s.cloud]} (${Math.abs(Math.round(s.share! * 100))}% ${s.usd! >= 0 ? "less" : "more"})`).join(" · ")}
      {known.length > 0 && missing.length > 0 && <span className="text-neutral-600">{` · no confirmed figure for ${missing.join(", ")}`}</span>}
    </section>
  );
}
