import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT1 } from "../../accounts";
import { request } from "../../../test/support/gateway-client";
import { providerToken as tokenFor } from "../../../test/support/tenant";
import { waitFor } from "../../../test/support/wait";
import { startLeaseFixture, type LeaseFixture } from "../../test/support/lease-fixture";
import { runShell } from "../../test/support/shell-client";

interface Status {
  services: Record<string, { name: string; available: number; total: number; ready_replicas: number; available_replicas: number; uris: string[] }>;
  forwarded_ports: Record<string, { host: string; port: number; externalPort: number; proto: string; name: string }[]> | null;
  ips: Record<string, { Port: number; ExternalPort: number; Protocol: string; IP: string }[]> | null;
}

let f: LeaseFixture;
const status = async () => (await request(`${f.lease}/status`, { headers: f.auth })).json() as Status;

beforeAll(async () => {
  f = await startLeaseFixture({ readyDelayMs: 2000 });
});
afterAll(() => f?.stop());

describe("lease status before the manifest", () => {
  it("lease status, service status and the manifest are 404 until the manifest arrives", async () => {
    for (const path of ["/status", "/service/web/status", "/manifest"]) {
      expect((await request(`${f.lease}${path}`, { headers: f.auth })).status, path).toBe(404);
    }
  });
});

describe("services coming up", () => {
  it("a shell right after the manifest gets the provider's 'no active replicase for service' (its typo)", async () => {
    expect(await f.sendManifest()).toBe(200);
    const r = await runShell(f.lease, f.auth, ["echo"], { service: "web" });
    expect(r.result).toEqual({ exit_code: 0, message: "no active replicase for service" });
  });

  it("ready replicas rise one by one from 0 to the count", async () => {
    const seen: number[] = [];
    await waitFor(async () => {
      const s = (await status()).services.web!;
      if (seen.at(-1) !== s.ready_replicas) seen.push(s.ready_replicas);
      expect(s.available).toBe(s.available_replicas);
      return s.ready_replicas === s.total;
    }, 5000, 40);
    expect(seen).toEqual([0, 1, 2]);
  });
});

describe("lease status when ready", () => {
  it("port 80 is a URI; another global port is a forwarded port; an IP endpoint is in ips with capitalised keys", async () => {
    const s = await status();
    expect(s.services.web!.uris).toHaveLength(1);
    expect(s.services.web!.uris[0]).toMatch(/\.ingress\..+\.devnet\.local$/);
    expect(s.forwarded_ports).toEqual({ web: [{ host: "127.0.0.1", port: 8080, externalPort: expect.any(Number), proto: "TCP", name: "web" }] });
    expect(s.forwarded_ports!.web![0]!.externalPort).toBeGreaterThanOrEqual(30000);
    expect(s.ips).toEqual({ web: [{ Port: 443, ExternalPort: 443, Protocol: "TCP", IP: expect.stringMatching(/^198\.51\.100\.\d+$/) }] });
    expect(s.services.cache).toMatchObject({ total: 1, ready_replicas: 1, uris: [] });
  });

  it("service status answers one service; an unknown one is 404 'kube: no service for that lease'", async () => {
    const r = await request(`${f.lease}/service/cache/status`, { headers: f.auth });
    expect(r.json()).toEqual({ name: "cache", available: 1, total: 1, uris: [], observed_generation: 1, replicas: 1, updated_replicas: 1, ready_replicas: 1, available_replicas: 1 });
    const missing = await request(`${f.lease}/service/nope/status`, { headers: f.auth });
    expect(missing.status).toBe(404);
    expect(missing.body).toBe("kube: no service for that lease\n");
  });

  it("GET manifest returns the lease's group with the SDL's env, and needs the get-manifest scope", async () => {
    const r = await request(`${f.lease}/manifest`, { headers: f.auth });
    const groups = r.json() as { name: string; services: { name: string; env: string[] }[] }[];
    expect(groups).toHaveLength(1);
    expect(groups[0]!.services.find((s) => s.name === "web")!.env).toEqual(["GREETING=hello devnet", "MODE=test"]);
    const statusOnly = await tokenFor(TENANT1, { leases: { access: "scoped", scope: ["status"] } });
    expect((await request(`${f.lease}/manifest`, { headers: { Authorization: `Bearer ${statusOnly}` } })).status).toBe(403);
    const getManifest = await tokenFor(TENANT1, { leases: { access: "scoped", scope: ["get-manifest"] } });
    expect((await request(`${f.lease}/manifest`, { headers: { Authorization: `Bearer ${getManifest}` } })).status).toBe(200);
  });
});
