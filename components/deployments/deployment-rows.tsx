"use client";
import Link from "next/link";
import { shortAddress } from "@/lib/chain/address";
import { durationLabel } from "@/lib/deploy/deposit";
import type { DeploymentRowDto } from "@/lib/deploy/api-client";
import { formatUsd } from "@/lib/format/units";
import { normalizeBidPrice } from "@/lib/market/price";
import type { Network } from "@/lib/networks";
import { cn } from "@/components/ui/cn";

const LEVEL_CLASS = { ok: "", none: "text-neutral-500", warning: "font-medium text-amber-800", critical: "font-semibold text-red-800" } as const;

function Cost({ row, network, aktUsd }: { row: DeploymentRowDto; network: Network; aktUsd: number | null }) {
  if (!row.pricePerBlock) return <span className="text-neutral-500">–</span>;
  const p = normalizeBidPrice(row.pricePerBlock, { averageBlockTimeSeconds: network.averageBlockTimeSeconds, aktUsd });
  return (
    <span>
      {p.usdPerMonth !== null && <span className="block">{formatUsd(p.usdPerMonth)}</span>}
      <span className="block text-xs text-neutral-600">
        {Number(p.perMonth).toLocaleString("en-US", { maximumFractionDigits: 2 })} {p.symbol}/month
      </span>
    </span>
  );
}

function EscrowLeft({ row }: { row: DeploymentRowDto }) {
  const e = row.escrow;
  if (!e) return <span className="text-neutral-500">–</span>;
  const label = e.seconds === null ? "no lease draws on it" : e.seconds === 0 ? "empty" : `${durationLabel(e.seconds)} left`;
  return (
    <span className={cn("block", LEVEL_CLASS[e.level])}>
      {e.level === "critical" ? "Under an hour: " : e.level === "warning" ? "Under a day: " : ""}
      {label}
    </span>
  );
}

/** The owner's deployments, one row each (name, dseq, state, providers, cost, escrow time left, GPUs). */
export function DeploymentRows({ rows, network, aktUsd, closing }: { rows: readonly DeploymentRowDto[]; network: Network; aktUsd: number | null; closing: ReadonlySet<string> }) {
  return (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="sr-only">Your deployments on {network.chainName}</caption>
      <thead className="text-neutral-500">
        <tr>
          <th scope="col" className="py-2 pr-3">Name</th>
          <th scope="col" className="pr-3">DSEQ</th>
          <th scope="col" className="pr-3">State</th>
          <th scope="col" className="pr-3">Providers</th>
          <th scope="col" className="pr-3">Cost</th>
          <th scope="col" className="pr-3">Escrow</th>
          <th scope="col">GPUs</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const closedReason = r.leases.find((l) => l.closedReason)?.closedReason;
          return (
            <tr key={r.dseq} className="border-t border-neutral-200 align-top">
              <td className="py-2 pr-3">
                <Link className="font-medium hover:underline" href={`/deployments/${r.dseq}`}>
                  {r.name ?? <span className="text-neutral-600">Created elsewhere</span>}
                </Link>
                {r.stale && <span className="block text-xs text-amber-800">{r.stale}</span>}
              </td>
              <td className="pr-3 font-mono">{r.dseq}</td>
              <td className="pr-3">
                {r.state === "active" ? (closing.has(r.dseq) ? "Closing…" : r.providers.length ? "Leased" : "Waiting for bids") : "Closed"}
                {r.state === "closed" && closedReason && <span className="block text-xs text-neutral-600">{closedReason.replaceAll("_", " ")}</span>}
              </td>
              <td className="pr-3 font-mono text-xs">
                {r.providers.map((p) => (
                  <span key={p} title={p} className="block">
                    {shortAddress(p)}
                  </span>
                ))}
              </td>
              <td className="pr-3">
                <Cost row={r} network={network} aktUsd={aktUsd} />
              </td>
              <td className="pr-3">
                <EscrowLeft row={r} />
              </td>
              <td>{r.gpus ?? <span className="text-neutral-500">–</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
