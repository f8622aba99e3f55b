"use client";
import type { NoBidReason } from "@/lib/market/no-bids";
import { Button } from "@/components/ui/button";

interface NoBidsPanelProps {
  seconds: number;
  reasons: NoBidReason[] | null;
  onCloseDeployment?: () => void;
  busy?: boolean;
}

export function NoBidsPanel({ seconds, reasons, onCloseDeployment, busy }: NoBidsPanelProps) {
  return (
    <section aria-labelledby="no-bids-title" className="rounded border border-amber-300 bg-amber-50 p-4 text-sm">
      <h3 id="no-bids-title" className="font-semibold">
        No bids after {seconds} seconds
      </h3>
      <p>Providers bid within a few blocks when they can serve a deployment. These requirements of your SDL narrow who can:</p>
      {reasons === null ? (
        <p>Looking up the providers on this network…</p>
      ) : reasons.length === 0 ? (
        <p>Nothing in the SDL rules out the providers we know. The price may be below what they ask: raise the pricing in the SDL, or wait a little longer.</p>
      ) : (
        <ul className="list-disc pl-5">
          {reasons.map((r) => (
            <li key={`${r.group}/${r.kind}/${r.requirement}`}>
              <span className="font-medium">{r.group}:</span> {r.message}
            </li>
          ))}
        </ul>
      )}
      {onCloseDeployment && (
        <div className="mt-3">
          <p>Close the deployment to get the deposit back, then change the SDL and deploy again.</p>
          <Button variant="danger" onClick={onCloseDeployment} disabled={busy} busy={busy} className="mt-1">
            Close deployment
          </Button>
        </div>
      )}
    </section>
  );
}
