"use client";

export interface SortState<K extends string> {
  key: K;
  dir: "ascending" | "descending";
}

/** A column header that sorts by its column: a button inside the th, aria-sort on the th (WAI-ARIA sortable table). */
export function SortableHeader<K extends string>({ column, sort, onSort }: { column: { key: K | null; label: string }; sort: SortState<K>; onSort(k: K): void }) {
  if (!column.key) return <th scope="col" className="px-2 py-1 text-left">{column.label}</th>;
  const key = column.key;
  const active = sort.key === key;
  return (
    <th scope="col" aria-sort={active ? sort.dir : "none"} className="px-2 py-1 text-left">
      <button type="button" onClick={() => onSort(key)} className="font-semibold underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2">
        {column.label}
        <span aria-hidden="true">{active ? (sort.dir === "ascending" ? " ▲" : " ▼") : ""}</span>
      </button>
    </th>
  );
}
