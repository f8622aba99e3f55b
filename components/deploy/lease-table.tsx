"use client";
import type { ChainLease } from "@/lib/chain/rest-schemas";
import type { DeploymentRecordDto } from "@/lib/deploy/api-client";
import { normalizeBidPrice } from "@/lib/market/price";
import type { Network } from "@/lib/networks";
import { formatUsd } from "@/lib/format/units";
import { ManifestState } from "@/components/lease/manifest-state";
import { useAktPrice } from "@/components/market/use-akt-price";
import { leaseKey, type DeliveryLease, type LeaseDelivery } from "@/lib/deploy/manifest-delivery";

interface Props {
  network: Network;
  leases: ChainLease[];
  records: DeploymentRecordDto["leases"];
  deliveries: ReadonlyMap<string, LeaseDelivery>;
  /** null when the manifest cannot be sent from here */
  onSend: ((leases: DeliveryLease[]) => void) | null;
}

/** The active leases with their price and whether the provider has the manifest. */
export function LeaseTable({ network, leases, records, deliveries, onSend }: Props) {
  const now = Date.now();
  const akt = useAktPrice(network);
  return (
    <section aria-labelledby="leases-heading">
      <h2 id="leases-heading" className="text-lg font-medium">Leases</h2>
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">Active leases</caption>
        <thead className="text-neutral-500">
          <tr>
            <th scope="col" className="py-1 pr-4">Group</th>
            <th scope="col" className="pr-4">Provider</th>
            <th scope="col" className="pr-4">Price per month</th>
            <th scope="col">Manifest</th>
          </tr>
        </thead>
        <tbody>
          {leases.map((l) => {
            const price = normalizeBidPrice(l.price, { averageBlockTimeSeconds: network.averageBlockTimeSeconds, aktUsd: akt.usd });
            const rec = records.find((r) => r.gseq === l.id.gseq && r.oseq === l.id.oseq);
            return (
              <tr key={`${l.id.gseq}-${l.id.oseq}`} className="border-t border-neutral-200">
                <td className="py-1.5 pr-4">{l.id.gseq}</td>
                <td className="pr-4 font-mono text-xs">{l.id.provider}</td>
                <td>
                  {Number(price.perMonth).toLocaleString("en-US", { maximumFractionDigits: 4 })} {price.symbol}
                  {price.usdPerMonth !== null && ` (${formatUsd(price.usdPerMonth)})`}
                </td>
                <td>
                  <ManifestState
                    record={rec}
                    delivery={deliveries.get(leaseKey(l.id))}
                    onRetry={onSend && (() => onSend([{ provider: l.id.provider, gseq: l.id.gseq, oseq: l.id.oseq }]))}
                    now={now}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
