import type { GroupView } from "@/lib/sdl/check";
import { shortAddress } from "@/lib/chain/address";
import { attributeValue, KNOWN_AUDITORS, type ProviderInfo } from "@/lib/market/provider-info";
import { gpuFilterLabel, gpuFiltersOf, gpusOffered, offersWanted } from "@/lib/market/gpu-attributes";

/**
 * Why a deployment may get no bids, in the tenant's words: each requirement of the SDL that narrows the set of
 * providers, with how many of the providers we know meet it. Matching mirrors what providers check before
 * bidding (akash-network/provider bidengine: placement attributes and signedBy against the chain; GPU model,
 * storage class and leased IPs against their own capabilities, which they publish as attributes).
 */

export type NoBidKind = "all" | "gpu" | "persistent-storage" | "ip-lease" | "placement" | "auditor" | "size";

export interface NoBidReason {
  group: string;
  kind: NoBidKind;
  /** what the SDL asks, short ("GPU nvidia/h100 or nvidia/a100") */
  requirement: string;
  /** a sentence for the tenant */
  message: string;
  /** known providers meeting it; null when it cannot be told from on-chain data (node sizes) */
  matching: number | null;
  known: number;
}

/**
 * One requirement of a group that narrows the providers: `test` tells whether a provider meets it (null when the
 * chain cannot tell, e.g. node sizes), `say` words it for the tenant given how many providers meet it.
 */
export interface Requirement {
  kind: NoBidKind;
  requirement: string;
  test: ((p: ProviderInfo) => boolean) | null;
  say: (n: number | null, known: number) => string;
}

const GiB = 1024 ** 3;
/** beyond these, per instance, many providers have no single node big enough */
const LARGE = { cpuMillis: 32_000, memoryBytes: 128 * GiB, gpus: 4 };

/**
 * A GroupView quantity ({ val: "1000" }) as a number. The text is what the type promises; bytes (ASCII digits)
 * are accepted too, since chain-sdk's manifestToSortedJSON leaves them as bytes when Uint8Array comes from
 * another realm (jsdom, iframes).
 */
export function resourceQuantity(v: { val: unknown } | undefined | null): number {
  const val = v?.val;
  if (typeof val === "string" || typeof val === "number") return Number(val) || 0;
  if (val && typeof val === "object") return Number(String.fromCharCode(...Object.values(val as Record<string, number>))) || 0;
  return 0;
}

const has = (p: ProviderInfo, key: string, value = "true") => p.attributes.some((a) => a.key === key && a.value === value);
/** " 2 of the 6 providers we know offer one." — `verb` is [singular, plural] */
const count = (n: number | null, known: number, verb: [string, string] = ["does", "do"]) =>
  n === null ? "" : ` ${n === 0 ? "None" : n} of the ${known} providers we know ${n === 1 ? verb[0] : verb[1]}.`;
const auditorName = (a: string) => KNOWN_AUDITORS[a] ?? shortAddress(a);

