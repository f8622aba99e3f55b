import "server-only";
import type { RestClient } from "@/lib/chain/rest";
import type { ChainDeployment, ChainLease } from "@/lib/chain/rest-schemas";
import { isActive } from "@/lib/chain/states";
import { escrowTimeLeft, WARNING_SECONDS, type EscrowTimeLeft } from "@/lib/deploy/escrow-time";

export interface EscrowAlert {
  dseq: string;
  escrow: EscrowTimeLeft;
}

/** how many active deployments one check reads at most (100 per page) */
const MAX_DEPLOYMENTS = 10_000;

/**
 * The owner's active deployments whose escrow runs out within a day at the price of their leases, soonest first.
 * Two paged reads whatever the count (the active deployments with their escrow accounts, the active leases), not
 * one read per deployment.
 */
export async function escrowAlerts(rest: Pick<RestClient, "deployments" | "leases">, owner: string, averageBlockTimeSeconds: number): Promise<EscrowAlert[]> {
  const deployments: ChainDeployment[] = [];
  let key: string | null = null;
  let height: number | null = null;
  do {
    const page = await rest.deployments(owner, { state: "active", pagination: { key, limit: 100 } });
    deployments.push(...page.items);
    height ??= page.height ?? null;
    key = page.nextKey;
  } while (key && deployments.length < MAX_DEPLOYMENTS);
  const leases = await rest.leases({ owner, state: "active" });
  const byDseq = new Map<string, ChainLease[]>();
  for (const l of leases.filter(isActive)) byDseq.set(l.id.dseq, [...(byDseq.get(l.id.dseq) ?? []), l]);

  const alerts: EscrowAlert[] = [];
  for (const d of deployments) {
    const own = byDseq.get(d.id.dseq);
    if (!own || !d.escrowAccount) continue;
    const escrow = escrowTimeLeft({ funds: d.escrowAccount.funds, settledAt: d.escrowAccount.settledAt, leasePrices: own.map((l) => l.price), height, averageBlockTimeSeconds });
    if (escrow?.seconds !== null && escrow !== null && escrow.seconds < WARNING_SECONDS) alerts.push({ dseq: d.id.dseq, escrow });
  }
  return alerts.sort((a, b) => (a.escrow.seconds ?? 0) - (b.escrow.seconds ?? 0));
}
