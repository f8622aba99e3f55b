import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { Decimal } from "@cosmjs/math";
import { denomInfo } from "@/lib/chain/denom";

/**
 * Bid prices are DecCoins: an 18-decimal string of the base denom (uakt, uact) per block, e.g.
 * "1234.567890000000000000". Everything is computed on bigint atomics at 18 decimals; a float appears only in
 * the USD numbers handed to the UI, after the exact part is done.
 */
const PRECISION = 18;
/** The console's month: 30.437 days (the mean Gregorian month), as the official console uses. */
const MONTH_SECONDS = { num: 30_437n * 86_400n, den: 1_000n };
const HOUR_SECONDS = { num: 3_600n, den: 1n };

export interface DecCoin {
  denom: string;
  amount: string;
}

export interface PriceContext {
  /** seconds per block on this network (Network.averageBlockTimeSeconds) */
  averageBlockTimeSeconds: number;
  /** USD per AKT from a price source; null when unknown (offline, no source on devnet) */
  aktUsd: number | null;
  /** GPUs the group asks for (gpuCountOfGroup); 0 or undefined when it needs none */
  gpuCount?: number;
}

export interface NormalizedPrice {
  denom: string;
  /** "AKT", "ACT", or the raw denom when unknown */
  symbol: string;
  /** exact, base denom per block, as on chain */
  perBlock: string;
  /** exact, display units (AKT/ACT) per block */
  perBlockDisplay: string;
  /** exact, display units per month */
  perMonth: string;
  /** exact, display units per GPU-hour; null when the group has no GPU */
  perGpuHour: string | null;
  /** USD per month: exact for ACT (1 ACT = 1 USD); null when the AKT price (or the denom) is unknown */
  usdPerMonth: number | null;
  usdPerGpuHour: number | null;
  usd: "exact" | "converted" | "unknown";
  /** atomics of perBlock (base denom x 10^18), for ordering without re-parsing */
  perBlockAtomics: bigint;
}

/** a DecCoin amount ("1234.5", or the chain's 18-decimal string) as exact atomics at 18 decimals; throws on anything else */
export function decAtomics(amount: string): bigint {
  return atomics(amount);
}

/** atomics at 18 decimals back to the shortest decimal text ("1234.5") */
export function decText(value: bigint): string {
  return toText(value);
}

function atomics(amount: string): bigint {
  const trimmed = amount.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) throw new Error(`not a DecCoin amount: "${amount}"`);
  return BigInt(Decimal.fromUserInput(trimmed, PRECISION).atomics);
}

function toText(value: bigint): string {
  return Decimal.fromAtomics(value.toString(), PRECISION).toString();
}

/** a / b rounded half up, for non-negative values */
function divRound(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (b * 2n);
}

/** a block time like 6.117 as an exact fraction 6117/1000 (from its shortest decimal representation) */
function fraction(value: number): { num: bigint; den: bigint } {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`block time must be a positive number, got ${value}`);
  const [whole = "0", frac = ""] = value.toString().split(".");
  const den = 10n ** BigInt(frac.length);
  return { num: BigInt(whole + frac), den };
}

/** per-block atomics -> per-period atomics: x * (period / blockTime) */
function perPeriod(perBlock: bigint, period: { num: bigint; den: bigint }, blockTime: { num: bigint; den: bigint }): bigint {
  return divRound(perBlock * period.num * blockTime.den, period.den * blockTime.num);
}