export function requirementsOf(g: GroupView): Requirement[] {
  const checks: Requirement[] = [];
  const seen = new Set<string>();
  const add = (c: Requirement) => {
    if (seen.has(c.requirement)) return;
    seen.add(c.requirement);
    checks.push(c);
  };

  for (const a of g.requirements.attributes ?? []) {
    add({ kind: "placement", requirement: `${a.key}=${a.value}`, test: (p) => has(p, a.key, a.value), say: (n, k) => `Providers must carry the attribute ${a.key}=${a.value}.${count(n, k)}` });
  }
  const allOf = g.requirements.signed_by.all_of ?? [];
  const anyOf = g.requirements.signed_by.any_of ?? [];
  const audited = (p: ProviderInfo, a: string) => p.auditedBy.some((x) => x.address === a);
  if (allOf.length > 0) {
    add({ kind: "auditor", requirement: `audited by all of ${allOf.map(auditorName).join(", ")}`, test: (p) => allOf.every((a) => audited(p, a)), say: (n, k) => `Providers must be audited by ${allOf.map(auditorName).join(" and ")}.${count(n, k)}` });
  }
  if (anyOf.length > 0) {
    add({ kind: "auditor", requirement: `audited by one of ${anyOf.map(auditorName).join(", ")}`, test: (p) => anyOf.some((a) => audited(p, a)), say: (n, k) => `Providers must be audited by ${anyOf.map(auditorName).join(" or ")}.${count(n, k)}` });
  }

  for (const { resource: r, count: replicas } of g.resources) {
    const gpus = resourceQuantity(r.gpu?.units);
    if (gpus > 0) {
      const filters = gpuFiltersOf(r.gpu.attributes);
      const label = filters.length ? filters.map(gpuFilterLabel).join(" or ") : "any model";
      add({
        kind: "gpu",
        requirement: `GPU ${label}`,
        test: (p) => offersWanted(gpusOffered(p.attributes), filters),
        say: (n, k) => `It asks for ${gpus} GPU${gpus > 1 ? "s" : ""} (${label}) per instance; only providers with that GPU bid.${count(n, k, ["offers one", "offer one"])}`,
      });
    }
    for (const s of r.storage) {
      const persistent = s.attributes?.find((a) => a.key === "persistent")?.value === "true";
      const cls = s.attributes?.find((a) => a.key === "class")?.value;
      if (!persistent || !cls) continue;
      add({
        kind: "persistent-storage",
        requirement: `persistent storage class ${cls}`,
        test: (p) => p.attributes.some((a) => /^capabilities\/storage\/\d+\/class$/.test(a.key) && a.value === cls && has(p, a.key.replace(/class$/, "persistent"))),
        say: (n, k) => `Volume "${s.name}" needs persistent storage of class ${cls}.${count(n, k, ["offers it", "offer it"])}`,
      });
    }
    if ((r.endpoints ?? []).some((e) => e.kind === 2)) {
      add({ kind: "ip-lease", requirement: "dedicated IP (IP lease)", test: (p) => attributeValue(p.attributes, "feat-endpoint-ip") === "true", say: (n, k) => `It asks for a dedicated IP address; only providers with IP leases enabled bid.${count(n, k, ["has them", "have them"])}` });
    }
    const cpu = resourceQuantity(r.cpu?.units);
    const mem = resourceQuantity(r.memory?.size);
    const big = [
      cpu >= LARGE.cpuMillis ? `${cpu / 1000} CPU cores` : null,
      mem >= LARGE.memoryBytes ? `${Math.round(mem / GiB)} GiB of memory` : null,
      gpus >= LARGE.gpus ? `${gpus} GPUs` : null,
    ].filter(Boolean);
    if (big.length > 0) {
      add({ kind: "size", requirement: `${big.join(", ")} per instance`, test: null, say: () => `Each of the ${replicas} instance${replicas > 1 ? "s" : ""} needs ${big.join(" and ")} on one node; few providers have nodes that large, and the chain does not tell which.` });
    }
  }
  return checks;
}

export function explainNoBids(groups: readonly GroupView[], providers: readonly ProviderInfo[]): NoBidReason[] {
  const known = providers.length;
  const out: NoBidReason[] = [];
  for (const g of groups) {
    const checks = requirementsOf(g);
    const reasons = checks.map((c) => {
      const matching = c.test ? providers.filter(c.test).length : null;
      return { group: g.name, kind: c.kind, requirement: c.requirement, message: c.say(matching, known), matching, known };
    });
    // the narrowest requirement first: it is the one to relax
    reasons.sort((a, b) => (a.matching ?? Infinity) - (b.matching ?? Infinity));
    out.push(...reasons);
    const testable = checks.filter((c) => c.test);
    if (testable.length > 1) {
      const all = providers.filter((p) => testable.every((c) => c.test!(p))).length;
      out.push({ group: g.name, kind: "all", requirement: "every requirement above", message: `All of them together:${count(all, known, ["meets them", "meet them"])}`, matching: all, known });
    }
  }
  return out;
}
