"use client";
import { useAktPrice } from "@/components/market/use-akt-price";
import { useWallet } from "@/components/wallet/wallet-provider";
import { formatBytes, formatMillicores, formatUsd } from "@/lib/format/units";
import type { Footprint } from "@/lib/market/footprint";
import { normalizeBidPrice } from "@/lib/market/price";
import { RECENT_BIDS_PER_PROVIDER, type RecentBid } from "@/lib/market/recent-bids";

/** "2 CPU, 4 GiB, 10 GiB storage, 1 × nvidia/h100, 1 IP" */
export function describeFootprint(f: Footprint): string {
  const gpus = Object.entries(f.gpus).map(([model, n]) => `${n} × ${model === "?" ? "GPU" : model}`);
  return [formatMillicores(f.cpu), formatBytes(f.memory), `${formatBytes(f.storage)} storage`, ...gpus, f.ips ? `${f.ips} IP${f.ips > 1 ? "s" : ""}` : null].filter(Boolean).join(", ");
}

/**
 * The prices a provider asked recently, from the chain through the directory: its newest open bids and bids its
 * running leases were made of, each with what it was for and the price per block and per month. `bids` null: the
 * server has no list of the bids (yet).
 */
export function RecentBids({ bids }: { bids: readonly RecentBid[] | null }) {
  const { network } = useWallet();
  const akt = useAktPrice(network);
  const rows = bids ?? [];
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="py-2 text-left text-base font-semibold">{rows.length === RECENT_BIDS_PER_PROVIDER ? `Recent bids (the newest ${rows.length})` : `Recent bids (${rows.length})`}</caption>
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
        {rows.length === 0 && (
          <tr>
            <td colSpan={5} className="px-2 py-1 text-neutral-600">{bids ? "No open bid or running lease on chain now." : "The bids on chain are not read yet, or the node could not list them."}</td>
          </tr>
        )}
        {rows.map((bid, i) => {
          const price = normalizeBidPrice(bid.price, { averageBlockTimeSeconds: network.averageBlockTimeSeconds, aktUsd: akt.usd });
          return (
            // two tenants can post a deployment in the same block (same dseq): the position keeps keys apart
            <tr key={`${i}/${bid.dseq}/${bid.gseq}/${bid.oseq}`} className="border-b">
              <td className="px-2 py-1 font-mono text-xs">{`${bid.dseq}/${bid.gseq}`}</td>
              <td className="px-2 py-1">{bid.state === "active" ? "Leased" : "Open"}</td>
              <td className="px-2 py-1">{bid.footprint ? describeFootprint(bid.footprint) : "offer not readable"}</td>
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
