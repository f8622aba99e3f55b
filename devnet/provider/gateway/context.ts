/**
 * The state every gateway module shares (options, the leases that received a manifest, the current fault) and
 * the request checks of the real gateway's middlewares: authenticate, require a scope, find the caller's lease.
 */
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { WebSocket } from "ws";
import type { LeaseView, ProviderFault } from "../../contract";
import { AuthError, authenticateClientCert, authenticateJwt, authorize, authorizeForProvider, bearerToken, type AccessScope, type Principal } from "../auth";
import type { FaultPlan } from "./fault-plan";
import { HttpError } from "./http-io";
import { leaseKey, type LeasePath, type LeaseRuntime } from "./lease-runtime";
import type { GatewayOptions } from "./options";

export interface GatewayContext {
  readonly o: GatewayOptions;
  /** the provider's account address */
  readonly address: string;
  /** leases that received a manifest, by leaseKey */
  readonly runtimes: Map<string, LeaseRuntime>;
  /** open log / event / shell websockets (terminated on stop, dropped by the drop-streams fault) */
  readonly streams: Set<WebSocket>;
  fault(): ProviderFault | null;
  /** faults with a parameter (admin endpoint's /fault/<kind>) */
  readonly faults: FaultPlan;
}

/** The error the real gateway reports while its Kubernetes API is unreachable (503, websocket close 4002). */
export function kubeUnavailableError(): HttpError {
  return new HttpError(503, "kube: dial tcp 10.43.0.1:443: connect: connection refused");
}

/** mTLS with an on-chain certificate or a JWT (AEP-64), never both; then the token must name this provider. */
export async function authenticate(ctx: GatewayContext, req: IncomingMessage, socket: TLSSocket): Promise<Principal> {
  const token = bearerToken(req.headers.authorization);
  const peer = typeof socket.getPeerCertificate === "function" ? socket.getPeerCertificate(true) : undefined;
  const raw = peer && Object.keys(peer).length > 0 ? peer.raw : undefined;
  let principal: Principal;
  if (token && raw) throw new AuthError(401, "auth: ambiguous authentication. may not use mTLS and JWT at the same time");
  if (token) principal = await authenticateJwt(ctx.o.chain, token);
  else if (raw) principal = authenticateClientCert(ctx.o.chain, raw);
  else throw new AuthError(401, "unauthorized access");
  if (!authorizeForProvider(principal.claims, ctx.address)) throw new AuthError(401, "unauthorized access");
  return principal;
}

export function requireScope(ctx: GatewayContext, p: Principal, dseq: bigint, scope: AccessScope, gseq?: number, oseq?: number): void {
  if (!authorize(p.claims, { provider: ctx.address, owner: p.owner, dseq, gseq, oseq, scope })) {
    throw new AuthError(403, `access denied: token does not grant "${scope}" on this lease`);
  }
}

/** The caller's active lease with this provider at that path, if any. */
export function activeLease(ctx: GatewayContext, owner: string, m: LeasePath): LeaseView | undefined {
  return ctx.o.chain.leasesForProvider(ctx.address, owner, m.dseq).find((l) => l.gseq === m.gseq && l.oseq === m.oseq && l.state === "active");
}

/** Scope check, then the lease and what runs on it; 404 "lease not found" before the manifest, as the real gateway. */
export function runtimeFor(ctx: GatewayContext, p: Principal, m: LeasePath, scope: AccessScope): { lease: LeaseView; rt: LeaseRuntime } {
  requireScope(ctx, p, m.dseq, scope, m.gseq, m.oseq);
  const lease = activeLease(ctx, p.owner, m);
  if (!lease) throw new HttpError(404, "lease not found");
  const rt = ctx.runtimes.get(leaseKey(lease));
  if (!rt) throw new HttpError(404, "lease not found"); // no manifest yet: the real gateway knows no lease either
  return { lease, rt };
}
