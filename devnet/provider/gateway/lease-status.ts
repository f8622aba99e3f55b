/**
 * GET /lease/.../status and GET /lease/.../service/{name}/status: replicas, URIs, forwarded ports and leased IPs,
 * in the JSON shapes of akash-network/provider (apclient.LeaseStatus; the IP entries have capitalised keys because
 * the Go struct has no JSON tags).
 */
import type { ServerResponse } from "node:http";
import type { LeaseView } from "../../contract";
import type { Principal } from "../auth";
import { hash32, shortId } from "../rng";
import { runtimeFor, type GatewayContext } from "./context";
import { send, sendText } from "./http-io";
import { leaseKey, type LeasePath, type LeaseRuntime } from "./lease-runtime";

export function servicesStatus(ctx: GatewayContext, lease: LeaseView, rt: LeaseRuntime) {
  const ready = Date.now() >= rt.receivedAt + ctx.o.readyDelayMs;
  const services: Record<string, unknown> = {};
  const forwarded: Record<string, unknown[]> = {};
  const ips: Record<string, unknown[]> = {};
  for (const s of rt.group.services) {
    const count = s.count ?? 1;
    const uris: string[] = [];
    for (const e of s.expose ?? []) {
      if (!e.global) continue;
      const ext = e.externalPort || e.port;
      if (e.ip) {
        (ips[s.name] ??= []).push({ Port: e.port, ExternalPort: ext, Protocol: e.proto || "TCP", IP: `198.51.100.${1 + (hash32(leaseKey(lease), s.name) % 250)}` });
      }
      if (ext === 80) {
        uris.push(...(e.hosts ?? []), `${shortId(26, leaseKey(lease), s.name, e.port)}.ingress.${ctx.o.profile.account.name}.devnet.local`);
      } else {
        (forwarded[s.name] ??= []).push({
          host: ctx.o.host,
          port: e.port,
          externalPort: 30000 + (hash32(leaseKey(lease), s.name, e.port) % 2767),
          proto: e.proto || "TCP",
          name: s.name,
        });
      }
    }
    services[s.name] = {
      name: s.name,
      available: ready ? count : 0,
      total: count,
      uris: [...new Set(uris)],
      observed_generation: rt.generation,
      replicas: count,
      updated_replicas: ready ? count : 0,
      ready_replicas: ready ? count : 0,
      available_replicas: ready ? count : 0,
    };
  }
  return { services, forwarded_ports: forwarded, ips: Object.keys(ips).length ? ips : null };
}

export function leaseStatus(ctx: GatewayContext, res: ServerResponse, p: Principal, m: LeasePath): void {
  const { lease, rt } = runtimeFor(ctx, p, m, "status");
  send(res, 200, servicesStatus(ctx, lease, rt));
}

export function serviceStatus(ctx: GatewayContext, res: ServerResponse, p: Principal, m: LeasePath, service: string): void {
  const { lease, rt } = runtimeFor(ctx, p, m, "status");
  const s = (servicesStatus(ctx, lease, rt).services as Record<string, unknown>)[service];
  if (!s) return sendText(res, 404, "service not found\n");
  send(res, 200, s);
}
