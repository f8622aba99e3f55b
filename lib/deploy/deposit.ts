/**
 * The deposit a deployment starts with, and how long it lasts. The chain refuses a deposit below its minimum for
 * the denom (deployment params `min_deposits`), so that minimum is the default; the tenant may put in more.
 * Lifetime is computed at the SDL's max prices: the real lease price (the accepted bid) can only be lower,
 * so this is the shortest the escrow can last.
 */
import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { Decimal, Uint64 } from "@cosmjs/math";
import { AppError } from "@/lib/errors/app-error";

export interface Coin {
  denom: string;
  amount: string;
}

export function minimumDeposit(minDeposits: readonly Coin[], denom: string): bigint {
  const found = minDeposits.find((c) => c.denom === denom);
  if (!found) {
    const known = minDeposits.map((c) => c.denom).join(", ") || "none";
    throw new AppError("chain.deposit_too_low", `This network accepts deposits in ${known}, not ${denom}. Price the SDL in one of those.`);
  }
  return BigInt(found.amount);
}

/** Sum over groups of max price x count, in base units per block, as an exact 18-decimal value. */
export function maxPricePerBlock(groupSpecs: readonly GroupSpec[]): Decimal {
  let total = Decimal.zero(18);
  for (const g of groupSpecs) {
    for (const r of g.resources) {
      if (!r.price) continue;
      // in chain-sdk's objects a price is a plain decimal string ("1000" or "0.5"); the 10^18 scaling is wire-only
      const price = Decimal.fromUserInput(normalizeDec(r.price.amount), 18);
      total = total.plus(price.multiply(Uint64.fromNumber(r.count)));
    }
  }
  return total;
}

function normalizeDec(amount: string): string {
  const [int, frac = ""] = amount.split(".");
  return frac ? `${int}.${frac.slice(0, 18)}` : int!;
}

export interface EscrowLifetime {
  blocks: number;
  seconds: number;
  /** "3 days 4 hours" */
  label: string;
}

export function escrowLifetime(deposit: bigint, perBlock: Decimal, averageBlockTimeSeconds: number): EscrowLifetime | null {
  const rate = Number(perBlock.toString());
  if (!(rate > 0)) return null;
  const blocks = Math.floor(Number(deposit) / rate);
  const seconds = blocks * averageBlockTimeSeconds;
  return { blocks, seconds, label: durationLabel(seconds) };
}

export function durationLabel(seconds: number): string {
  if (seconds < 60) return `${Math.floor(seconds)} seconds`;
  const units: [string, number][] = [["day", 86_400], ["hour", 3_600], ["minute", 60]];
  const parts: string[] = [];
  let rest = Math.floor(seconds);
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? "" : "s"}`);
    rest -= n * size;
    if (parts.length === 2) break;
  }
  return parts.join(" ");
}
