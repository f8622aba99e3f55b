import { TENANT1 } from "@/devnet/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { adr36Signer, OTHER_MNEMONIC } from "@/test/support/signer";
import { createTestDatabase } from "@/test/support/database";
import { createProviderTokens } from "@/lib/provider-gateway/jwt";
import { leaseStatusDto, manifestWire, serviceStatusDto } from "@/lib/provider-gateway/schemas";
import { startGatewayFixture, type GatewayFixture, type LeasedDeployment } from "@/test/support/proxy-lease";

// The handlers' database client is created on the first query, from DATABASE_URL as it is then.
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;

type Params = Record<string, string>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own params type; the tests pass them as strings
type Handler = (req: NextRequest, ctx: { params: Promise<any> }) => Promise<Response>;
let routes: { manifestPut: Handler; status: Handler; service: Handler; manifestGet: Handler };
let gf: GatewayFixture;
let P0: string;
let P1: string;
let leased: LeasedDeployment;
let tenantCookie: string;
let otherCookie: string;
let otherTokens: ReturnType<typeof createProviderTokens>;

beforeAll(async () => {
  gf = await startGatewayFixture();
  [P0, P1] = gf.providers as [string, string];
  process.env.NEXT_PUBLIC_NETWORK = "devnet";
  process.env.NEXT_PUBLIC_REST_URL = gf.fx.devnet.endpoints.rest;
  routes = {
    manifestPut: (await import("./deployments/[dseq]/manifest/route")).PUT as Handler,
    status: (await import("./leases/[dseq]/[gseq]/[oseq]/status/route")).GET as Handler,
    service: (await import("./leases/[dseq]/[gseq]/[oseq]/services/[service]/status/route")).GET as Handler,
    manifestGet: (await import("./leases/[dseq]/[gseq]/[oseq]/manifest/route")).GET as Handler,
  };
  const { startSession, sessionCookieName } = await import("@/lib/auth/session.server");
  const other = await adr36Signer(OTHER_MNEMONIC);
  tenantCookie = `${sessionCookieName()}=${(await startSession(TENANT1.address)).token}`;
  otherCookie = `${sessionCookieName()}=${(await startSession(other.address)).token}`;
  otherTokens = createProviderTokens({ address: other.address, signArbitrary: other.sign });
  leased = await gf.lease(P0);
});
afterAll(async () => {
  await gf?.stop();
  await database.dispose();
});

const BASE = "http://localhost:3000/api/providers";
function call(handler: Handler, path: string, params: Params, init: { method?: string; cookie?: string; token?: string; body?: BodyInit; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { host: "localhost:3000", ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const req = new NextRequest(`${BASE}${path}`, { method: init.method ?? "GET", headers, body: init.body, ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}) } as ConstructorParameters<typeof NextRequest>[1]);
  return handler(req, { params: Promise.resolve(params) });
}
const leaseParams = () => ({ provider: P0, dseq: leased.lease.dseq, gseq: String(leased.lease.gseq), oseq: String(leased.lease.oseq) });
const leasePath = () => `/${P0}/leases/${leased.lease.dseq}/${leased.lease.gseq}/${leased.lease.oseq}`;
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("the provider proxy routes refuse before contacting any provider", () => {
  it("without a session: 401, even while the provider is down", async () => {
    await gf.fx.fleet!.setFault(P0, "down");
    try {
      const res = await call(routes.status, `${leasePath()}/status`, leaseParams(), { token: await gf.tokens.get(P0) });
      expect(res.status).toBe(401);
      expect((await errorOf(res)).message).toMatch(/Sign in with your wallet first/);
    } finally {
      await gf.fx.fleet!.setFault(P0, null);
    }
  });

  it("without a token: token.invalid", async () => {
    const res = await call(routes.status, `${leasePath()}/status`, leaseParams(), { cookie: tenantCookie });
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({ code: "token.invalid", message: expect.stringMatching(/carries no provider access token/) });
  });

  it("for another owner's lease: the signed-in address has no such lease on chain", async () => {
    const res = await call(routes.status, `${leasePath()}/status`, leaseParams(), { cookie: otherCookie, token: await otherTokens.get(P0) });
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: "lease.not_found", message: expect.stringContaining(`no lease ${leased.lease.dseq}/`) });
  });

  it("for a token whose issuer is not the signed-in address", async () => {
    const res = await call(routes.status, `${leasePath()}/status`, leaseParams(), { cookie: tenantCookie, token: await otherTokens.get(P0) });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/issued by akash1.*, but you are signed in as/);
  });

  it("for a token naming another provider than the lease's", async () => {
    const res = await call(routes.status, `${leasePath()}/status`, leaseParams(), { cookie: tenantCookie, token: await gf.tokens.get(P1) });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toContain(`not exactly provider ${P0}`);
  });

  it("for a manifest to a provider that holds no lease of the deployment", async () => {
    const res = await call(routes.manifestPut, `/${P1}/deployments/${leased.lease.dseq}/manifest`, { provider: P1, dseq: leased.lease.dseq }, {
      method: "PUT",
      cookie: tenantCookie,
      token: await gf.tokens.get(P1),
      body: leased.manifestJson,
    });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("lease.not_found");
  });

  it("for malformed lease ids and oversized manifests, read as they stream", async () => {
    const bad = await call(routes.status, "/x/status", { ...leaseParams(), gseq: "one" }, { cookie: tenantCookie, token: await gf.tokens.get(P0) });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/gseq/);
    const chunk = new TextEncoder().encode(`[${" ".repeat(64 * 1024)}`);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += chunk.byteLength;
        if (sent > 64 * 1024 * 1024) c.close();
        else c.enqueue(chunk);
      },
    });
    const res = await call(routes.manifestPut, `/${P0}/deployments/${leased.lease.dseq}/manifest`, { provider: P0, dseq: leased.lease.dseq }, {
      method: "PUT",
      cookie: tenantCookie,
      token: await gf.tokens.get(P0),
      body: endless,
    });
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(3 * 1024 * 1024);
  });
});

