import https from "node:https";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { resolveEndpoint } from "@/lib/provider-gateway/gateway.server";
import { leaseManifest, leaseStatus, sendManifest, serviceStatus, type CallContext } from "@/lib/provider-gateway/provider-api.server";
import { resolveProviderTarget } from "@/lib/provider-gateway/ssrf.server";
import { startGatewayFixture, type GatewayFixture, type LeasedDeployment } from "@/test/support/proxy-lease";

let gf: GatewayFixture;
let P0: string;
let P1: string;
let leased: LeasedDeployment;

beforeAll(async () => {
  gf = await startGatewayFixture();
  [P0, P1] = gf.providers as [string, string];
  leased = await gf.lease(P0, "nginx-letsencrypt-proxy.yaml");
});
afterAll(() => gf?.stop());

async function ctx(provider: string, pinAs = provider): Promise<CallContext> {
  const endpoint = await resolveEndpoint(gf.gateway, provider);
  return { endpoint: { ...endpoint, provider: pinAs }, pin: gf.gateway.pin, token: await gf.tokens.get(pinAs) };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => new Error("it succeeded"),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("provider REST routes through a pinned connection", () => {
  it("lease status before the manifest is provider.no_lease (the provider's 404)", async () => {
    const e = await refusal(leaseStatus(await ctx(P0), leased.lease));
    expect(e.code).toBe("provider.no_lease");
    expect(e.message).toMatch(new RegExp(`^Provider ${P0} knows no running lease here \\(HTTP 404`));
  });

  it("a manifest of another SDL is provider.manifest_rejected: it does not match the on-chain version", async () => {
    const other = await gf.lease(P0, "snake-game.yaml");
    const e = await refusal(sendManifest(await ctx(P0), leased.lease.dseq, other.manifestJson));
    expect(e.code).toBe("provider.manifest_rejected");
    expect(e.message).toContain("the manifest does not match the deployment's on-chain version (HTTP 422: manifest version validation failed)");
  });

  it("a provider without a lease for the deployment answers provider.no_lease", async () => {
    const e = await refusal(sendManifest(await ctx(P1), leased.lease.dseq, leased.manifestJson));
    expect(e).toMatchObject({ code: "provider.no_lease", details: { provider: P1, status: 404 } });
  });

  it("sends the manifest; status then reports services, readiness and leased IPs with their capitalised keys", async () => {
    await sendManifest(await ctx(P0), leased.lease.dseq, leased.manifestJson);
    const c = await ctx(P0);
    const first = await leaseStatus(c, leased.lease);
    expect(Object.keys(first.services)).toEqual(["nginx-ssl"]);
    expect(first.services["nginx-ssl"]).toMatchObject({ name: "nginx-ssl", total: 1, replicas: 1 });
    // ports exposed on a leased IP are reached on that IP, not forwarded through a node port
    expect(first.forwardedPorts["nginx-ssl"]).toBeUndefined();
    expect(first.ips["nginx-ssl"]).toEqual(expect.arrayContaining([expect.objectContaining({ port: 443, externalPort: 443, protocol: "TCP", ip: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) })]));
    const deadline = Date.now() + 10_000;
    let status = first;
    while (status.services["nginx-ssl"]!.readyReplicas < 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      status = await leaseStatus(c, leased.lease);
    }
    expect(status.services["nginx-ssl"]).toMatchObject({ available: 1, readyReplicas: 1, availableReplicas: 1 });
    // every port of this service is on its leased IP: it gets no ingress host name
    expect(status.services["nginx-ssl"]!.uris).toEqual([]);
    expect(await serviceStatus(c, leased.lease, "nginx-ssl")).toEqual(status.services["nginx-ssl"]);
    const manifest = await leaseManifest(c, leased.lease);
    expect(manifest[0]!.services.map((s) => s.name)).toEqual(["nginx-ssl"]);
  });

  it("status reports a global port other than 80 as a forwarded port with its external port", async () => {
    const game = await gf.lease(P0, "minecraft.yaml");
    await sendManifest(await ctx(P0), game.lease.dseq, game.manifestJson);
    const status = await leaseStatus(await ctx(P0), game.lease);
    const [service] = Object.keys(status.services);
    expect(status.forwardedPorts[service!]).toEqual(
      expect.arrayContaining([expect.objectContaining({ port: 25565, proto: "TCP", name: service, externalPort: expect.any(Number) })]),
    );
    expect(status.ips[service!]).toBeUndefined();
  });

  it("a service the lease does not run is the provider's 404", async () => {
    const e = await refusal(serviceStatus(await ctx(P0), leased.lease, "nope"));
    expect(e).toMatchObject({ code: "provider.no_lease", details: { status: 404 } });
  });

  it("the provider refuses a token naming another provider: provider.unauthorized with its status and body", async () => {
    const c = { ...(await ctx(P0)), token: await gf.tokens.get(P1) };
    const e = await refusal(leaseStatus(c, leased.lease));
    expect(e.code).toBe("provider.unauthorized");
    expect(e.message).toContain(`Provider ${P0} refused the access token for GET /lease/${leased.lease.dseq}/${leased.lease.gseq}/${leased.lease.oseq}/status (HTTP 401`);
  });
});