export function normalizeBidPrice(price: DecCoin, ctx: PriceContext): NormalizedPrice {
  const info = denomInfo(price.denom);
  const known = info && info.denom === price.denom ? info : undefined;
  const decimals = known?.decimals ?? 0;
  const unit = 10n ** BigInt(decimals);
  const blockTime = fraction(ctx.averageBlockTimeSeconds);

  const perBlockAtomics = atomics(price.amount);
  const monthBase = perPeriod(perBlockAtomics, MONTH_SECONDS, blockTime);
  const gpus = ctx.gpuCount && ctx.gpuCount > 0 ? BigInt(ctx.gpuCount) : 0n;
  const gpuHourBase = gpus > 0n ? divRound(perPeriod(perBlockAtomics, HOUR_SECONDS, blockTime), gpus) : null;

  const display = (base: bigint) => toText(divRound(base, unit));
  const perMonth = display(monthBase);
  const perGpuHour = gpuHourBase === null ? null : display(gpuHourBase);

  let usdRate: number | null = null;
  let usd: NormalizedPrice["usd"] = "unknown";
  if (known?.symbol === "ACT") {
    usdRate = 1;
    usd = "exact";
  } else if (known?.symbol === "AKT" && ctx.aktUsd !== null && Number.isFinite(ctx.aktUsd) && ctx.aktUsd >= 0) {
    usdRate = ctx.aktUsd;
    usd = "converted";
  }
  return {
    denom: price.denom,
    symbol: known?.symbol ?? price.denom,
    perBlock: toText(perBlockAtomics),
    perBlockDisplay: display(perBlockAtomics),
    perMonth,
    perGpuHour,
    usdPerMonth: usdRate === null ? null : Number(perMonth) * usdRate,
    usdPerGpuHour: usdRate === null || perGpuHour === null ? null : Number(perGpuHour) * usdRate,
    usd,
    perBlockAtomics,
  };
}

/** GPUs a group asks for: sum over its resource units of gpu units x count. */
export function gpuCountOfGroup(group: Pick<GroupSpec, "resources">): number {
  let total = 0n;
  for (const unit of group.resources) {
    const val = unit.resource?.gpu?.units?.val;
    // ResourceValue.val is a cosmos math.Int marshalled as its decimal text
    const units = val && val.length > 0 ? BigInt(new TextDecoder().decode(val)) : 0n;
    total += units * BigInt(unit.count);
  }
  return Number(total);
}

export interface RankedPrice<T> {
  item: T;
  price: NormalizedPrice;
  cheapest: boolean;
  /** how much more than the cheapest, per month; null when they cannot be compared (different denoms, no USD) */
  aboveCheapest: { perMonth: string | null; usdPerMonth: number | null; percent: number | null } | null;
}

/**
 * Orders bids from cheapest to dearest and says how far each is from the cheapest. Bids in one denom compare
 * exactly; across denoms they compare in USD, and only when every USD figure is known.
 */
export function rankByPrice<T>(items: readonly T[], priceOf: (item: T) => NormalizedPrice): RankedPrice<T>[] {
  const entries = items.map((item) => ({ item, price: priceOf(item) }));
  if (entries.length === 0) return [];
  const denoms = new Set(entries.map((e) => e.price.denom));
  const sameDenom = denoms.size === 1;
  const allUsd = entries.every((e) => e.price.usdPerMonth !== null);
  if (!sameDenom && !allUsd) {
    return entries.map((e) => ({ ...e, cheapest: false, aboveCheapest: null }));
  }
  const sorted = [...entries].sort((a, b) =>
    sameDenom ? compareBig(a.price.perBlockAtomics, b.price.perBlockAtomics) : (a.price.usdPerMonth ?? 0) - (b.price.usdPerMonth ?? 0),
  );
  const min = sorted[0]!.price;
  return sorted.map((e) => {
    const p = e.price;
    const cheapest = sameDenom ? p.perBlockAtomics === min.perBlockAtomics : p.usdPerMonth === min.usdPerMonth;
    const perMonth = sameDenom ? toText(atomics(p.perMonth) - atomics(min.perMonth)) : null;
    const usdPerMonth = p.usdPerMonth !== null && min.usdPerMonth !== null ? p.usdPerMonth - min.usdPerMonth : null;
    const percent = sameDenom
      ? min.perBlockAtomics === 0n
        ? null
        : Number(divRound((p.perBlockAtomics - min.perBlockAtomics) * 10_000n, min.perBlockAtomics)) / 100
      : usdPerMonth !== null && min.usdPerMonth
        ? (usdPerMonth / min.usdPerMonth) * 100
        : null;
    return { ...e, cheapest, aboveCheapest: { perMonth, usdPerMonth, percent } };
  });
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
