"use client";
import type { ProviderTokens } from "@/lib/provider-gateway/jwt";
import type { LeaseRef } from "@/lib/provider-gateway/lease-ref";
import { LeaseWorkload } from "./lease-workload";

/**
 * The workload of a deployment's leases whose provider has the manifest: status, logs, events and a shell per lease.
 * Loaded on demand (deployment-view.tsx imports it dynamically): the log viewer and the terminal are heavy and only
 * a running deployment needs them.
 */
export function LeasePanel({ leases, tokens }: { leases: readonly LeaseRef[]; tokens: ProviderTokens | null }) {
  if (leases.length === 0) return null;
  return (
    <section aria-labelledby="workload-heading" className="space-y-3">
      <h2 id="workload-heading" className="text-lg font-medium">Workload</h2>
      {tokens ? (
        leases.map((l) => <LeaseWorkload key={`${l.gseq}/${l.oseq}`} lease={l} tokens={tokens} services={[]} />)
      ) : (
        <p className="text-sm text-neutral-600">Connect and sign in with the owner&apos;s wallet to see the services&apos; status, their logs and events, and to open a shell.</p>
      )}
    </section>
  );
}
