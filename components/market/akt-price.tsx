"use client";
import { useAktPrice } from "@/components/market/use-akt-price";
import type { Network } from "@/lib/networks";

function age(at: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(at)) / 1000));
  return s < 90 ? `${s} s ago` : s < 5400 ? `${Math.round(s / 60)} min ago` : `${Math.round(s / 3600)} h ago`;
}

/** The AKT price the chain's oracle has (the one ACT is minted at), with its age; "price unknown" when it has none. */
export function AktPrice({ network }: { network: Network }) {
  const { usd, at, healthy, query } = useAktPrice(network);
  if (query.isPending) return null;
  const text = usd === null || at === null ? "AKT price unknown" : `AKT $${usd.toFixed(usd < 10 ? 3 : 2)}`;
  const title =
    usd === null || at === null
      ? "The chain's oracle has no AKT price: AKT amounts are shown without a USD value."
      : `From the chain's oracle (time-weighted), ${age(at, Date.now())}${healthy === false ? "; the oracle reports it as unhealthy" : ""}`;
  return (
    <span data-testid="akt-price" title={title} className={`hidden text-xs tabular-nums lg:inline ${healthy === false ? "text-amber-800" : "text-neutral-600"}`}>
      {text}
    </span>
  );
}
