"use client";
import { useId } from "react";
import type { DirectoryFilters as Filters } from "@/lib/market/directory";

interface Props {
  value: Filters;
  options: { regions: string[]; gpuModels: { value: string; label: string }[]; storageClasses: string[] };
  onChange(next: Filters): void;
}

/** Native form controls, one label each: keyboard and screen-reader behaviour come with them. */
export function DirectoryFilters({ value, options, onChange }: Props) {
  const id = useId();
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => onChange({ ...value, [k]: v });
  const select = (key: "region" | "gpuModel" | "storageClass", label: string, all: string, items: { value: string; label: string }[]) => (
    <label htmlFor={`${id}-${key}`} className="flex flex-col">
      {label}
      <select id={`${id}-${key}`} value={value[key]} onChange={(e) => set(key, e.target.value)} className="rounded border px-2 py-1">
        <option value="">{all}</option>
        {items.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const check = (key: "auditedOnly" | "onlineOnly" | "ipLeasesOnly", label: string) => (
    <label className="flex items-center gap-1">
      <input type="checkbox" checked={value[key]} onChange={(e) => set(key, e.target.checked)} />
      {label}
    </label>
  );
  const plain = (xs: string[]) => xs.map((x) => ({ value: x, label: x }));
  return (
    <fieldset className="flex flex-wrap items-end gap-4 text-sm">
      <legend className="sr-only">Filter providers</legend>
      <label htmlFor={`${id}-search`} className="flex flex-col">
        Search
        <input id={`${id}-search`} type="search" value={value.search} onChange={(e) => set("search", e.target.value)} placeholder="Name, address, host, GPU" className="rounded border px-2 py-1" />
      </label>
      {select("region", "Region", "All regions", plain(options.regions))}
      {select("gpuModel", "GPU model", "All GPU models", options.gpuModels)}
      {select("storageClass", "Storage class", "All storage classes", plain(options.storageClasses))}
      {check("auditedOnly", "Audited")}
      {check("onlineOnly", "Online now")}
      {check("ipLeasesOnly", "IP leases")}
    </fieldset>
  );
}
