"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useWallet } from "@/components/wallet/wallet-provider";
import { Alert } from "@/components/ui/alert";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatUsd } from "@/lib/format/units";
import { gpuMarket } from "@/lib/market/gpu-market";
import { providerQueries } from "@/lib/query/providers";
import { GPU_TEMPLATE } from "@/lib/templates/with-gpu";
import { useAktPrice } from "./use-akt-price";

/** One row per GPU model: providers offering it (online now), and its recent bids' price per GPU-hour (from the directory). */
export function GpuMarketplace() {
  const { network } = useWallet();
  const directory = useQuery(providerQueries.directory(network.id));
  const akt = useAktPrice(network);
  const rows = useMemo(
    () => (directory.data ? gpuMarket(directory.data.providers, { averageBlockTimeSeconds: network.averageBlockTimeSeconds, aktUsd: akt.usd }) : null),
    [directory.data, network.averageBlockTimeSeconds, akt.usd],
  );
  // the server lists the bids with the providers; null when the node it reads could not list them
  const bidsUnknown = directory.data?.providers.some((p) => p.recentBids === null) ?? false;

  if (directory.isPending) return <p className="text-sm text-neutral-600">Reading the providers on chain…</p>;
  if (!rows) return <ErrorMessage error={directory.error} onRetry={() => void directory.refetch()} />;
  return (
    <div className="space-y-3">
      {bidsUnknown && (
        <Alert tone="warning" title="Prices unknown">
          The console has not read the bids on chain yet, or the node could not list them, so no price per GPU-hour is
          shown; asked again every 10 seconds.
        </Alert>
      )}
      {rows.length === 0 ? (
        <p className="text-sm">No provider on this network advertises a GPU.</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <caption className="py-2 text-left text-base font-semibold">{`${rows.length} GPU models on ${network.chainName}`}</caption>
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="px-2 py-1">GPU model</th>
              <th scope="col" className="px-2 py-1">Memory</th>
              <th scope="col" className="px-2 py-1">Interface</th>
              <th scope="col" className="px-2 py-1">Providers (online)</th>
              <th scope="col" className="px-2 py-1">Free now</th>
              <th scope="col" className="px-2 py-1">Recent bids</th>
              <th scope="col" className="px-2 py-1">Price per GPU-hour (lowest / median)</th>
              <th scope="col" className="px-2 py-1">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b">
                <th scope="row" className="px-2 py-1 text-left font-medium">{`${r.vendor} ${r.model}`}</th>
                <td className="px-2 py-1">{r.memory.join(", ") || "—"}</td>
                <td className="px-2 py-1">{r.interfaces.join(", ") || "—"}</td>
                <td className="px-2 py-1">{`${r.providers} (${r.providersOnline} online)`}</td>
                <td className="px-2 py-1">{r.availableNow ?? "Not reported"}</td>
                <td className="px-2 py-1">{bidsUnknown ? "unknown" : r.bids}</td>
                <td className="px-2 py-1">
                  {r.minUsdPerGpuHour !== null ? `${formatUsd(r.minUsdPerGpuHour)} / ${formatUsd(r.medianUsdPerGpuHour!)}` : r.bids > 0 ? "AKT price unknown" : bidsUnknown ? "—" : "No recent bid"}
                </td>
                <td className="px-2 py-1">
                  <Link href={`/new?template=${GPU_TEMPLATE}&gpu=${encodeURIComponent(r.key)}`} className="font-medium underline" aria-label={`Deploy with ${r.vendor} ${r.model}`}>
                    Deploy with this GPU
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