describe("failures, each naming its side", () => {
  it("TLS pin: the gateway of one provider checked against another provider's on-chain certificates", async () => {
    const e = await refusal(leaseStatus(await ctx(P0, P1), leased.lease));
    expect(e.code).toBe("provider.tls_pin");
    expect(e.message).toMatch(new RegExp(`^Provider ${P1} serves a certificate \\(serial \\d+, SHA-256 [0-9A-F:]+\\) that is not one of its certificates on chain`));
  });

  it("TLS pin: a provider serving a certificate it never registered", async () => {
    await gf.fx.fleet!.setFault(P0, "unregistered-cert");
    try {
      const e = await refusal(leaseStatus(await ctx(P0), leased.lease));
      expect(e.code).toBe("provider.tls_pin");
    } finally {
      await gf.fx.fleet!.setFault(P0, null);
    }
  });

  it("provider HTTP 500: provider.unavailable with the provider's status and body", async () => {
    await gf.fx.fleet!.setFault(P0, "http500");
    try {
      const e = await refusal(leaseStatus(await ctx(P0), leased.lease));
      expect(e).toMatchObject({ code: "provider.unavailable", details: { status: 500, body: "internal server error" } });
      expect(e.message).toMatch(/failed on GET .* \(HTTP 500: internal server error\)\. This is on the provider's side/);
    } finally {
      await gf.fx.fleet!.setFault(P0, null);
    }
  });

  it("a provider that is down: provider.unreachable with ECONNREFUSED", async () => {
    const c = await ctx(P0);
    await gf.fx.fleet!.setFault(P0, "down");
    try {
      const e = await refusal(leaseStatus(c, leased.lease));
      expect(e.code).toBe("provider.unreachable");
      expect(e.message).toMatch(/the connection failed \(ECONNREFUSED\)\. The provider's gateway is not listening/);
    } finally {
      await gf.fx.fleet!.setFault(P0, null);
    }
  });

  it("a gateway that accepts and never answers: provider.timeout within the deadline", async () => {
    // P0's own registered certificate and key, so the pin passes and only the silence remains
    const cert = (gf.fx.fleet as unknown as { certificate(p: string): { certPem: string; keyPem: string } }).certificate(P0);
    const sockets = new Set<Socket>();
    const silent = https.createServer({ cert: cert.certPem, key: cert.keyPem }, () => {});
    silent.on("secureConnection", (s: Socket) => sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const target = await resolveProviderTarget(`https://127.0.0.1:${(silent.address() as { port: number }).port}`, { allowLoopback: true });
      const started = Date.now();
      const { providerRequest } = await import("@/lib/provider-gateway/provider-http.server");
      const e = await refusal(providerRequest({ provider: P0, target }, gf.gateway.pin, { method: "GET", path: "/status", token: "t", timeoutMs: 800 }));
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(e.code).toBe("provider.timeout");
      expect(e.message).toMatch(/did not answer GET \/status within 0\.8 s/);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});
