"use client";
import { useEffect, useMemo, useState } from "react";
import { BidFilters } from "@/components/bids/bid-filters";
import { buildRows, filterRows, gpusOfGroup, NO_FILTERS, sortRows, type BidFilters as Filters, type SortKey, type SortState } from "@/lib/market/bid-rows";
import { BidTable } from "@/components/bids/bid-table";
import { CloudComparison } from "@/components/market/cloud-comparison";
import type { BidRow } from "@/lib/market/bid-rows";
import { NoBidsPanel } from "@/components/bids/no-bids-panel";
import { useDeploymentBids } from "@/components/bids/use-deployment-bids";
import type { EnrichedBid } from "@/lib/market/enriched-bid";
import { ErrorMessage } from "@/components/ui/error-message";
import { pollIntervalFor } from "@/lib/market/bids-stream";
import { explainNoBids } from "@/lib/market/no-bids";
import type { Network } from "@/lib/networks";
import type { GroupView } from "@/lib/sdl/check";

export interface BidComparisonProps {
  network: Network;
  owner: string;
  dseq: string;
  groups: GroupView[];
  /** USD per AKT; null when no price source answered (AKT prices then show "AKT price unknown") */
  aktUsd: number | null;
  /** gseq -> key of the bid the tenant picked for that group */
  selected: Record<number, string>;
  busy?: boolean;
  onAccept(bid: EnrichedBid): void;
  onCloseDeployment?(): void;
  /** how long without any bid before the table explains why (default 60 s) */
  noBidsAfterMs?: number;
}

const DEFAULT_NO_BIDS_MS = 60_000;

/** Bids per group, compared on price, provider facts and uptime; the tenant accepts one per group. */
export function BidComparison(props: BidComparisonProps) {
  const { network, owner, dseq, groups, aktUsd, selected, busy = false, onAccept, onCloseDeployment } = props;
  const noBidsAfterMs = props.noBidsAfterMs ?? DEFAULT_NO_BIDS_MS;
  const [waitedOut, setWaitedOut] = useState(false);
  const [sort, setSort] = useState<SortState>({ key: "price", dir: "ascending" });
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const live = useDeploymentBids({ network, owner, dseq, withKnownProviders: waitedOut });
  const { bids, transport, error, startedAt } = live;

  useEffect(() => {
    setWaitedOut(false);
    const t = setTimeout(() => setWaitedOut(true), Math.max(0, startedAt + noBidsAfterMs - Date.now()));
    return () => clearTimeout(t);
  }, [startedAt, noBidsAfterMs]);

  const ctx = { averageBlockTimeSeconds: network.averageBlockTimeSeconds, aktUsd };
  const perGroup = useMemo(
    () =>
      groups.map((group, i) => {
        const gseq = i + 1; // groups are numbered on chain in SDL order, from 1
        return { group, gseq, rows: buildRows(bids.filter((b) => b.id.gseq === gseq), group, ctx) };
      }),
    // ctx is rebuilt from these two each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [groups, bids, network.averageBlockTimeSeconds, aktUsd],
  );
  const allRows = perGroup.flatMap((g) => g.rows);
  const regions = [...new Set(allRows.map((r) => r.region).filter((r): r is string => r !== null))].sort();
  const gpuModels = [...new Set(allRows.flatMap((r) => r.gpus))].sort();
  const pollSeconds = Math.round(pollIntervalFor(network) / 100) / 10;

  const onSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === "ascending" ? "descending" : "ascending" } : { key, dir: key === "uptime" || key === "audited" ? "descending" : "ascending" }));
  // (uptime and audits: the first click shows the best first)

  const reasons = useMemo(() => (live.knownProviders ? explainNoBids(groups, live.knownProviders) : null), [groups, live.knownProviders]);

  return (
    <section aria-label="Bids" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <span className={transport === "websocket" ? "font-semibold text-green-700" : "font-semibold text-amber-700"} data-transport={transport}>
          <span aria-hidden="true">{transport === "websocket" ? "● " : "○ "}</span>
          {transport === "websocket" ? "Live" : `Polling every ${pollSeconds} s — live updates unavailable`}
        </span>
        <p role="status" aria-live="polite" className="m-0">
          {bids.length} {bids.length === 1 ? "bid" : "bids"}
        </p>
      </div>
      {error && <ErrorMessage error={error} />}
      {bids.length > 0 && <BidFilters value={filters} regions={regions} gpuModels={gpuModels} onChange={setFilters} />}
      {waitedOut && bids.length === 0 ? (
        <NoBidsPanel seconds={Math.round(noBidsAfterMs / 1000)} reasons={reasons} onCloseDeployment={onCloseDeployment} busy={busy} />
      ) : (
        perGroup.map(({ group, gseq, rows }) => {
          const shown = sortRows(filterRows(rows, filters), sort);
          return (
            <div key={gseq} className="overflow-x-auto">
              <BidTable
                caption={`Group ${group.name}: ${rows.length === 0 ? "waiting for bids" : shown.length === rows.length ? `${rows.length} ${rows.length === 1 ? "bid" : "bids"}` : `${shown.length} of ${rows.length} bids match the filters`}`}
                rows={shown}
                showGpuHour={gpusOfGroup(group) > 0}
                sort={sort}
                onSort={onSort}
                selectedKey={selected[gseq]}
                busy={busy}
                onAccept={onAccept}
              />
              <CheapestAgainstClouds rows={rows} />
            </div>
          );
        })
      )}
    </section>
  );
}

/** the group's cheapest bid against the big clouds, for the resources that bid is for */
function CheapestAgainstClouds({ rows }: { rows: readonly BidRow[] }) {
  const cheapest = rows.find((r) => r.ranked.cheapest);
  if (!cheapest) return null;
  return <CloudComparison costs={cheapest.clouds} akashUsd={cheapest.price.usdPerMonth} akashLabel={`The cheapest bid, ${cheapest.providerName}`} />;
}
