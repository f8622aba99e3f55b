"use client";
import { useId } from "react";
import type { BidFilters as Filters } from "@/lib/market/bid-rows";

interface BidFiltersProps {
  value: Filters;
  regions: string[];
  gpuModels: string[];
  onChange(next: Filters): void;
}

/** Native form controls: keyboard and screen-reader behaviour come with them. */
export function BidFilters({ value, regions, gpuModels, onChange }: BidFiltersProps) {
  const id = useId();
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => onChange({ ...value, [k]: v });
  return (
    <fieldset className="flex flex-wrap items-end gap-4 text-sm">
      <legend className="sr-only">Filter bids</legend>
      <label htmlFor={`${id}-region`} className="flex flex-col">
        Region
        <select id={`${id}-region`} value={value.region} onChange={(e) => set("region", e.target.value)} className="rounded border px-2 py-1">
          <option value="">All regions</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      {gpuModels.length > 0 && (
        <label htmlFor={`${id}-gpu`} className="flex flex-col">
          GPU model
          <select id={`${id}-gpu`} value={value.gpuModel} onChange={(e) => set("gpuModel", e.target.value)} className="rounded border px-2 py-1">
            <option value="">All GPU models</option>
            {gpuModels.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={`${id}-max`} className="flex flex-col">
        Max price per month (USD)
        <input
          id={`${id}-max`}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={value.maxUsdPerMonth}
          onChange={(e) => set("maxUsdPerMonth", e.target.value)}
          className="w-32 rounded border px-2 py-1"
        />
      </label>
      <label htmlFor={`${id}-audited`} className="flex items-center gap-2">
        <input id={`${id}-audited`} type="checkbox" checked={value.auditedOnly} onChange={(e) => set("auditedOnly", e.target.checked)} />
        Audited providers only
      </label>
    </fieldset>
  );
}
