"use client";
import { Alert } from "@/components/ui/alert";
import { ErrorMessage } from "@/components/ui/error-message";
import type { PreScreen } from "@/lib/market/pre-screen";
import type { GroupView } from "@/lib/sdl/check";
import { usePreScreen } from "./use-pre-screen";

/**
 * "Providers that can run this", before any deposit: how many known providers meet every requirement of the SDL,
 * which ones, and for each one ruled out the requirement it fails: placement, audits, GPU model, storage class, IP
 * leases, room in the free capacity the provider last reported on /status (a provider that reports none is not
 * ruled out for capacity: its bid will tell), and the price ceiling against what it recently bid for no more.
 */
export function PreScreenPanel({ groups }: { groups: readonly GroupView[] }) {
  const { screen, pending, error } = usePreScreen(groups);
  return (
    <section aria-label="Providers that can run this" className="mt-3 space-y-2 text-sm">
      <h3 className="font-semibold">Providers that can run this</h3>
      {pending && <p className="text-neutral-600">Reading the providers on chain…</p>}
      {error && <ErrorMessage error={error} />}
      {screen && <Verdict screen={screen} />}
      {screen && screen.ruledOut.length > 0 && (
        <details>
          <summary className="cursor-pointer text-neutral-700">{`Ruled out (${screen.ruledOut.length})`}</summary>
          <ul className="mt-1 space-y-0.5">
            {screen.ruledOut.map((o) => (
              <li key={o.owner}>
                <span className="font-medium">{o.name}</span>: {o.kind === "capacity" ? "no room: needs" : "needs"} {o.requirement}
                {o.price && <span className="text-neutral-600">{` (it bid ${o.price.bid} ${o.price.denom} per block for no more resources in deployment ${o.price.dseq}; this group allows ${o.price.ceiling})`}</span>}
                {screen.ruledOut.some((x) => x.group !== o.group) && <span className="text-neutral-600"> (group {o.group})</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Verdict({ screen }: { screen: PreScreen }) {
  if (screen.known === 0) return <p>No provider is registered on this network yet.</p>;
  if (screen.canRun.length === 0) return <NoneCanRun screen={screen} />;
  return (
    <>
      <p>
        <strong>{`${screen.canRun.length} of ${screen.known}`}</strong> providers can run this now (placement, audits, GPU model, storage class, IP leases, room in
        the free capacity each last reported, and its recent bids against your price ceiling).
      </p>
      <p className="text-neutral-700">{screen.canRun.map((p) => (p.region ? `${p.name} (${p.region})` : p.name)).join(", ")}</p>
    </>
  );
}

/** The standing warning when no provider can: named requirement to relax. Shown in the preview and above "Create deployment". */
export function NoneCanRun({ screen }: { screen: PreScreen }) {
  return (
    <Alert tone="warning" role="note" title={`None of the ${screen.known} providers can run this now`}>
      {screen.relax && (
        <p>
          Relax <strong>{screen.relax.requirement}</strong>
          {screen.relax.group ? ` (group ${screen.relax.group})` : ""}: {screen.relax.message} A deposit posted now would get no bids.
        </p>
      )}
    </Alert>
  );
}
