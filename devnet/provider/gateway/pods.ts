/** The pods a lease runs: deterministic names (deployment-replicaset-pod, as Kubernetes names them) and timings. */
import type { LeaseView } from "../../contract";
import { imageKind, type GpuInfo, type ImageKind } from "../logs";
import { shortId, unit } from "../rng";
import type { GatewayContext } from "./context";
import { leaseKey, type LeaseRuntime } from "./lease-runtime";

export interface Pod {
  pod: string;
  service: string;
  image: string;
  kind: ImageKind;
  gpu: boolean;
  replica: number;
  /** when the container starts (ms) */
  startedAt: number;
  /** steady log line interval at the realistic pace (ms) */
  periodMs: number;
}

/** Pods of the lease, of the named services only when `services` is not empty. */
export function podsOf(ctx: GatewayContext, lease: LeaseView, rt: LeaseRuntime, services: string[]): Pod[] {
  const out: Pod[] = [];
  for (const s of rt.group.services) {
    if (services.length && !services.includes(s.name)) continue;
    const rs = shortId(10, rt.namespace, s.name, rt.generation);
    for (let r = 0; r < (s.count ?? 1); r++) {
      const jitter = unit(ctx.o.seed, "period", leaseKey(lease), s.name, r);
      out.push({
        pod: `${s.name}-${rs}-${shortId(5, rt.namespace, s.name, r, rt.generation)}`,
        service: s.name,
        image: s.image,
        kind: imageKind(s.image),
        gpu: Number(s.resources?.gpu?.units?.val ?? 0) > 0,
        replica: r,
        startedAt: containerStartAt(ctx, rt),
        periodMs: Math.round(ctx.o.logIntervalMs * (0.6 + 0.8 * jitter)),
      });
    }
  }
  return out;
}

/** The GPU the provider's nodes carry, as nvidia-smi names it (for GPU images' startup lines). */
export function gpuName(ctx: GatewayContext): GpuInfo | undefined {
  const g = ctx.o.profile.nodes.find((n) => n.gpu)?.gpu;
  if (!g) return undefined;
  const names: Record<string, string> = { h100: "NVIDIA H100 80GB HBM3", a100: "NVIDIA A100 80GB PCIe", rtx4090: "NVIDIA GeForce RTX 4090" };
  return { name: names[g.model] ?? `NVIDIA ${g.model.toUpperCase()}`, model: g.model };
}

/**
 * When replica `r` of a service of `count` replicas becomes ready: the replicas come up one after the other
 * between the containers' start and `readyDelayMs` after the manifest, so a client sees 0/N, then 1/N ... N/N.
 */
export function replicaReadyAt(ctx: GatewayContext, rt: LeaseRuntime, count: number, r: number): number {
  const start = containerStartAt(ctx, rt);
  const end = rt.receivedAt + ctx.o.readyDelayMs;
  return start + ((end - start) * (r + 1)) / Math.max(1, count);
}

export function containerStartAt(ctx: GatewayContext, rt: LeaseRuntime): number {
  return rt.receivedAt + Math.min(2200, ctx.o.readyDelayMs * 0.7);
}

/** Ready replicas of a service at `now`. */
export function readyReplicas(ctx: GatewayContext, rt: LeaseRuntime, count: number, now = Date.now()): number {
  let n = 0;
  for (let r = 0; r < count; r++) if (now >= replicaReadyAt(ctx, rt, count, r)) n++;
  return n;
}
