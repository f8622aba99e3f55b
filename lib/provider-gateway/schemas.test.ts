import { describe, expect, it } from "vitest";
import { kubeEventFrameWire, leaseStatusWire, serviceStatusWire, shellResultWire } from "@/lib/provider-gateway/schemas";

// Shapes as akash-network/provider's Go structs marshal them: nil maps and slices are null, LeasedIPStatus has no
// JSON tags (capitalised keys), ServiceStatus has snake_case tags.
describe("leaseStatusWire", () => {
  it("reads a status with services, forwarded ports and leased IPs into the console's camelCase shape", () => {
    const wire = {
      services: {
        web: { name: "web", available: 1, total: 1, uris: ["abc.ingress.example.com"], observed_generation: 2, replicas: 1, updated_replicas: 1, ready_replicas: 1, available_replicas: 1 },
      },
      forwarded_ports: { web: [{ host: "provider.example.com", port: 22, externalPort: 31022, proto: "TCP", name: "web" }] },
      ips: { web: [{ Port: 443, ExternalPort: 443, Protocol: "TCP", IP: "203.0.113.7" }] },
    };
    expect(leaseStatusWire.parse(wire)).toEqual({
      services: { web: { name: "web", available: 1, total: 1, uris: ["abc.ingress.example.com"], observedGeneration: 2, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 } },
      forwardedPorts: { web: [{ host: "provider.example.com", port: 22, externalPort: 31022, proto: "TCP", name: "web" }] },
      ips: { web: [{ port: 443, externalPort: 443, protocol: "TCP", ip: "203.0.113.7" }] },
    });
  });

  it("reads Go's nulls (no forwarded ports, no IPs, no URIs yet) as empty", () => {
    const parsed = leaseStatusWire.parse({ services: { db: { name: "db", available: 0, total: 1, uris: null } }, forwarded_ports: null, ips: null });
    expect(parsed).toEqual({ services: { db: expect.objectContaining({ uris: [], readyReplicas: 0 }) }, forwardedPorts: {}, ips: {} });
    expect(leaseStatusWire.parse({ services: null })).toEqual({ services: {}, forwardedPorts: {}, ips: {} });
  });

  it("refuses an answer whose counts are not numbers", () => {
    expect(leaseStatusWire.safeParse({ services: { web: { name: "web", available: "1", total: 1 } } }).success).toBe(false);
    expect(serviceStatusWire.safeParse({ name: "web", total: 1 }).success).toBe(false);
  });
});

describe("kubeEventFrameWire and shellResultWire", () => {
  it("reads a lease event and tolerates the optional reporting fields being absent", () => {
    const e = kubeEventFrameWire.parse({ type: "Warning", reason: "BackOff", note: "Back-off restarting", object: { kind: "Pod", namespace: "ns", name: "web-1" } });
    expect(e).toEqual({ type: "Warning", reason: "BackOff", note: "Back-off restarting", reportingController: "", reportingInstance: "", object: { kind: "Pod", namespace: "ns", name: "web-1" } });
  });

  it("reads a shell result with and without a message", () => {
    expect(shellResultWire.parse({ exit_code: 0 })).toEqual({ exitCode: 0 });
    expect(shellResultWire.parse({ exit_code: 1, message: "no active replicase for service" })).toEqual({ exitCode: 1, message: "no active replicase for service" });
  });
});
