import { Decimal } from "@cosmjs/math";
import { AppError } from "@/lib/errors/app-error";
import { ACT, AKT, type DenomInfo } from "@/lib/networks";

/**
 * Amounts are integers of a base denom (uakt, uact) on chain and decimals of a display unit (AKT, ACT) for people.
 * Everything here is string/bigint arithmetic: a float would turn 0.1 + 0.2 AKT into 300000.00000000006 uakt.
 */
const KNOWN: readonly DenomInfo[] = [AKT, ACT];

export function denomInfo(denomOrSymbol: string): DenomInfo | undefined {
  const key = denomOrSymbol.trim().toLowerCase();
  return KNOWN.find((d) => d.denom === key || d.symbol.toLowerCase() === key);
}

/** "6.5" AKT -> 6500000n (uakt). Rejects more decimals than the denom has instead of silently rounding. */
export function toBaseUnits(display: string, decimals: number): bigint {
  const trimmed = display.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) {
    throw new AppError("request.invalid", `"${display}" is not an amount: write digits with an optional decimal point, e.g. 6.5.`);
  }
  const fraction = trimmed.split(".")[1] ?? "";
  if (fraction.length > decimals) {
    throw new AppError("request.invalid", `"${display}" has more than ${decimals} decimal places, the precision of this token.`);
  }
  return BigInt(Decimal.fromUserInput(trimmed, decimals).atomics);
}

/** What a form field holds as base units, or null while it is not (yet) an amount: for inputs, which say so inline. */
export function readBaseUnits(display: string, decimals: number): bigint | null {
  const trimmed = display.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed) || (trimmed.split(".")[1] ?? "").length > decimals) return null;
  return toBaseUnits(trimmed, decimals);
}

/** "uakt" -> "AKT", "uact" -> "ACT"; an unknown denom is shown as it is. */
export function denomSymbol(denom: string): string {
  const d = denomInfo(denom);
  return d && d.denom === denom ? d.symbol : denom;
}

/** 6500000n -> "6.5" (trailing zeros dropped, no exponent, exact for any size). */
export function fromBaseUnits(base: bigint | string, decimals: number): string {
  const value = typeof base === "bigint" ? base : BigInt(base);
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString();
  const text = Decimal.fromAtomics(abs, decimals).toString();
  return negative ? `-${text}` : text;
}

/** { denom: "uakt", amount: "6500000" } -> "6.5 AKT"; an unknown denom is shown as-is ("12 ibc/…"). */
export function formatAmount(coin: { denom: string; amount: string | bigint }): string {
  const d = denomInfo(coin.denom);
  if (!d || d.denom !== coin.denom) return `${coin.amount.toString()} ${coin.denom}`;
  return `${fromBaseUnits(coin.amount, d.decimals)} ${d.symbol}`;
}

/**
 * "999999123456" uakt -> "999,999.12": grouped for reading at a glance in the header; truncated, never rounded up,
 * so the header never shows more than the account holds.
 */
export function formatBalance(base: string, decimals: number, fractionDigits = 2): string {
  const value = BigInt(base);
  const unit = 10n ** BigInt(decimals);
  const whole = (value / unit).toLocaleString("en-US");
  const fraction = (value % unit).toString().padStart(decimals, "0").slice(0, fractionDigits).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}
