import { Decimal } from "@cosmjs/math";
import type { DecCoin } from "@/lib/market/price";

/**
 * How long a deployment's escrow lasts at the price of its active leases. The escrow account's funds are as of its
 * last settlement (`settled_at`); the leases have drawn on it every block since, so the balance now is funds minus
 * rate x (height - settled_at). Exact on 18-decimal atomics (DecCoin), as the chain computes it; the float comes in
 * only for seconds.
 */
const PRECISION = 18;
const atomics = (amount: string) => BigInt(Decimal.fromUserInput(amount.trim(), PRECISION).atomics);
const text = (value: bigint) => Decimal.fromAtomics((value < 0n ? 0n : value).toString(), PRECISION).toString();

/** under a day left: warn; under an hour: critical (the chain closes the leases when it runs dry) */
export const WARNING_SECONDS = 24 * 3600;
export const CRITICAL_SECONDS = 3600;

export interface EscrowTimeLeft {
  denom: string;
  /** exact balance now, base units (uakt/uact), as a decimal string */
  balance: string;
  /** exact rate, base units per block */
  perBlock: string;
  /** null when nothing draws on the escrow (no active lease) */
  blocks: number | null;
  seconds: number | null;
  level: "ok" | "warning" | "critical" | "none";
}

export interface EscrowInput {
  funds: readonly DecCoin[];
  settledAt: string;
  /** prices of the active leases (DecCoin per block) */
  leasePrices: readonly DecCoin[];
  /** the chain's height now; the settled balance is used as is when unknown */
  height: number | null;
  averageBlockTimeSeconds: number;
}

export function escrowTimeLeft(input: EscrowInput): EscrowTimeLeft | null {
  const denom = input.leasePrices[0]?.denom ?? input.funds[0]?.denom;
  if (!denom) return null;
  const funds = input.funds.filter((c) => c.denom === denom).reduce((s, c) => s + atomics(c.amount), 0n);
  const rate = input.leasePrices.filter((c) => c.denom === denom).reduce((s, c) => s + atomics(c.amount), 0n);
  const since = input.height !== null ? BigInt(Math.max(0, input.height - Number(input.settledAt))) : 0n;
  const balance = funds - rate * since;
  if (rate === 0n) return { denom, balance: text(balance), perBlock: "0", blocks: null, seconds: null, level: "none" };
  const blocks = balance <= 0n ? 0 : Number(balance / rate);
  const seconds = blocks * input.averageBlockTimeSeconds;
  const level = seconds < CRITICAL_SECONDS ? "critical" : seconds < WARNING_SECONDS ? "warning" : "ok";
  return { denom, balance: text(balance), perBlock: text(rate), blocks, seconds, level };
}
