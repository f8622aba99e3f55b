"use client";
import { formatUsd } from "@/lib/format/units";
import { CLOUD_NAMES, CLOUD_TABLE, describePrice } from "@/lib/market/cloud-prices";
import { savingAgainst, type CloudCost } from "@/lib/market/cloud-compare";

/** "86% less ($3,412 a month)" or "12% more ($40 a month)" */
export function describeSaving(s: { usd: number; share: number }): string {
  const pct = Math.abs(s.share * 100);
  const shown = pct < 10 ? pct.toFixed(1) : pct.toFixed(0);
  return s.usd >= 0 ? `${shown}% less (${formatUsd(s.usd)} a month)` : `${shown}% more (${formatUsd(-s.usd)} a month)`;
}

/** what a cloud's figure is made of, with dates and sources: the hover text */
export function costSources(c: CloudCost): string {
  if (c.usdPerMonth === null) return `${CLOUD_NAMES[c.cloud]}: ${c.missing}`;
  return [`${CLOUD_NAMES[c.cloud]}${c.closest ? " (closest GPU it rents)" : ""}:`, ...c.prices.map((p) => describePrice(p))].join("\n");
}

/** the cheapest cloud with a total, and this price's saving against it; null when no cloud has a total */
export function savingAgainstCheapest(costs: readonly CloudCost[], akashUsd: number | null) {
  const priced = costs.filter((c) => c.usdPerMonth !== null).sort((a, b) => a.usdPerMonth! - b.usdPerMonth!);
  const cheapest = priced[0];
  const saving = cheapest ? savingAgainst(cheapest, akashUsd) : null;
  return cheapest && saving ? { cloud: cheapest, saving } : null;
}

/**
 * "Compared with the big clouds": the same resources' monthly cost at each cloud (hover for the instance, region,
 * price list and dates), and what `akashLabel` (the SDL's maximum, the cheapest bid) saves or costs more against it.
 */
export function CloudComparison({ costs, akashUsd, akashLabel, note }: { costs: readonly CloudCost[]; akashUsd: number | null; akashLabel: string; note?: string }) {
  return (
    <section aria-label="Compared with the big clouds" className="space-y-1 text-sm">
      <h3 className="font-semibold">Compared with the big clouds</h3>
      <table className="border-collapse">
        <thead>
          <tr className="border-b text-left">
            <th scope="col" className="py-1 pr-4">Cloud, on demand</th>
            <th scope="col" className="pr-4">Same resources per month</th>
            <th scope="col">{`${akashLabel}${akashUsd === null ? "" : ` (${formatUsd(akashUsd)})`}`}</th>
          </tr>
        </thead>
        <tbody>
          {costs.map((c) => {
            const saving = savingAgainst(c, akashUsd);
            return (
              <tr key={c.cloud} className="border-b" title={costSources(c)}>
                <th scope="row" className="py-1 pr-4 text-left font-normal">
                  {CLOUD_NAMES[c.cloud]}
                  {c.closest && <span className="text-neutral-600"> (closest GPU)</span>}
                </th>
                <td className="pr-4">{c.usdPerMonth === null ? <span className="text-neutral-600">{`— ${c.missing}`}</span> : formatUsd(c.usdPerMonth)}</td>
                <td className={saving && saving.usd >= 0 ? "text-green-700" : undefined}>{saving ? describeSaving(saving) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {note && <p className="text-xs text-neutral-600">{note}</p>}
      <p className="text-xs text-neutral-600">
        {`List prices read ${CLOUD_TABLE.read} from the clouds' own price lists (published ${[...new Set(Object.values(CLOUD_TABLE.sources).map((s) => s.published))].sort().join(", ")}); hover a row for the instance, region and source. A GPU instance's price includes the CPU and memory it comes with. Prices that could not be confirmed are left out.`}
      </p>
    </section>
  );
}
