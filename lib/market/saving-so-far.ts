import { cloudCosts, workloadOfFootprint } from "@/lib/market/cloud-compare";
import { CLOUDS, type Cloud } from "@/lib/market/cloud-prices";
import { gpusOffered, type KeyValue } from "@/lib/market/gpu-attributes";
import { groupFootprint } from "@/lib/market/footprint";
import { normalizeBidPrice, type DecCoin } from "@/lib/market/price";
import type { GroupView } from "@/lib/sdl/check";

/**
 * "Saving so far": for each cloud, what the deployment's running leases would have cost there since each began, less
 * what they cost at their lease price (both from the same blocks: the lease's creation height to the node's height,
 * at the network's block time). A cloud with no figure for one lease's resources, or a lease without a USD price
 * (AKT with no oracle price), gives no total: the sum would leave something out.
 */

export interface LeaseForSaving {
  gseq: number;
  provider: string;
  price: DecCoin;
  /** the height the lease was created at */
  createdAt: string;
}

export interface SavingSoFar {
  cloud: Cloud;
  /** USD saved so far (negative: it cost more than the cloud would have); null when it cannot be told */
  usd: number | null;
  /** the share of the cloud's cost saved, over the same time */
  share: number | null;
}

const MONTH_SECONDS = 30.437 * 86_400;

export function savingSoFar(
  leases: readonly LeaseForSaving[],
  groups: readonly GroupView[],
  attributesOf: (provider: string) => readonly KeyValue[] | undefined,
  ctx: { height: number; averageBlockTimeSeconds: number; aktUsd: number | null },
): SavingSoFar[] {
  const perLease = leases.map((l) => {
    const group = groups[l.gseq - 1];
    const attributes = attributesOf(l.provider) ?? [];
    const months = (Math.max(0, ctx.height - Number(l.createdAt)) * ctx.averageBlockTimeSeconds) / MONTH_SECONDS;
    const leaseUsd = normalizeBidPrice(l.price, ctx).usdPerMonth;
    const clouds = group ? cloudCosts(workloadOfFootprint(groupFootprint(group, attributes), gpusOffered(attributes))) : null;
    return { months, leaseUsd, clouds };
  });
  return CLOUDS.map((cloud) => {
    let cloudUsd = 0;
    let paid = 0;
    for (const l of perLease) {
      const c = l.clouds?.find((x) => x.cloud === cloud)?.usdPerMonth ?? null;
      if (c === null || l.leaseUsd === null) return { cloud, usd: null, share: null };
      cloudUsd += c * l.months;
      paid += l.leaseUsd * l.months;
    }
    if (perLease.length === 0 || cloudUsd <= 0) return { cloud, usd: null, share: null };
    return { cloud, usd: cloudUsd - paid, share: (cloudUsd - paid) / cloudUsd };
  });
}
