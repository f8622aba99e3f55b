import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Gateway } from "@/lib/provider-gateway/gateway.server";
import { leaseLabel, type LeaseRef } from "@/lib/provider-gateway/lease-ref";
import { checkProviderToken, type CheckedToken } from "@/lib/provider-gateway/token-check.server";

/**
 * The proxy's gate, run before any provider is contacted: the signed-in address owns the lease on chain, the lease
 * is active, and the token is that address's granular token for this provider (token-check.server.ts). So the
 * console's server is never an open relay: it forwards only a tenant's own token, about the tenant's own lease,
 * to the provider the chain says holds it.
 */

export async function authorizeLease(gw: Gateway, session: string, lease: LeaseRef, token: string, nowMs = Date.now()): Promise<CheckedToken> {
  if (lease.owner !== session) {
    throw new AppError("unauthorized", `Lease ${leaseLabel(lease)} belongs to ${lease.owner}; you are signed in as ${session}. The console only reaches your own leases.`, { status: 403 });
  }
  const checked = checkProviderToken(token, { owner: session, provider: lease.provider }, nowMs);
  const onChain = await gw.rest.lease({ owner: lease.owner, dseq: lease.dseq, gseq: lease.gseq, oseq: lease.oseq, provider: lease.provider });
  if (!onChain) {
    throw new AppError("lease.not_found", `There is no lease ${leaseLabel(lease)} of yours on chain.`, { details: { lease } });
  }
  if (onChain.state !== "active") {
    throw new AppError("lease.closed", `Lease ${leaseLabel(lease)} is ${onChain.state} on chain${onChain.closedOn ? ` (since block ${onChain.closedOn})` : ""}; the provider no longer runs it.`, {
      details: { lease, state: onChain.state },
    });
  }
  return checked;
}

/** The manifest is per deployment: the address must hold an active lease of that deployment with this provider. */
export async function authorizeDeployment(gw: Gateway, session: string, ref: { provider: string; dseq: string }, token: string, nowMs = Date.now()): Promise<CheckedToken> {
  const checked = checkProviderToken(token, { owner: session, provider: ref.provider }, nowMs);
  const leases = (await gw.rest.leases({ owner: session, dseq: ref.dseq })).filter((l) => l.id.provider === ref.provider);
  if (leases.length === 0) {
    throw new AppError("lease.not_found", `You have no lease of deployment ${ref.dseq} with provider ${ref.provider} on chain, so there is nothing to send it a manifest for.`, { details: { ...ref } });
  }
  if (!leases.some((l) => l.state === "active")) {
    throw new AppError("lease.closed", `Your leases of deployment ${ref.dseq} with provider ${ref.provider} are closed on chain; the provider will not accept a manifest for them.`, { details: { ...ref } });
  }
  return checked;
}
