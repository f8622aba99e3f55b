/**
 * GET /lease/.../status and GET /lease/.../service/{name}/status: replicas, URIs, forwarded ports and leased IPs,
 * in the JSON shapes of akash-network/provider (apclient.LeaseStatus: `forwarded_ports` and `ips` are null when the
 * manifest has none; the IP entries have capitalised keys because the Go struct has no JSON tags). Replicas become
 * ready one by one after the manifest (see replicaReadyAt), so a client sees a service start, then be ready.
 */
import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { LeaseView } from "../../contract";
import type { Principal } from "../auth";
import { hash32, shortId } from "../rng";
import { kubeUnavailableError, runtimeFor, type GatewayContext } from "./context";
import { HttpError, send } from "./http-io";
import { leaseKey, type LeasePath, type LeaseRuntime, type ManifestService } from "./lease-runtime";
import { readyReplicas } from "./pods";

export interface ServiceStatus {
  name: string;
  available: number;
  total: number;
  uris: string[];
  observed_generation: number;
  replicas: number;
  updated_replicas: number;
  ready_replicas: number;
  available_replicas: number;
}

export function serviceStatusOf(ctx: GatewayContext, lease: LeaseView, rt: LeaseRuntime, s: ManifestService, now = Date.now()): ServiceStatus {
  const count = s.count ?? 1;
  const ready = readyReplicas(ctx, rt, count, now);
  const uris = (s.expose ?? [])
    .filter((e) => e.global && !e.ip && (e.externalPort || e.port) === 80)
    .flatMap((e) => [...(e.hosts ?? []), `${shortId(26, leaseKey(lease), s.name, e.port)}.ingress.${ctx.o.profile.account.name}.devnet.local`]);
  return {
    name: s.name,
    available: ready,
    total: count,
    uris: [...new Set(uris)],
    observed_generation: rt.generation,
    replicas: count,
    updated_replicas: count,
    ready_replicas: ready,
    available_replicas: ready,
  };
}

export function servicesStatus(ctx: GatewayContext, lease: LeaseView, rt: LeaseRuntime) {
  const now = Date.now();
  const services: Record<string, ServiceStatus> = {};
  const forwarded: Record<string, unknown[]> = {};
  const ips: Record<string, unknown[]> = {};
  for (const s of rt.group.services) {
    services[s.name] = serviceStatusOf(ctx, lease, rt, s, now);
    for (const e of s.expose ?? []) {
      if (!e.global) continue;
      const ext = e.externalPort || e.port;
      if (e.ip) {
        // a leased IP (metallb): the service's own port on that address
        const ip = `198.51.100.${1 + (hash32(leaseKey(lease), e.ip) % 250)}`;
        (ips[s.name] ??= []).push({ Port: e.port, ExternalPort: ext, Protocol: e.proto || "TCP", IP: ip });
      } else if (ext !== 80) {
        // a NodePort on the provider's public host
        const externalPort = 30000 + (hash32(leaseKey(lease), s.name, e.port) % 2767);
        (forwarded[s.name] ??= []).push({ host: ctx.o.host, port: e.port, externalPort, proto: e.proto || "TCP", name: s.name });
      }
    }
  }
  return {
    services,
    forwarded_ports: Object.keys(forwarded).length ? forwarded : null,
    ips: Object.keys(ips).length ? ips : null,
  };
}

/** The checks every status answer goes through, then the stall fault. */
async function statusRuntime(ctx: GatewayContext, p: Principal, m: LeasePath) {
  const found = runtimeFor(ctx, p, m, "status");
  if (ctx.faults.kubeUnavailable) throw kubeUnavailableError();
  if (ctx.faults.stallStatusMs > 0) await sleep(ctx.faults.stallStatusMs);
  return found;
}

export async function leaseStatus(ctx: GatewayContext, res: ServerResponse, p: Principal, m: LeasePath): Promise<void> {
  const { lease, rt } = await statusRuntime(ctx, p, m);
  send(res, 200, servicesStatus(ctx, lease, rt));
}

export async function serviceStatus(ctx: GatewayContext, res: ServerResponse, p: Principal, m: LeasePath, service: string): Promise<void> {
  const { lease, rt } = await statusRuntime(ctx, p, m);
  const s = rt.group.services.find((x) => x.name === service);
  if (!s) throw new HttpError(404, "kube: no service for that lease");
  send(res, 200, serviceStatusOf(ctx, lease, rt, s));
}
