import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { requireSessionAddress } from "@/lib/http/session-owner.server";
import { authorizeDeployment, authorizeLease } from "@/lib/provider-gateway/lease-access.server";
import { getGateway, resolveEndpoint } from "@/lib/provider-gateway/gateway.server";
import { accountAddress, dseqString, leaseRefSchema, type LeaseRef } from "@/lib/provider-gateway/lease-ref";
import type { CallContext } from "@/lib/provider-gateway/provider-api.server";
import { bearerFrom } from "@/lib/provider-gateway/token-check.server";

/**
 * The shared half of the thin proxy routes under app/api/providers/[provider]/: who is asking (session), with which
 * token (Authorization header, never stored), about which lease (the URL, owner = the session), the gate of
 * lease-access.server.ts, then the provider's endpoint from its chain record. Nothing reaches a provider before
 * all of that passed.
 */

export interface LeaseParams {
  provider: string;
  dseq: string;
  gseq: string;
  oseq: string;
}

export async function leaseCall(req: NextRequest, params: LeaseParams): Promise<{ ctx: CallContext; lease: LeaseRef }> {
  const session = await requireSessionAddress(req);
  const token = bearerFrom(req.headers.get("authorization"));
  const lease = leaseRefSchema.parse({ ...params, owner: session });
  const gw = getGateway();
  await authorizeLease(gw, session, lease, token);
  const endpoint = await resolveEndpoint(gw, lease.provider);
  return { lease, ctx: { endpoint, pin: gw.pin, token, signal: req.signal } };
}

export async function deploymentCall(req: NextRequest, params: { provider: string; dseq: string }): Promise<{ ctx: CallContext; dseq: string }> {
  const session = await requireSessionAddress(req);
  const token = bearerFrom(req.headers.get("authorization"));
  const provider = accountAddress.parse(params.provider);
  const dseq = dseqString.parse(params.dseq);
  const gw = getGateway();
  await authorizeDeployment(gw, session, { provider, dseq }, token);
  const endpoint = await resolveEndpoint(gw, provider);
  return { dseq, ctx: { endpoint, pin: gw.pin, token, signal: req.signal } };
}

/** provider answers are per tenant and change by the second: never cached by a browser or a proxy */
export function noStore(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** a manifest is at most a few hundred KiB; bytes are counted while they stream, so a chunked body cannot exceed it */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

export async function readManifestBody(req: NextRequest): Promise<string> {
  const reader = req.body?.getReader();
  if (!reader) throw new AppError("request.invalid", "The request has no manifest in its body.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_MANIFEST_BYTES) {
      await reader.cancel();
      throw new AppError("request.invalid", `The manifest is larger than ${MAX_MANIFEST_BYTES / 1048576} MiB.`, { status: 413 });
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("request.invalid", "The manifest is not valid JSON.");
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new AppError("request.invalid", "The manifest must be a JSON array of groups, as chain-sdk's manifestToSortedJSON writes it.");
  // forwarded byte for byte: the provider hashes the bytes it receives against the on-chain version
  return text;
}
