"use client";
import { useMemo } from "react";
import { regionPoints } from "@/lib/market/region-map";

const W = 720;
const H = 300;

/**
 * The providers' regions on a longitude/latitude grid, drawn from the data (no tiles, no outside script): a dot per
 * area, sized by its providers; choosing one filters the directory by that region. Regions the map cannot place are
 * listed under it.
 */
export function RegionMap({ regions, selected, onSelect }: { regions: readonly (string | null)[]; selected: string; onSelect(region: string): void }) {
  const { points, unplaced, noRegion } = useMemo(() => regionPoints(regions), [regions]);
  const max = Math.max(1, ...points.map((p) => p.providers));
  // a label goes under its dot when the one before it (west to east) is close and already above
  const below = useMemo(() => {
    const out = new Set<string>();
    const byX = [...points].sort((a, b) => a.x - b.x);
    byX.forEach((p, i) => {
      const prev = byX[i - 1];
      if (prev && !out.has(prev.area) && (p.x - prev.x) * W < 90 && Math.abs(p.y - prev.y) * H < 30) out.add(p.area);
    });
    return out;
  }, [points]);
  return (
    <figure className="space-y-1">
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full max-w-3xl rounded border border-neutral-200 bg-white" role="group" aria-label="Providers by region">
        {/* a 30-degree graticule, the equator and the prime meridian a little darker */}
        {Array.from({ length: 13 }, (_, i) => (
          <line key={`m${i}`} x1={(i * W) / 12} y1={0} x2={(i * W) / 12} y2={H} stroke={i === 6 ? "#d4d4d4" : "#f0f0f0"} />
        ))}
        {Array.from({ length: 7 }, (_, i) => (
          <line key={`p${i}`} x1={0} y1={(i * H) / 6} x2={W} y2={(i * H) / 6} stroke={i === 3 ? "#d4d4d4" : "#f0f0f0"} />
        ))}
        {points.map((p) => {
          const r = 6 + 10 * Math.sqrt(p.providers / max);
          const region = p.regions[0]!;
          const active = p.regions.includes(selected);
          const label = `${p.regions.join(", ")}: ${p.providers} provider${p.providers > 1 ? "s" : ""}`;
          return (
            <g
              key={p.area}
              role="button"
              tabIndex={0}
              aria-label={`${label}${active ? " (shown)" : ""}`}
              aria-pressed={active}
              className="cursor-pointer focus:outline-none"
              onClick={() => onSelect(active ? "" : region)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  onSelect(active ? "" : region);
                }
              }}
            >
              <title>{label}</title>
              <circle cx={p.x * W} cy={p.y * H} r={r} fill={active ? "#1d4ed8" : "#3b82f6"} fillOpacity={active ? 0.9 : 0.55} stroke="#1e3a8a" />
              <text x={p.x * W} y={below.has(p.area) ? p.y * H + r + 12 : p.y * H - r - 4} textAnchor="middle" fontSize="11" fill="#262626">
                {`${p.area} (${p.providers})`}
              </text>
            </g>
          );
        })}
      </svg>
      {(unplaced.length > 0 || noRegion > 0) && (
        <figcaption className="text-xs text-neutral-600">
          {[...unplaced.map((u) => `${u.region} (${u.providers})`), noRegion > 0 ? `no region given (${noRegion})` : null].filter(Boolean).join(", ")}: not placed on the map.
        </figcaption>
      )}
    </figure>
  );
}
