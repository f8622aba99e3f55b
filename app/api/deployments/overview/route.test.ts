import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { TENANT2 } from "@/devnet/accounts";
import { createTestDatabase } from "@/test/support/database";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";
import type { Overview } from "@/lib/deploy/overview.server";

// The console's list route on a real devnet seeded with tenant2's deployments, and a database of this test's own.
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;

let fx: DevnetFixture;
let seeded: { dseqs: string[]; leases: { dseq: string; provider: string }[] };
let GET: (req: NextRequest, ctx: { params: Promise<object> }) => Promise<Response>;
let cookie: string;

beforeAll(async () => {
  fx = await startDevnetFixture();
  process.env.NEXT_PUBLIC_NETWORK = "devnet";
  process.env.NEXT_PUBLIC_REST_URL = fx.devnet.endpoints.rest;
  const res = await fetch(`${fx.devnet.endpoints.admin}/deployments/seed`, { method: "POST", body: JSON.stringify({ owner: TENANT2.address, count: 45, leased: 3, deposit: "1000000", price: "10" }) });
  seeded = (await res.json()) as typeof seeded;
  GET = (await import("./route")).GET as typeof GET;
  const { startSession, sessionCookieName } = await import("@/lib/auth/session.server");
  cookie = `${sessionCookieName()}=${(await startSession(TENANT2.address)).token}`;
  const { deploymentsRepository } = await import("@/lib/db/deployments");
  const repo = deploymentsRepository(database.db);
  const record = (dseq: string, name: string, state: "leased" | "closed") =>
    repo.save(TENANT2.address, { network: "devnet", dseq, name, draftId: null, sdl: `services:\n  web:\n    image: ghcr.io/acme/${name}:1\n`, manifestVersion: "ab".repeat(32), depositDenom: "uakt", depositAmount: "1000000", state, createTxHash: null });
  await record(seeded.dseqs[0]!, "shop-frontend", "leased");
  // a record that disagrees with the chain: it says closed, the chain has it active
  await record(seeded.dseqs[10]!, "old-api", "closed");
}, 60_000);
afterAll(async () => {
  await fx?.stop();
  await database.dispose();
});

async function overview(query: string, as = cookie): Promise<{ status: number; body: Overview & { error?: { message: string } } }> {
  const res = await GET(new NextRequest(`http://localhost:3000/api/deployments/overview${query}`, { headers: { host: "localhost:3000", cookie: as } }), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}
const newestFirst = () => [...seeded.dseqs].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));

describe("GET /api/deployments/overview", () => {
  it("pages the owner's deployments from the chain, newest first, with the total", async () => {
    const first = await overview("");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 45, page: 1, pageSize: 20 });
    expect(first.body.rows.map((r) => r.dseq)).toEqual(newestFirst().slice(0, 20));
    const third = await overview("?page=3");
    expect(third.body.rows.map((r) => r.dseq)).toEqual(newestFirst().slice(40));
    const oldest = await overview("?order=oldest");
    expect(oldest.body.rows[0]!.dseq).toBe(newestFirst().at(-1));
  });

  it("joins this console's records: names, deployments created elsewhere, and records the chain contradicts", async () => {
    const rows = (await overview(`?q=${seeded.dseqs[0]}`)).body.rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "shop-frontend", createdHere: true, stale: null, state: "active" });
    const elsewhere = (await overview(`?q=${seeded.dseqs[5]}`)).body.rows[0]!;
    expect(elsewhere).toMatchObject({ name: null, createdHere: false, stale: null });
    const contradicted = (await overview(`?q=${seeded.dseqs[10]}`)).body.rows[0]!;
    expect(contradicted.stale).toBe(`This console's record says "closed", but the deployment is active on chain.`);
  });

  it("shows a leased deployment's provider, price and escrow time left from real DecCoin amounts", async () => {
    const leased = seeded.leases[0]!;
    const row = (await overview(`?q=${leased.dseq}`)).body.rows[0]!;
    expect(row.providers).toEqual([leased.provider]);
    expect(row.pricePerBlock).toEqual({ denom: "uakt", amount: "10" });
    // 1 AKT deposit at 10 uakt per block: under 100,000 blocks left, drawn since the lease started
    expect(row.escrow).toMatchObject({ denom: "uakt", perBlock: "10" });
    expect(row.escrow!.blocks).toBeGreaterThan(99_000);
    expect(row.escrow!.blocks).toBeLessThanOrEqual(100_000);
    expect(row.escrow!.level).toBe("ok");
  });

  it("searches by provider (its leases of this owner) and by text in this console's records", async () => {
    const byProvider = await overview(`?q=${seeded.leases[1]!.provider}`);
    expect(byProvider.body.rows.map((r) => r.dseq)).toContain(seeded.leases[1]!.dseq);
    const byImage = await overview("?q=ghcr.io/acme/old-api");
    expect(byImage.body.rows.map((r) => r.dseq)).toEqual([seeded.dseqs[10]]);
    const none = await overview("?q=nothing-like-this");
    expect(none.body).toMatchObject({ rows: [], total: 0 });
  });

  it("refuses a malformed query and an anonymous caller", async () => {
    const bad = await overview("?page=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toMatch(/page/);
    expect((await overview("", "")).status).toBe(401);
  });
});
