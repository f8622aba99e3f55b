"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useAktPrice } from "@/components/market/use-akt-price";
import { ErrorMessage } from "@/components/ui/error-message";
import { useWallet } from "@/components/wallet/wallet-provider";
import { formatBytes, formatMillicores, formatUsd } from "@/lib/format/units";
import { bidFootprint, type Footprint } from "@/lib/market/price-ceiling";
import { normalizeBidPrice } from "@/lib/market/price";
import { chainQueries } from "@/lib/query/chain";

const LIMIT = 50;

/** "2 CPU, 4 GiB, 10 GiB storage, 1 × nvidia/h100, 1 IP" */
export function describeFootprint(f: Footprint): string {
  const gpus = [...f.gpus].map(([model, n]) => `${n} × ${model === "?" ? "GPU" : model}`);
  return [formatMillicores(f.cpu), formatBytes(f.memory), `${formatBytes(f.storage)} storage`, ...gpus, f.ips ? `${f.ips} IP${f.ips > 1 ? "s" : ""}` : null].filter(Boolean).join(", ");
}

/**
 * The prices a provider asked recently, from the chain: its open bids and the bids its running leases were made of,
 * newest first, each with what it was for (the bid's resources offer) and the price per block and per month.
 */
export function RecentBids({ owner, attributes }: { owner: string; attributes: readonly { key: string; value: string }[] }) {
  const { network } = useWallet();
  const akt = useAktPrice(network);
  const bids = useQuery(chainQueries.recentBids(network));
  const rows = useMemo(
    () =>
      (bids.data ?? [])
        .filter((b) => b.id.provider === owner)
        .sort((a, b) => Number(b.createdAt) - Number(a.createdAt))
        .slice(0, LIMIT)
        .map((b) => ({ bid: b, footprint: bidFootprint(b, attributes) })),
    [bids.data, owner, attributes],
  );
  if (bids.error) return <ErrorMessage error={bids.error} onRetry={() => void bids.refetch()} />;
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="py-2 text-left text-base font-semibold">{bids.isPending ? "Recent bids" : `Recent bids (${rows.length})`}</caption>
      <thead>
        <tr className="border-b text-left">
          <th scope="col" className="px-2 py-1">Deployment</th>
          <th scope="col" className="px-2 py-1">State</th>
          <th scope="col" className="px-2 py-1">For</th>
          <th scope="col" className="px-2 py-1 text-right">Per block</th>
          <th scope="col" className="px-2 py-1 text-right">Per month</th>
        </tr>
      </thead>
      <tbody>
        {bids.isPending && (
          <tr>
            <td colSpan={5} className="px-2 py-1 text-neutral-600">Reading the bids on chain…</td>
          </tr>
        )}
        {!bids.isPending && rows.length === 0 && (
          <tr>
            <td colSpan={5} className="px-2 py-1 text-neutral-600">No open bid or running lease on chain now.</td>
          </tr>
        )}
        {rows.map(({ bid, footprint }) => {
          const price = normalizeBidPrice(bid.price, { averageBlockTimeSeconds: network.averageBlockTimeSeconds, aktUsd: akt.usd });
          return (
            <tr key={`${bid.id.owner}/${bid.id.dseq}/${bid.id.gseq}/${bid.id.oseq}`} className="border-b">
              <td className="px-2 py-1 font-mono text-xs">{`${bid.id.dseq}/${bid.id.gseq}`}</td>
              <td className="px-2 py-1">{bid.state === "active" ? "Leased" : "Open"}</td>
              <td className="px-2 py-1">{footprint ? describeFootprint(footprint) : "offer not readable"}</td>
              {/* per block in the denom's base unit, as the SDL's pricing writes it */}
              <td className="px-2 py-1 text-right">{`${Number(price.perBlock).toLocaleString("en-US", { maximumFractionDigits: 6 })} ${price.denom}`}</td>
              <td className="px-2 py-1 text-right">
                {`${Number(price.perMonth).toLocaleString("en-US", { maximumFractionDigits: 2 })} ${price.symbol}`}
                {price.usdPerMonth !== null && ` (${formatUsd(price.usdPerMonth)})`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