describe("the provider proxy routes, allowed", () => {
  it("PUT manifest: one attempt, 200 once the provider took it", async () => {
    const res = await call(routes.manifestPut, `/${P0}/deployments/${leased.lease.dseq}/manifest`, { provider: P0, dseq: leased.lease.dseq }, {
      method: "PUT",
      cookie: tenantCookie,
      token: await gf.tokens.get(P0),
      body: leased.manifestJson,
      headers: { origin: "http://localhost:3000" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ sent: true, provider: P0, dseq: leased.lease.dseq });
  });

  it("PUT manifest of another SDL: 422 provider.manifest_rejected, explained", async () => {
    const other = await gf.lease(P0, "mysql.yaml");
    const res = await call(routes.manifestPut, `/${P0}/deployments/${leased.lease.dseq}/manifest`, { provider: P0, dseq: leased.lease.dseq }, {
      method: "PUT",
      cookie: tenantCookie,
      token: await gf.tokens.get(P0),
      body: other.manifestJson,
    });
    expect(res.status).toBe(422);
    expect(await errorOf(res)).toMatchObject({ code: "provider.manifest_rejected", message: expect.stringContaining("does not match the deployment's on-chain version") });
  });

  it("GET lease status, one service's status and the manifest, in the console's camelCase shapes", async () => {
    const token = await gf.tokens.get(P0);
    const res = await call(routes.status, `${leasePath()}/status`, leaseParams(), { cookie: tenantCookie, token });
    expect(res.status).toBe(200);
    const status = leaseStatusDto.parse(await res.json());
    expect(Object.keys(status.services).sort()).toEqual(["mongo", "snake"]);
    const svc = await call(routes.service, `${leasePath()}/services/snake/status`, { ...leaseParams(), service: "snake" }, { cookie: tenantCookie, token });
    expect(serviceStatusDto.parse(await svc.json())).toMatchObject({ name: "snake", total: 1 });
    const manifest = await call(routes.manifestGet, `${leasePath()}/manifest`, leaseParams(), { cookie: tenantCookie, token });
    expect(manifestWire.parse(await manifest.json())[0]!.services.map((s) => s.name).sort()).toEqual(["mongo", "snake"]);
  });

  it("a provider whose certificate is not on chain: 502 provider.tls_pin naming the provider", async () => {
    await gf.fx.fleet!.setFault(P0, "unregistered-cert");
    try {
      const res = await call(routes.status, `${leasePath()}/status`, leaseParams(), { cookie: tenantCookie, token: await gf.tokens.get(P0) });
      expect(res.status).toBe(502);
      expect(await errorOf(res)).toMatchObject({ code: "provider.tls_pin", message: expect.stringContaining(`Provider ${P0} serves a certificate`) });
    } finally {
      await gf.fx.fleet!.setFault(P0, null);
    }
  });
});
