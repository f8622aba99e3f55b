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

const decCoin = z.object({ denom: z.string(), amount: z.string() });
/** lib/deploy/list-join.ts's DeploymentRow, as app/api/deployments/overview sends it */
export const deploymentRowSchema = z.object({
  dseq: z.string(),
  state: z.enum(["active", "closed"]),
  name: z.string().nullable(),
  createdHere: z.boolean(),
  stale: z.string().nullable(),
  createdAtHeight: z.string(),
  leases: z.array(z.object({ provider: z.string(), gseq: z.number(), oseq: z.number(), state: z.string(), price: decCoin, closedReason: z.string().nullable() })),
  providers: z.array(z.string()),
  pricePerBlock: decCoin.nullable(),
  escrow: z
    .object({ denom: z.string(), balance: z.string(), perBlock: z.string(), blocks: z.number().nullable(), seconds: z.number().nullable(), level: z.enum(["ok", "warning", "critical", "none"]) })
    .nullable(),
  gpus: z.string().nullable(),
});
export type DeploymentRowDto = z.infer<typeof deploymentRowSchema>;
export const overviewSchema = z.object({ rows: z.array(deploymentRowSchema), total: z.number().nullable(), page: z.number(), pageSize: z.number(), height: z.number().nullable() });
export type OverviewDto = z.infer<typeof overviewSchema>;
export const escrowAlertsSchema = z.object({ alerts: z.array(z.object({ dseq: z.string(), escrow: deploymentRowSchema.shape.escrow.unwrap() })) });
export type EscrowAlertDto = z.infer<typeof escrowAlertsSchema>["alerts"][number];

export interface SaveDeploymentInput {
  dseq: string;
  name: string;
  draftId: string | null;
  sdl: string;
  manifestVersion: string;
  deposit: { denom: "uakt" | "uact"; amount: string };
  /** null for a deployment created elsewhere and adopted here by its SDL */
  createTxHash: string | null;
}

export const deploymentsApi = {
  save: (input: SaveDeploymentInput) => call(deploymentRecordSchema, "/api/deployments", { method: "POST", body: JSON.stringify(input) }),
  get: (dseq: string) => call(deploymentRecordSchema, `/api/deployments/${encodeURIComponent(dseq)}`),
  escrowAlerts: (signal?: AbortSignal) => call(escrowAlertsSchema, "/api/deployments/escrow-alerts", { signal }),
  overview: (q: { page: number; state: string; q: string; order: string }, signal?: AbortSignal) =>
    call(overviewSchema, `/api/deployments/overview?${new URLSearchParams({ page: String(q.page), state: q.state, q: q.q, order: q.order })}`, { signal }),
  setState: (dseq: string, state: (typeof SETTABLE_DEPLOYMENT_RECORD_STATES)[number]) =>
    call(deploymentRecordSchema, `/api/deployments/${encodeURIComponent(dseq)}`, { method: "PATCH", body: JSON.stringify({ state }) }),
  /** after MsgUpdateDeployment was included: the new SDL and its manifest version */
  recordUpdate: (dseq: string, input: { sdl: string; manifestVersion: string }) =>
    call(deploymentRecordSchema, `/api/deployments/${encodeURIComponent(dseq)}`, { method: "PATCH", body: JSON.stringify(input) }),
  recordManifest: (dseq: string, lease: { gseq: number; oseq: number }, outcome: { sent: true } | { sent: false; error: string }) =>
    call(deploymentRecordSchema, `/api/deployments/${encodeURIComponent(dseq)}/leases/${lease.gseq}/${lease.oseq}`, { method: "PATCH", body: JSON.stringify(outcome) }),
  recordLeases: (dseq: string, input: { txHash: string | null; leases: { gseq: number; oseq: number; bseq: number; provider: string; price: { denom: string; amount: string } }[] }) =>
    call(deploymentRecordSchema, `/api/deployments/${encodeURIComponent(dseq)}/leases`, { method: "POST", body: JSON.stringify(input) }),
};
