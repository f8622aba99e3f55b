import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TENANT1 } from "@/devnet/accounts";
import { sendLeaseManifests } from "@/components/lease/send-manifests";
import { deploymentRecordSchema, type DeploymentRecordDto } from "@/lib/deploy/api-client";
import { buildDeploymentPayload } from "@/lib/deploy/payload";
import type { LeaseDelivery } from "@/lib/deploy/manifest-delivery";
import { providerApi } from "@/lib/provider-gateway/api-client";
import { createTestDatabase } from "@/test/support/database";
import { startGatewayFixture, type GatewayFixture, type LeasedDeployment } from "@/test/support/proxy-lease";

// The browser's side for real: its fetches reach the console's own route handlers (provider proxy and
// deployment records, on a SQLite database of this test's own), which reach the devnet's provider over HTTPS.
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;
const templates = path.resolve(__dirname, "../../lib/templates/sdl");
const SNAKE = readFileSync(path.join(templates, "snake-game.yaml"), "utf8");

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let gf: GatewayFixture;
let P0: string;
let cookie: string;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  gf = await startGatewayFixture();
  P0 = gf.providers[0]!;
  process.env.NEXT_PUBLIC_NETWORK = "devnet";
  process.env.NEXT_PUBLIC_REST_URL = gf.fx.devnet.endpoints.rest;
  const manifestPut = (await import("@/app/api/providers/[provider]/deployments/[dseq]/manifest/route")).PUT as unknown as Handler;
  const leaseStatus = (await import("@/app/api/providers/[provider]/leases/[dseq]/[gseq]/[oseq]/status/route")).GET as unknown as Handler;
  const recordManifest = (await import("@/app/api/deployments/[dseq]/leases/[gseq]/[oseq]/route")).PATCH as unknown as Handler;
  const { startSession, sessionCookieName } = await import("@/lib/auth/session.server");
  cookie = `${sessionCookieName()}=${(await startSession(TENANT1.address)).token}`;
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const headers = { host: "localhost:3000", origin: "http://localhost:3000", cookie, ...(init.headers as Record<string, string>) };
    const req = new NextRequest(new URL(input, "http://localhost:3000"), { method: init.method, body: init.body as string | undefined, headers });
    const put = /^\/api\/providers\/([^/]+)\/deployments\/([^/]+)\/manifest$/.exec(input);
    if (put) return manifestPut(req, { params: Promise.resolve({ provider: put[1]!, dseq: put[2]! }) });
    const status = /^\/api\/providers\/([^/]+)\/leases\/([^/]+)\/(\d+)\/(\d+)\/status$/.exec(input);
    if (status) return leaseStatus(req, { params: Promise.resolve({ provider: status[1]!, dseq: status[2]!, gseq: status[3]!, oseq: status[4]! }) });
    const lease = /^\/api\/deployments\/([^/]+)\/leases\/(\d+)\/(\d+)$/.exec(input);
    if (lease) return recordManifest(req, { params: Promise.resolve({ dseq: lease[1]!, gseq: lease[2]!, oseq: lease[3]! }) });
    return realFetch(input, init);
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await gf?.stop();
  await database.dispose();
});

/** The console's record of a leased deployment, as the deployment page receives it. */
async function recordOf(leased: LeasedDeployment, sdl: string): Promise<DeploymentRecordDto> {
  const { deploymentsRepository } = await import("@/lib/db/deployments");
  const repo = deploymentsRepository(database.db);
  const { dseq, gseq, oseq } = leased.lease;
  await repo.save(TENANT1.address, {
    network: "devnet",
    dseq,
    name: "snake",
    draftId: null,
    sdl,
    manifestVersion: (await buildDeploymentPayload(sdl)).manifestVersion,
    depositDenom: "uact",
    depositAmount: "5000000",
    state: "leased",
    createTxHash: null,
  });
  const lease = { gseq, oseq, bseq: 0, provider: P0, priceDenom: "uact", priceAmount: "1", state: "manifest_pending" as const, createTxHash: null };
  const saved = await repo.recordLeases(TENANT1.address, "devnet", dseq, [lease]);
  return deploymentRecordSchema.parse(JSON.parse(JSON.stringify(saved)));
}

/** Sends as the deployment page does; every update in order. */
async function send(record: DeploymentRecordDto, leased: LeasedDeployment): Promise<LeaseDelivery[]> {
  const updates: LeaseDelivery[] = [];
  const { provider, gseq, oseq } = leased.lease;
  await sendLeaseManifests({ dseq: leased.lease.dseq, record, tokens: gf.tokens, leases: [{ provider, gseq, oseq }], onUpdate: (_, d) => updates.push(d) });
  return updates;
}

const storedLease = async (leased: LeasedDeployment) =>
  database.db.lease.findFirst({ where: { gseq: leased.lease.gseq, oseq: leased.lease.oseq, deployment: { dseq: leased.lease.dseq } } });

describe("sending a deployment's manifest from the browser", () => {
  it("reaches the lease's provider through the console's proxy and is recorded as sent", async () => {
    const leased = await gf.lease(P0);
    const updates = await send(await recordOf(leased, SNAKE), leased);
    expect(updates.map((u) => u.state)).toEqual(["sending", "sent"]);
    expect((await storedLease(leased))?.state).toBe("manifest_sent");
    // the provider runs it: its lease status answers (404 until a manifest arrived)
    const status = await providerApi.leaseStatus(leased.lease, await gf.tokens.get(P0));
    expect(Object.keys(status.services).sort()).toEqual(["mongo", "snake"]);
  }, 60_000);

  it("explains a manifest the provider refuses (422) and keeps the reason with the lease", async () => {
    const leased = await gf.lease(P0);
    // the record holds another SDL than the one on chain: its manifest has another version
    const other = SNAKE.replace(/count: 1/, "count: 2");
    expect(other).not.toBe(SNAKE);
    const updates = await send(await recordOf(leased, other), leased);
    expect(updates.map((u) => u.state)).toEqual(["sending", "failed"]);
    expect(updates[1]).toMatchObject({ error: { code: "provider.manifest_rejected", message: expect.stringContaining("does not match the deployment's on-chain version") } });
    expect(await storedLease(leased)).toMatchObject({ state: "manifest_pending", manifestError: expect.stringContaining("on-chain version") });
  }, 60_000);
});
