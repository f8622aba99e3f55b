import { z } from "zod";
import { DEPLOYMENT_RECORD_STATES, LEASE_RECORD_STATES, type SETTABLE_DEPLOYMENT_RECORD_STATES } from "@/lib/deploy/record-states";
import { callApi } from "@/lib/http/json-client";

// The browser's side of app/api/deployments; responses are parsed so a proxy's error page reads as a message.
const leaseSchema = z.object({
  gseq: z.number(),
  oseq: z.number(),
  provider: z.string(),
  bseq: z.number(),
  priceDenom: z.string(),
  priceAmount: z.string(),
  state: z.enum(LEASE_RECORD_STATES),
  manifestError: z.string().nullable(),
  createdAt: z.string(),
});
export const deploymentRecordSchema = z.object({
  dseq: z.string(),
  name: z.string(),
  draftId: z.string().nullable(),
  /** empty once the retention period after closing has passed */
  sdl: z.string(),
  manifestVersion: z.string(),
  depositDenom: z.string(),
  depositAmount: z.string(),
  state: z.enum(DEPLOYMENT_RECORD_STATES),
  createdAt: z.string(),
  leases: z.array(leaseSchema),
});
export type DeploymentRecordDto = z.infer<typeof deploymentRecordSchema>;

const UNREACHABLE = "The console's server cannot be reached; the deployment on chain is not affected. Reload to try again.";

function call<T>(schema: z.ZodType<T>, input: string, init: RequestInit = {}): Promise<T> {
  return callApi(schema, input, { ...init, unreachable: UNREACHABLE });
}

export interface SaveDeploymentInput {
  dseq: string;
  name: string;
  draftId: string | null;
  sdl: string;
  manifestVersion: string;
  deposit: { denom: "uakt" | "uact"; amount: string };
  createTxHash: string;
}

export const deploymentsApi = {
  save: (input: SaveDeploymentInput) => call(deploymentRecordSchema, "/api/deployments", { method: "POST", body: JSON.stringify(input) }),
  get: (dseq: string) => call(deploymentRecordSchema, `/api/deployments/${encodeURIComponent(dseq)}`),
  list: () => call(z.object({ items: z.array(deploymentRecordSchema), total: z.number() }), "/api/deployments"),
  setState: (dseq: string, state: (typeof SETTABLE_DEPLOYMENT_RECORD_STATES)[number]) =>
    call(deploymentRecordSchema, `/api/deployments/${encodeURIComponent(dseq)}`, { method: "PATCH", body: JSON.stringify({ state }) }),
  recordManifest: (dseq: string, lease: { gseq: number; oseq: number }, outcome: { sent: true } | { sent: false; error: string }) =>
    call(deploymentRecordSchema, `/api/deployments/${encodeURIComponent(dseq)}/leases/${lease.gseq}/${lease.oseq}`, { method: "PATCH", body: JSON.stringify(outcome) }),
  recordLeases: (dseq: string, input: { txHash: string | null; leases: { gseq: number; oseq: number; bseq: number; provider: string; price: { denom: string; amount: string } }[] }) =>
    call(deploymentRecordSchema, `/api/deployments/${encodeURIComponent(dseq)}/leases`, { method: "POST", body: JSON.stringify(input) }),
};
