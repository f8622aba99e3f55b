"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useWallet } from "@/components/wallet/wallet-provider";
import { ErrorMessage } from "@/components/ui/error-message";
import { SortableHeader, type SortState } from "@/components/ui/sortable-header";
import { shortAddress } from "@/lib/chain/address";
import { directoryOptions, filterDirectory, gpuLabel, NO_DIRECTORY_FILTERS, sortDirectory, type DirectoryEntry, type DirectorySortKey } from "@/lib/market/directory";
import { providerQueries } from "@/lib/query/providers";
import { formatBytes, formatMillicores } from "@/lib/format/units";
import { inventoryTotals, type Inventory } from "@/lib/market/provider-status";
import { DirectoryFilters } from "./directory-filters";
import { RegionMap } from "./region-map";

const COLUMNS: { key: DirectorySortKey | null; label: string }[] = [
  { key: "name", label: "Provider" },
  { key: "region", label: "Region" },
  { key: "gpus", label: "GPUs" },
  { key: null, label: "Storage" },
  { key: null, label: "IP leases" },
  { key: null, label: "Audited by" },
  { key: null, label: "Online" },
  { key: "uptime24h", label: "Uptime (24 h)" },
  { key: "uptime7d", label: "Uptime (7 d)" },
  { key: "activeLeases", label: "Active leases" },
  { key: null, label: "Free now" },
];

/** Every provider on chain, filtered and sorted in the browser (a network has hundreds, not millions). */
export function ProviderDirectory() {
  const { network } = useWallet();
  const directory = useQuery(providerQueries.directory(network.id));
  const all = directory.data?.providers;
  if (directory.isPending) return <p className="text-sm text-neutral-600">Reading the providers on chain…</p>;
  if (directory.error && !all) return <ErrorMessage error={directory.error} onRetry={() => void directory.refetch()} />;
  return (
    <div className="space-y-4">
      {directory.error && <ErrorMessage error={directory.error} tone="warning" onRetry={() => void directory.refetch()} />}
      <DirectoryView entries={all!} chainName={network.chainName} />
    </div>
  );
}

/** The filters and the table over a list of entries: no data fetching, so the benchmark renders it as the page does. */
export function DirectoryView({ entries, chainName }: { entries: readonly DirectoryEntry[]; chainName: string }) {
  const [filters, setFilters] = useState(NO_DIRECTORY_FILTERS);
  const [sort, setSort] = useState<SortState<DirectorySortKey>>({ key: "uptime24h", dir: "descending" });
  const options = useMemo(() => directoryOptions(entries), [entries]);
  const regions = useMemo(() => entries.map((e) => e.region), [entries]);
  const rows = useMemo(() => sortDirectory(filterDirectory(entries, filters), sort.key, sort.dir), [entries, filters, sort]);
  const onSort = (key: DirectorySortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === "ascending" ? "descending" : "ascending" }));
  return (
    <>
      <RegionMap regions={regions} selected={filters.region} onSelect={(region) => setFilters((f) => ({ ...f, region }))} />
      <DirectoryFilters value={filters} options={options} onChange={setFilters} />
      <p role="status" className="text-sm text-neutral-700">
        {rows.length === entries.length ? `${entries.length} providers` : `${rows.length} of ${entries.length} providers`}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Providers on {chainName}</caption>
          <thead>
            <tr className="border-b">
              {COLUMNS.map((c) => (
                <SortableHeader key={c.label} column={c} sort={sort} onSort={onSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <ProviderRow key={p.owner} p={p} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ProviderRow({ p }: { p: DirectoryEntry }) {
  return (
    <tr className="border-b align-top">
      <th scope="row" className="px-2 py-1 text-left font-normal">
        <Link href={`/providers/${p.owner}`} className="font-medium underline-offset-2 hover:underline">
          {p.name}
        </Link>
        <div className="text-xs text-neutral-600">
          <span>{hostOf(p.hostUri)} · </span>
          <span title={p.owner}>{shortAddress(p.owner)}</span>
          {p.tier && <span> · {p.tier}</span>}
        </div>
      </th>
      <td className="px-2 py-1">
        {p.region ?? "—"}
        {p.location && p.location !== p.region && <div className="text-xs text-neutral-600">{p.location}</div>}
      </td>
      <td className="px-2 py-1">{p.gpus.length ? p.gpus.map(gpuLabel).join(", ") : "—"}</td>
      <td className="px-2 py-1">{p.storageClasses.length ? p.storageClasses.map((c) => (c.persistent ? `${c.name} (persistent)` : c.name)).join(", ") : "—"}</td>
      <td className="px-2 py-1">{p.ipLeases ? "Yes" : "No"}</td>
      <td className="px-2 py-1">{p.auditedBy.length ? p.auditedBy.map((a) => a.name ?? shortAddress(a.address)).join(", ") : "Not audited"}</td>
      <td className="px-2 py-1">{p.online === null ? "Not probed yet" : p.online ? "Online" : <span title={p.lastError ?? undefined}>{`Offline${p.lastError ? ` (${p.lastError})` : ""}`}</span>}</td>
      <td className="px-2 py-1">{p.uptime24h === null ? "No data yet" : `${p.uptime24h}%`}</td>
      <td className="px-2 py-1">{p.uptime7d === null ? "No data yet" : `${p.uptime7d}%`}</td>
      <td className="px-2 py-1">
        {p.activeLeases ?? "—"}
        {p.openBids !== null && p.openBids > 0 && <div className="text-xs text-neutral-600">{`${p.openBids} open bid${p.openBids > 1 ? "s" : ""}`}</div>}
      </td>
      <td className="px-2 py-1">
        {p.inventory ? freeNow(p.inventory) : "Not reported"}
        {p.disagreements.length > 0 && <div className="text-xs text-amber-800" title={p.disagreements.join("; ")}>Status disagrees with its attributes</div>}
      </td>
    </tr>
  );
}

/** "60 CPU · 466 GiB · 6 GPUs": the free capacity of the provider's last /status */
export function freeNow(inv: Inventory): string {
  const t = inventoryTotals(inv);
  return [formatMillicores(t.cpu), formatBytes(t.memory), t.gpu ? `${t.gpu} GPU${t.gpu > 1 ? "s" : ""}` : null].filter(Boolean).join(" · ");
}

/** a provider's host URI is whatever it registered on chain; one that is not a URL is shown as it is */
function hostOf(uri: string): string {
  return URL.canParse(uri) ? new URL(uri).host : uri;
}
