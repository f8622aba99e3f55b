/**
 * The chain's per-replica resource limits (lib/sdl/limits.ts) and the accepted price denoms. chain-sdk lets these
 * through; the chain rejects the MsgCreateDeployment after the tenant signed it.
 * Sizes are parsed exactly like chain-sdk does when it builds the group (src/sdl/sizes.ts), so the number we check
 * is the number that goes on chain.
 */
import {
  CPU_MAX_MILLICORES,
  CPU_MIN_MILLICORES,
  GPU_MAX_UNITS,
  MEMORY_MAX_BYTES,
  MEMORY_MIN_BYTES,
  PRICE_DENOMS,
  STORAGE_MAX_BYTES,
  STORAGE_MIN_BYTES,
} from "@/lib/sdl/limits";
import { entriesOf, isRecord, quote, type RuleContext } from "@/lib/sdl/rules/context";
import type { PathSegment } from "@/lib/sdl/diagnostics";

export function checkResources(ctx: RuleContext): void {
  const profiles = isRecord(ctx.sdl.profiles) ? ctx.sdl.profiles : {};
  for (const [name, profile] of entriesOf(profiles.compute)) {
    if (!isRecord(profile) || !isRecord(profile.resources)) continue;
    const base = ["profiles", "compute", name, "resources"];
    const res = profile.resources;
    if (isRecord(res.cpu)) checkCpu(ctx, [...base, "cpu", "units"], res.cpu.units);
    if (isRecord(res.memory)) checkSize(ctx, [...base, "memory", "size"], res.memory.size, "memory");
    if (Array.isArray(res.storage)) {
      res.storage.forEach((v, i) => isRecord(v) && checkSize(ctx, [...base, "storage", i, "size"], v.size, "storage"));
    } else if (isRecord(res.storage)) checkSize(ctx, [...base, "storage", "size"], res.storage.size, "storage");
    if (isRecord(res.gpu)) checkGpu(ctx, [...base, "gpu"], res.gpu);
  }
  for (const [place, infra] of entriesOf(profiles.placement)) {
    if (!isRecord(infra)) continue;
    for (const [profile, price] of entriesOf(infra.pricing)) {
      if (isRecord(price) && typeof price.denom === "string") checkDenom(ctx, ["profiles", "placement", place, "pricing", profile, "denom"], price.denom);
    }
  }
}

/** chain-sdk parseCpuUnits: numbers are CPUs, strings are "500m" (millicores) or "2" (CPUs). */
export function cpuMillicores(units: unknown): number | undefined {
  if (typeof units === "number") return units * 1000;
  if (typeof units !== "string") return undefined;
  const m = /^([\d.]+)([a-zA-Z]*)$/.exec(units);
  if (!m) return undefined;
  const value = parseFloat(m[1]!);
  return m[2]!.toLowerCase() === "m" ? value : value * 1000;
}

/** chain-sdk convertResourceString: "512Mi" -> 536870912, "1G" -> 1e9; undefined when chain-sdk would throw. */
export function sizeBytes(size: string): number | undefined {
  const m = /^([\d.]+)([a-z])([a-z]*)$/.exec(size.toLowerCase());
  if (!m) return undefined;
  const power = "kmgtpe".indexOf(m[2]!);
  const base = m[3] === "i" ? 1024 : 1000;
  return Math.ceil(power !== -1 ? parseFloat(m[1]!) * base ** (power + 1) : parseFloat(m[1]!));
}

function checkCpu(ctx: RuleContext, path: PathSegment[], units: unknown): void {
  const milli = cpuMillicores(units);
  if (milli === undefined || !Number.isFinite(milli) || milli <= 0) return; // the schema reports format errors
  if (milli >= CPU_MIN_MILLICORES && milli <= CPU_MAX_MILLICORES) return;
  const tooLow = milli < CPU_MIN_MILLICORES;
  const fix = tooLow ? "0.01" : String(CPU_MAX_MILLICORES / 1000);
  ctx.report({
    code: "sdl.cpu_range",
    message: `CPU ${quote(String(units))} is ${formatNumber(milli)} millicores; the chain accepts ${CPU_MIN_MILLICORES} to ${CPU_MAX_MILLICORES} millicores (0.01 to 384 CPUs) per replica.`,
    path,
    target: "value",
    fixes: [ctx.replaceFix(`Set to ${fix}`, path, fix)],
  });
}

