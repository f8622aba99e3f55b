/**
 * x/oracle v1 (akash.oracle.v1 in chain-sdk's protos): the AKT/USD price the chain itself uses (x/bme mints ACT
 * at it). On akashnet-2, price sources (Pyth contracts) post prices and the end blocker aggregates the fresh ones:
 * median, min, max, a TWAP over `twap_window` blocks, and a health verdict (enough sources, deviation within
 * bounds). The devnet has two sources that post a seeded price every block: it moves slowly around $2.00 (two
 * sine waves, the phases from --seed), the sources a few basis points apart, so the console's AKT figures change
 * the way they do on a real chain and tests can still compute what to expect from the height.
 *
 * Denoms as the keeper stores them: "akt" against "usd" (GetAggregatedPrice maps uakt -> akt; ACT is pegged to 1).
 * The admin endpoint can pin the price or stall the sources (the price then goes stale and unhealthy, as when
 * Pyth stops posting).
 */
import { moduleAddress } from "../bank";
import { DEC_ONE } from "../codec";
import type { Ctx } from "../context";
import { oracleErr } from "../errors";
import { AKT_PRICE_IN_ACT } from "../params";
import { rfc3339Nanos } from "../blocks";

export const ORACLE_DENOM = "akt";
export const ORACLE_BASE_DENOM = "usd";
export const ORACLE_SOURCES = [moduleAddress("devnet-oracle-source-1"), moduleAddress("devnet-oracle-source-2")];

/** chain-sdk go/node/oracle/v1 params defaults (min sources 2, 50 blocks staleness and TWAP window, 150 bps). */
export const oracleParams = { minPriceSources: 2, maxPriceStalenessBlocks: 50, twapWindow: 50, maxPriceDeviationBps: 150 };

/** Price records kept for the Prices query (the chain prunes its history too). */
const KEEP_BLOCKS = 2_000;

const micro = (usd: number): bigint => BigInt(Math.round(usd * 1e6)) * (DEC_ONE / 1_000_000n);

/** What source `source` posts at `height`: about AKT_PRICE_IN_ACT ($2.00), within ±8 %, the sources within ±0.1 % of each other. */
export function seededPrice(seed: number, height: number, source: number): bigint {
  const phase = (seed * 2.399963) % (2 * Math.PI);
  const slow = 0.06 * Math.sin((2 * Math.PI * height) / 900 + phase);
  const fast = 0.015 * Math.sin((2 * Math.PI * height) / 53 + 2 * phase);
  const spread = (source === 1 ? 1 : -1) * 0.001 * Math.sin((2 * Math.PI * height) / 37);
  return micro(Number(AKT_PRICE_IN_ACT) * (1 + slow + fast) * (1 + spread));
}

function median(xs: bigint[]): bigint {
  const s = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2n;
}

/** The end blocker: the sources post (unless stalled), then the fresh prices are aggregated and judged. */
export function oracleEndBlock(ctx: Ctx): void {
  const o = ctx.state.oracle;
  const timestamp = rfc3339Nanos(ctx.time);
  if (!o.stalled) {
    ORACLE_SOURCES.forEach((_, i) => o.prices.push({ source: i + 1, height: ctx.height, price: o.pinned ?? seededPrice(o.seed, ctx.height, i + 1), timestamp }));
  }
  const cutoff = ctx.height - KEEP_BLOCKS;
  if (o.prices.length && o.prices[0]!.height < cutoff) o.prices = o.prices.filter((p) => p.height >= cutoff);

  const fresh: bigint[] = [];
  for (let s = 1; s <= ORACLE_SOURCES.length; s++) {
    const latest = o.prices.findLast((p) => p.source === s);
    if (latest && latest.height >= (o.staleBefore ?? 0) && ctx.height - latest.height <= oracleParams.maxPriceStalenessBlocks) fresh.push(latest.price);
  }
  if (fresh.length > 0) {
    const med = median(fresh);
    o.medians.push({ height: ctx.height, price: med });
    o.medians = o.medians.filter((m) => ctx.height - m.height < oracleParams.twapWindow);
    const min = fresh.reduce((a, b) => (b < a ? b : a));
    const max = fresh.reduce((a, b) => (b > a ? b : a));
    const twap = o.medians.reduce((sum, m) => sum + m.price, 0n) / BigInt(o.medians.length);
    o.aggregate = { twap, median: med, min, max, timestamp, numSources: fresh.length, deviationBps: ((max - min) * 10_000n) / min };
  }
  const healthy = fresh.length;
  const deviation = o.aggregate?.deviationBps ?? 0n;
  const failureReason: string[] = [];
  const hasMinSources = healthy >= oracleParams.minPriceSources;
  if (!hasMinSources) failureReason.push(`insufficient price sources: ${healthy} < ${oracleParams.minPriceSources}`);
  const deviationOk = deviation <= BigInt(oracleParams.maxPriceDeviationBps);
  if (!deviationOk) failureReason.push(`price deviation too high: ${deviation}bps > ${oracleParams.maxPriceDeviationBps}bps`);
  o.health = { isHealthy: hasMinSources && deviationOk, hasMinSources, deviationOk, totalSources: ORACLE_SOURCES.length, totalHealthySources: healthy, failureReason };
}

/**
 * x/oracle keeper GetAggregatedPrice, as x/bme calls it: the TWAP in USD (LegacyDec atomics) of a chain denom;
 * ACT is pegged to $1; an unhealthy or missing price fails with ErrPriceStalled.
 */
export function aggregatedPrice(ctx: Ctx, denom: string): bigint {
  const normalized = denom === "uakt" ? "akt" : denom === "uact" ? "act" : denom;
  if (normalized === "act") return DEC_ONE;
  const o = ctx.state.oracle;
  if (normalized !== ORACLE_DENOM || !o.aggregate || !o.health) throw oracleErr.priceStalled(`no price for ${normalized}/${ORACLE_BASE_DENOM}`);
  if (!o.health.isHealthy) throw oracleErr.priceStalled();
  return o.aggregate.twap;
}
