import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createTestDatabase } from "@/test/support/database";
import { PROVIDER_ACCOUNTS, TENANT1, TENANT2 } from "../../../devnet/accounts";

// The handlers' database client is created on the first query, from DATABASE_URL as it is then.
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;

const TENANT = TENANT1.address;
const OTHER = TENANT2.address;
const PROVIDER = PROVIDER_ACCOUNTS[0]!.address;

let api: typeof import("./route") & { item: typeof import("./[dseq]/route"); leases: typeof import("./[dseq]/leases/route") };
let cookieFor: (address: string) => Promise<string>;

beforeAll(async () => {
  api = { ...(await import("./route")), item: await import("./[dseq]/route"), leases: await import("./[dseq]/leases/route") };
  const { startSession, sessionCookieName } = await import("@/lib/auth/session.server");
  cookieFor = async (address) => `${sessionCookieName()}=${(await startSession(address)).token}`;
});
afterAll(() => database.dispose());

const BASE = "http://localhost:3000/api/deployments";
const req = (url: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
  new NextRequest(url, {
    method: init.method ?? "GET",
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headers: { host: "localhost:3000", ...(init.cookie ? { cookie: init.cookie } : {}) },
  });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

const deployment = {
  dseq: "4242",
  name: "Web",
  draftId: null,
  sdl: "version: '2.0'\n",
  manifestVersion: "0".repeat(64),
  deposit: { denom: "uact", amount: "5000000" },
  createTxHash: "A".repeat(64),
};

describe("/api/deployments", () => {
  it("needs a signed-in wallet", async () => {
    const res = await api.GET(req(BASE), params({}));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Sign in with your wallet/);
  });

  it("records a deployment and its leases for the signed-in owner only", async () => {
    const cookie = await cookieFor(TENANT);
    const created = await api.POST(req(BASE, { method: "POST", body: deployment, cookie }), params({}));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ owner: TENANT, network: "devnet", dseq: "4242", state: "open", depositAmount: "5000000" });
    // written to this test's own database, never to the developer's data/console.db
    expect(await database.db.deployment.count({ where: { dseq: "4242" } })).toBe(1);

    const leased = await api.leases.POST(
      req(`${BASE}/4242/leases`, { method: "POST", cookie, body: { txHash: "B".repeat(64), leases: [{ gseq: 1, oseq: 1, bseq: 1, provider: PROVIDER, price: { denom: "uact", amount: "12.345" } }] } }),
      params({ dseq: "4242" }),
    );
    expect(leased.status).toBe(201);
    expect(await leased.json()).toMatchObject({ state: "leased", leases: [{ provider: PROVIDER, state: "manifest_pending", priceAmount: "12.345" }] });

    const other = await cookieFor(OTHER);
    expect((await api.item.GET(req(`${BASE}/4242`, { cookie: other }), params({ dseq: "4242" }))).status).toBe(404);
    const list = (await (await api.GET(req(BASE, { cookie: other }), params({}))).json()) as { total: number };
    expect(list.total).toBe(0);
  });

  it("refuses malformed records with the field that is wrong", async () => {
    const cookie = await cookieFor(TENANT);
    const res = await api.POST(req(BASE, { method: "POST", cookie, body: { ...deployment, dseq: "0x10" } }), params({}));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/dseq: a dseq is a whole number from 1 to 2\^64-1/);
    const badLease = await api.leases.POST(
      req(`${BASE}/4242/leases`, { method: "POST", cookie, body: { txHash: "B".repeat(64), leases: [{ gseq: 1, oseq: 1, bseq: 1, provider: "cosmos1abc", price: { denom: "uact", amount: "1" } }] } }),
      params({ dseq: "4242" }),
    );
    expect(badLease.status).toBe(400);
  });

  it("records a lease recovered from the chain, without a transaction hash", async () => {
    const cookie = await cookieFor(TENANT);
    await api.POST(req(BASE, { method: "POST", body: { ...deployment, dseq: "4343" }, cookie }), params({}));
    const res = await api.leases.POST(
      req(`${BASE}/4343/leases`, { method: "POST", cookie, body: { txHash: null, leases: [{ gseq: 1, oseq: 1, bseq: 3, provider: PROVIDER, price: { denom: "uact", amount: "1" } }] } }),
      params({ dseq: "4343" }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ leases: [{ bseq: 3, state: "manifest_pending" }] });
  });

  it("closes a deployment and keeps its SDL", async () => {
    const cookie = await cookieFor(TENANT);
    const res = await api.item.PATCH(req(`${BASE}/4242`, { method: "PATCH", cookie, body: { state: "closed" } }), params({ dseq: "4242" }));
    expect(await res.json()).toMatchObject({ state: "closed", sdl: deployment.sdl });
  });
});
