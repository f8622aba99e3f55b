import { z } from "zod";
import { callApi } from "@/lib/http/json-client";
import type { LeaseRef } from "@/lib/provider-gateway/lease-ref";
import { leaseStatusDto, manifestWire, serviceStatusDto } from "@/lib/provider-gateway/schemas";

/**
 * The browser's side of app/api/providers/[provider]/...: the provider token travels in the Authorization header
 * (from lib/provider-gateway/jwt.ts, memory only), the answers are parsed with the same schemas the server used.
 */

const UNREACHABLE = "The console's server cannot be reached, so the provider was not contacted. Check your connection and try again.";
const enc = encodeURIComponent;
const leaseBase = (l: LeaseRef) => `/api/providers/${enc(l.provider)}/leases/${enc(l.dseq)}/${l.gseq}/${l.oseq}`;

function call<T>(schema: z.ZodType<T>, input: string, token: string, init: RequestInit = {}): Promise<T> {
  return callApi(schema, input, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers }, unreachable: UNREACHABLE });
}

export const providerApi = {
  /** one PUT; drive it with manifest-send-policy.ts's sendManifestWithPolicy */
  sendManifest: (provider: string, dseq: string, manifestJson: string, token: string) =>
    call(z.object({ sent: z.literal(true), provider: z.string(), dseq: z.string() }), `/api/providers/${enc(provider)}/deployments/${enc(dseq)}/manifest`, token, {
      method: "PUT",
      body: manifestJson,
    }),
  leaseStatus: (lease: LeaseRef, token: string) => call(leaseStatusDto, `${leaseBase(lease)}/status`, token),
  serviceStatus: (lease: LeaseRef, service: string, token: string) => call(serviceStatusDto, `${leaseBase(lease)}/services/${enc(service)}/status`, token),
  leaseManifest: (lease: LeaseRef, token: string) => call(manifestWire, `${leaseBase(lease)}/manifest`, token),
};
