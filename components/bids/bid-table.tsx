"use client";
import { formatUsd } from "@/lib/format/units";
import { Button } from "@/components/ui/button";
import { SortableHeader } from "@/components/ui/sortable-header";
import { BID_ROW_KEY_ATTRIBUTE, formatDecimal, type BidRow, type SortKey, type SortState } from "@/lib/market/bid-rows";
import type { EnrichedBid } from "@/lib/market/enriched-bid";
import { costSources, describeSaving, savingAgainstCheapest } from "@/components/market/cloud-comparison";
import { CLOUD_NAMES } from "@/lib/market/cloud-prices";

interface BidTableProps {
  caption: string;
  rows: BidRow[];
  /** the group asks for GPUs: show the per GPU-hour column */
  showGpuHour: boolean;
  sort: SortState;
  onSort(key: SortKey): void;
  selectedKey: string | undefined;
  busy: boolean;
  onAccept(bid: EnrichedBid): void;
}

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: "provider", label: "Provider" },
  { key: "region", label: "Region" },
  { key: "gpu", label: "GPU" },
  { key: "audited", label: "Audited by" },
  { key: "uptime", label: "Uptime (24 h)" },
  { key: "price", label: "Price per block" },
  { key: null, label: "Per month" },
];

function MonthlyPrice({ row }: { row: BidRow }) {
  const p = row.price;
  return (
    <>
      <div>{p.usdPerMonth === null ? (p.symbol === "AKT" ? "AKT price unknown" : `No USD rate for ${p.symbol}`) : formatUsd(p.usdPerMonth)}</div>
      <div className="text-xs text-neutral-600">
        {formatDecimal(p.perMonth, 4)} {p.symbol}
      </div>
      <CloudSaving row={row} />
    </>
  );
}

/** the saving (or extra cost) against the cheapest big cloud for the same resources; every cloud on hover */
function CloudSaving({ row }: { row: BidRow }) {
  const best = savingAgainstCheapest(row.clouds, row.price.usdPerMonth);
  if (!best) return null;
  return (
    <div className={best.saving.usd >= 0 ? "text-xs text-green-700" : "text-xs text-amber-700"} title={row.clouds.map(costSources).join("\n\n")}>
      {`${describeSaving(best.saving)} than ${CLOUD_NAMES[best.cloud.cloud]}`}
    </div>
  );
}

function AboveCheapest({ row }: { row: BidRow }) {
  const r = row.ranked;
  if (r.cheapest) return <span className="font-semibold text-green-700">Cheapest</span>;
  const a = r.aboveCheapest;
  if (!a) return <span>Not comparable (different currencies)</span>;
  const parts = [
    a.percent !== null ? `+${a.percent.toFixed(a.percent < 10 ? 1 : 0)}%` : null,
    a.usdPerMonth !== null ? `+${formatUsd(a.usdPerMonth)}/month` : a.perMonth !== null ? `+${formatDecimal(a.perMonth, 4)} ${row.price.symbol}/month` : null,
  ].filter(Boolean);
  return <span>{parts.join(" · ")}</span>;
}

export function BidTable({ caption, rows, showGpuHour, sort, onSort, selectedKey, busy, onAccept }: BidTableProps) {
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="py-2 text-left text-base font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b">
          {COLUMNS.map((c) => (
            <SortableHeader key={c.label} column={c} sort={sort} onSort={onSort} />
          ))}
          {showGpuHour && <th scope="col" className="px-2 py-1 text-left">Per GPU-hour</th>}
          <th scope="col" className="px-2 py-1 text-left">Compared with the cheapest</th>
          <th scope="col" className="px-2 py-1 text-left">
            <span className="sr-only">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const selected = row.key === selectedKey;
          return (
            // aria-busy: a row drawn from the block's event, until the bid list read from the node confirms it
            <tr key={row.key} {...{ [BID_ROW_KEY_ATTRIBUTE]: row.key }} aria-busy={row.bid.unconfirmed || undefined} className={selected ? "bg-blue-50" : "border-b"}>
              <td className="px-2 py-1">
                <div className="font-medium">{row.providerName}</div>
                <div className="text-xs text-neutral-600">
                  {row.host && <span>{row.host} · </span>}
                  <span title={row.bid.id.provider}>{row.ownerShort}</span>
                </div>
              </td>
              <td className="px-2 py-1">{row.region ?? "—"}</td>
              <td className="px-2 py-1">{row.gpus.length ? row.gpus.join(", ") : "—"}</td>
              <td className="px-2 py-1">{row.auditors.length ? row.auditors.join(", ") : "Not audited"}</td>
              <td className="px-2 py-1">{row.uptime === null ? "No data yet" : `${row.uptime}%`}</td>
              <td className="px-2 py-1">
                {formatDecimal(row.price.perBlock, 4)} {row.price.denom}
              </td>
              <td className="px-2 py-1">
                <MonthlyPrice row={row} />
              </td>
              {showGpuHour && (
                <td className="px-2 py-1">
                  {row.price.usdPerGpuHour !== null ? formatUsd(row.price.usdPerGpuHour) : row.price.perGpuHour !== null ? `${formatDecimal(row.price.perGpuHour, 4)} ${row.price.symbol}` : "—"}
                </td>
              )}
              <td className="px-2 py-1">
                <AboveCheapest row={row} />
              </td>
              <td className="px-2 py-1">
                {selected && <span className="mr-2 text-xs font-semibold">Selected</span>}
                {/* the visible word starts the accessible name (WCAG label in name); the provider makes it unique */}
                {row.bid.unconfirmed && (
                  <span className="mr-2 text-xs text-neutral-600" title="Seen in the block's events; the bid list read from the node confirms it in a moment">
                    Confirming…
                  </span>
                )}
                <Button size="sm" disabled={busy || row.bid.unconfirmed} onClick={() => onAccept(row.bid)} aria-label={`Accept bid from ${row.providerName}`}>
                  Accept
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