function checkSize(ctx: RuleContext, path: PathSegment[], size: unknown, what: "memory" | "storage"): void {
  if (typeof size !== "string") return; // the schema reports the type
  const bytes = sizeBytes(size);
  if (bytes === undefined) {
    ctx.report({
      code: "sdl.size_format",
      message: `${what === "memory" ? "Memory" : "Storage"} size ${quote(size)} needs a number and a unit, e.g. 512Mi, 1Gi or 10G.`,
      path,
      target: "value",
      fixes: /^\d+(\.\d+)?$/.test(size) ? [ctx.replaceFix(`Change to ${quote(size + "Mi")}`, path, size + "Mi")] : [],
    });
    return;
  }
  const [min, max, minText, maxText] =
    what === "memory" ? [MEMORY_MIN_BYTES, MEMORY_MAX_BYTES, "1Mi", "2Ti"] : [STORAGE_MIN_BYTES, STORAGE_MAX_BYTES, "5Mi", "32Ti"];
  if (bytes >= min && bytes <= max) return;
  const fix = bytes < min ? minText : maxText;
  ctx.report({
    code: what === "memory" ? "sdl.memory_range" : "sdl.storage_range",
    message: `${what === "memory" ? "Memory" : "Storage volume"} ${quote(size)} is ${bytes < min ? "below" : "above"} the chain's limit: ${minText} to ${maxText} per ${what === "memory" ? "replica" : "volume"}.`,
    path,
    target: "value",
    fixes: [ctx.replaceFix(`Set to ${fix}`, path, fix)],
  });
}

function checkGpu(ctx: RuleContext, path: PathSegment[], gpu: Record<string, unknown>): void {
  const units = typeof gpu.units === "string" ? parseInt(gpu.units, 10) : gpu.units;
  if (typeof units !== "number" || Number.isNaN(units)) return;
  if (units < 0 || units > GPU_MAX_UNITS) {
    ctx.report({
      code: "sdl.gpu_range",
      message: `GPU count ${units} is outside the chain's limit of 0 to ${GPU_MAX_UNITS} per replica.`,
      path: [...path, "units"],
      target: "value",
      fixes: [ctx.replaceFix(`Set to ${units < 0 ? 0 : GPU_MAX_UNITS}`, [...path, "units"], String(units < 0 ? 0 : GPU_MAX_UNITS))],
    });
  }
  if (units <= 0) return;
  // A missing vendor is chain-sdk's error ("GPU must specify a vendor"); a vendor without a model is accepted
  // (any model of that vendor matches) but rarely what a tenant wants to pay for.
  const vendor = isRecord(gpu.attributes) && isRecord(gpu.attributes.vendor) ? gpu.attributes.vendor : null;
  if (!vendor) return;
  for (const [name, models] of Object.entries(vendor)) {
    const vendorPath = [...path, "attributes", "vendor", name];
    const list = Array.isArray(models) ? models : [];
    if (list.length === 0 || list.some((m) => !isRecord(m) || typeof m.model !== "string" || m.model === "")) {
      ctx.report({
        severity: "warning",
        code: "sdl.gpu_model",
        message: `No GPU model for vendor ${quote(name)}: any ${name} GPU matches, including small ones. List the models you accept, e.g. \`- model: a100\`.`,
        path: vendorPath,
        target: "key",
      });
    }
  }
}

function checkDenom(ctx: RuleContext, path: PathSegment[], denom: string): void {
  if ((PRICE_DENOMS as readonly string[]).includes(denom)) return;
  const lower = denom.trim().toLowerCase();
  const guess = lower.includes("act") || lower.includes("usd") ? "uact" : lower.includes("akt") ? "uakt" : undefined;
  const order = guess === "uakt" ? ["uakt", "uact"] : ["uact", "uakt"];
  ctx.report({
    code: "sdl.denom",
    message: `Price denom ${quote(denom)} is not accepted: bids are priced in \`uact\` (ACT, 1 USD = 1,000,000 uact) or \`uakt\` (AKT).`,
    path,
    target: "value",
    fixes: order.map((d) => ctx.replaceFix(`Use ${quote(d)}`, path, d)),
  });
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, "");
}
