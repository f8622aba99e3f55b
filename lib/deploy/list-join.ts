import { Decimal } from "@cosmjs/math";
import type { ChainDeployment, ChainLease } from "@/lib/chain/rest-schemas";
import { DEPLOYMENT_STATE, isActive } from "@/lib/chain/states";
import { escrowTimeLeft, type EscrowTimeLeft } from "@/lib/deploy/escrow-time";
import type { DeploymentRecordState } from "@/lib/deploy/record-states";
import type { DecCoin } from "@/lib/market/price";

/**
 * One row of the deployments list: the chain's deployment (the truth) joined with this console's record (name,
 * SDL) and its leases. A record that disagrees with the chain is marked stale and says how; a deployment created
 * elsewhere (CLI, another console) is listed all the same, without a name.
 */
export interface DeploymentRow {
  dseq: string;
  state: "active" | "closed";
  /** the record's name; null for a deployment this console did not create */
  name: string | null;
  createdHere: boolean;
  /** why this console's record disagrees with the chain; null when it agrees (or there is none) */
  stale: string | null;
  createdAtHeight: string;
  leases: { provider: string; gseq: number; oseq: number; state: string; price: DecCoin; closedReason: string | null }[];
  /** the providers of the active leases, in group order */
  providers: string[];
  /** sum of the active leases' prices, per block; null without an active lease */
  pricePerBlock: DecCoin | null;
  escrow: EscrowTimeLeft | null;
  /** "2 × H100, 1 × A100" / "1 GPU" / null when no group asks for one */
  gpus: string | null;
}

export interface RecordForJoin {
  dseq: string;
  name: string;
  state: DeploymentRecordState;
}

const GPU_MODEL = /^vendor\/([^/]+)\/model\/([^/]+)/;

/** GPUs the deployment's groups ask for, by model when the SDL names one. */
export function gpuSummary(groups: ChainDeployment["groups"]): string | null {
  const byModel = new Map<string, number>();
  for (const g of groups) {
    for (const r of g.spec.resources) {
      const units = Number(r.resource?.gpu?.units?.val ?? "0") * r.count;
      if (!(units > 0)) continue;
      const models = (r.resource?.gpu?.attributes ?? []).map((a) => GPU_MODEL.exec(a.key)?.[2]).filter((m): m is string => Boolean(m));
      const label = models.length === 1 ? models[0]!.toUpperCase() : models.length > 1 ? models.map((m) => m.toUpperCase()).join(" or ") : "GPU";
      byModel.set(label, (byModel.get(label) ?? 0) + units);
    }
  }
  if (byModel.size === 0) return null;
  return [...byModel].map(([model, n]) => (model === "GPU" ? `${n} GPU${n === 1 ? "" : "s"}` : `${n} × ${model}`)).join(", ");
}

function staleness(chainActive: boolean, record: RecordForJoin | undefined): string | null {
  if (!record) return null;
  if (!chainActive && record.state !== "closed" && record.state !== "failed") return `This console's record says "${record.state}", but the deployment is closed on chain.`;
  if (chainActive && (record.state === "closed" || record.state === "failed")) return `This console's record says "${record.state}", but the deployment is active on chain.`;
  return null;
}

export function joinDeployment(
  d: ChainDeployment,
  record: RecordForJoin | undefined,
  leases: readonly ChainLease[],
  ctx: { height: number | null; averageBlockTimeSeconds: number },
): DeploymentRow {
  const active = d.state === DEPLOYMENT_STATE.active;
  const activeLeases = leases.filter(isActive).sort((a, b) => a.id.gseq - b.id.gseq || a.id.oseq - b.id.oseq);
  const prices = activeLeases.map((l) => l.price);
  const total = prices.length ? { denom: prices[0]!.denom, amount: sumDec(prices.filter((p) => p.denom === prices[0]!.denom)) } : null;
  const escrow = active && d.escrowAccount
    ? escrowTimeLeft({ funds: d.escrowAccount.funds, settledAt: d.escrowAccount.settledAt, leasePrices: prices, height: ctx.height, averageBlockTimeSeconds: ctx.averageBlockTimeSeconds })
    : null;
  return {
    dseq: d.id.dseq,
    state: active ? "active" : "closed",
    name: record?.name ?? null,
    createdHere: Boolean(record),
    stale: staleness(active, record),
    createdAtHeight: d.createdAt,
    leases: leases.map((l) => ({ provider: l.id.provider, gseq: l.id.gseq, oseq: l.id.oseq, state: l.state, price: l.price, closedReason: l.reason })),
    providers: [...new Set(activeLeases.map((l) => l.id.provider))],
    pricePerBlock: total,
    escrow,
    gpus: gpuSummary(d.groups),
  };
}

function sumDec(coins: readonly DecCoin[]): string {
  // exact 18-decimal fixed point, as the chain: no float in a sum of prices
  return coins.reduce((sum, c) => sum.plus(Decimal.fromUserInput(c.amount.trim(), 18)), Decimal.zero(18)).toString();
}
