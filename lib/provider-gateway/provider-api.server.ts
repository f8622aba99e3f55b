import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { LeaseRef } from "@/lib/provider-gateway/lease-ref";
import type { PinVerifier } from "@/lib/provider-gateway/pin.server";
import { bodyExcerpt, providerRequest, type ProviderAnswer } from "@/lib/provider-gateway/provider-http.server";
import type { ProviderEndpoint } from "@/lib/provider-gateway/provider-socket.server";
import { leaseStatusWire, manifestWire, serviceStatusWire, type LeaseStatus, type ProviderManifest, type ServiceStatus } from "@/lib/provider-gateway/schemas";

/**
 * The provider REST routes the console uses (akash-network/provider gateway/rest/router.go), each one request,
 * each answer parsed, each failure an AppError that says which side failed and how. Retrying is the caller's
 * business (manifest-send-policy.ts drives the manifest's).
 */

export interface CallContext {
  endpoint: ProviderEndpoint;
  pin: PinVerifier;
  token: string;
  signal?: AbortSignal;
}

/** the real gateway gives a manifest up to 120 s (manifestSubmitTimeout); a bit less here so our answer comes first */
export const MANIFEST_TIMEOUT_MS = 90_000;
export const STATUS_TIMEOUT_MS = 15_000;

const leasePath = (l: LeaseRef) => `/lease/${l.dseq}/${l.gseq}/${l.oseq}`;

export async function sendManifest(ctx: CallContext, dseq: string, manifestJson: string): Promise<void> {
  const path = `/deployment/${dseq}/manifest`;
  const answer = await call(ctx, "PUT", path, MANIFEST_TIMEOUT_MS, manifestJson);
  if (answer.status >= 200 && answer.status < 300) return;
  const p = ctx.endpoint.provider;
  const said = bodyExcerpt(answer.body);
  if (answer.status === 404) {
    throw new AppError("provider.no_lease", `Provider ${p} has no lease for deployment ${dseq} yet (HTTP 404: ${said || "no lease for deployment"}). Right after the lease is created this is normal: the provider sees it a few blocks later.`, {
      details: { provider: p, status: 404, body: said },
    });
  }
  if (answer.status === 422) {
    throw new AppError("provider.manifest_rejected", `Provider ${p} rejected the manifest: the manifest does not match the deployment's on-chain version (HTTP 422: ${said}). Update the deployment with this SDL, or send the manifest of the SDL it was created with.`, {
      details: { provider: p, status: 422, body: said },
    });
  }
  throw statusError(p, `PUT ${path}`, answer);
}

export async function leaseStatus(ctx: CallContext, lease: LeaseRef): Promise<LeaseStatus> {
  const path = `${leasePath(lease)}/status`;
  return parse(ctx, path, await ok(ctx, path, await call(ctx, "GET", path, STATUS_TIMEOUT_MS)), leaseStatusWire);
}

export async function serviceStatus(ctx: CallContext, lease: LeaseRef, service: string): Promise<ServiceStatus> {
  const path = `${leasePath(lease)}/service/${encodeURIComponent(service)}/status`;
  return parse(ctx, path, await ok(ctx, path, await call(ctx, "GET", path, STATUS_TIMEOUT_MS)), serviceStatusWire);
}

export async function leaseManifest(ctx: CallContext, lease: LeaseRef): Promise<ProviderManifest> {
  const path = `${leasePath(lease)}/manifest`;
  return parse(ctx, path, await ok(ctx, path, await call(ctx, "GET", path, STATUS_TIMEOUT_MS)), manifestWire);
}

function call(ctx: CallContext, method: "GET" | "PUT", path: string, timeoutMs: number, body?: string): Promise<ProviderAnswer> {
  return providerRequest(ctx.endpoint, ctx.pin, { method, path, token: ctx.token, body, timeoutMs, signal: ctx.signal });
}

async function ok(ctx: CallContext, path: string, answer: ProviderAnswer): Promise<ProviderAnswer> {
  if (answer.status === 200) return answer;
  const p = ctx.endpoint.provider;
  if (answer.status === 404) {
    // lease status and friends answer 404 until a manifest arrived: "no lease" from the provider's point of view
    throw new AppError("provider.no_lease", `Provider ${p} knows no running lease here (HTTP 404${answer.body ? `: ${bodyExcerpt(answer.body)}` : ""}): the manifest has not reached it, or the lease is gone.`, {
      details: { provider: p, status: 404, body: bodyExcerpt(answer.body) },
    });
  }
  throw statusError(p, `GET ${path}`, answer);
}

function parse<T extends z.ZodType>(ctx: CallContext, path: string, answer: ProviderAnswer, schema: T): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    throw new AppError("provider.bad_response", `Provider ${ctx.endpoint.provider} answered GET ${path} with something that is not JSON: "${bodyExcerpt(answer.body, 120)}".`, {
      details: { provider: ctx.endpoint.provider },
    });
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AppError("provider.bad_response", `Provider ${ctx.endpoint.provider} answered GET ${path} in an unexpected shape (at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}).`, {
      details: { provider: ctx.endpoint.provider, issues: r.error.issues.slice(0, 5).map((i) => ({ path: i.path.join("."), message: i.message })) },
    });
  }
  return r.data as z.output<T>;
}

/** An HTTP status from the provider (not from the console), named as such, with what the provider said. */
export function statusError(provider: string, what: string, answer: Pick<ProviderAnswer, "status" | "body">): AppError {
  const said = bodyExcerpt(answer.body);
  const details = { provider, status: answer.status, body: said };
  const text = `HTTP ${answer.status}${said ? `: ${said}` : ""}`;
  if (answer.status === 401 || answer.status === 403) {
    if (/expired/i.test(said)) {
      return new AppError("token.expired", `Provider ${provider} refused the access token as expired (${text}). Sign a new one and try again.`, { details });
    }
    return new AppError("provider.unauthorized", `Provider ${provider} refused the access token for ${what} (${text}).`, { details });
  }
  if (answer.status >= 500) {
    return new AppError("provider.unavailable", `Provider ${provider} failed on ${what} (${text}). This is on the provider's side; try again in a moment.`, { details });
  }
  return new AppError("provider.http", `Provider ${provider} answered ${what} with ${text}.`, { details });
}
