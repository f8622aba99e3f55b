import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { TENANT3 } from "@/devnet/accounts";
import { createTestDatabase } from "@/test/support/database";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";
import type { EscrowAlert } from "@/lib/deploy/escrow-alerts.server";

const database = createTestDatabase();
process.env.DATABASE_URL = database.url;

let fx: DevnetFixture;
let GET: (req: NextRequest, ctx: { params: Promise<object> }) => Promise<Response>;
let cookie: string;
const seed = async (body: object) =>
  (await (await fetch(`${fx.devnet.endpoints.admin}/deployments/seed`, { method: "POST", body: JSON.stringify({ owner: TENANT3.address, ...body }) })).json()) as { dseqs: string[] };

beforeAll(async () => {
  fx = await startDevnetFixture();
  process.env.NEXT_PUBLIC_NETWORK = "devnet";
  process.env.NEXT_PUBLIC_REST_URL = fx.devnet.endpoints.rest;
  GET = (await import("./route")).GET as typeof GET;
  const { startSession, sessionCookieName } = await import("@/lib/auth/session.server");
  cookie = `${sessionCookieName()}=${(await startSession(TENANT3.address)).token}`;
}, 60_000);
afterAll(async () => {
  await fx?.stop();
  await database.dispose();
});

describe("GET /api/deployments/escrow-alerts", () => {
  it("names the active deployments whose escrow runs out within a day, soonest first, and no other", async () => {
    // the devnet's blocks count 1 s each for the console; the chain's minimum deposit is 5 AKT
    const soon = await seed({ count: 2, leased: 2, deposit: "5000000", price: "1000" }); // 5,000 blocks: 83 minutes
    const day = await seed({ count: 1, leased: 1, deposit: "5000000", price: "100" }); // 50,000 blocks: 14 hours
    await seed({ count: 2, leased: 1, deposit: "5000000", price: "1" }); // 58 days, and one without a lease
    const res = await GET(new NextRequest("http://localhost:3000/api/deployments/escrow-alerts", { headers: { host: "localhost:3000", cookie } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const { alerts } = (await res.json()) as { alerts: EscrowAlert[] };
    expect(alerts.map((a) => a.dseq).sort()).toEqual([...soon.dseqs, ...day.dseqs].sort());
    expect(alerts.map((a) => a.escrow.level)).toEqual(["warning", "warning", "warning"]);
    expect(alerts.slice(0, 2).map((a) => a.dseq).sort()).toEqual([...soon.dseqs].sort());
    expect(alerts[2]).toMatchObject({ dseq: day.dseqs[0], escrow: { perBlock: "100" } });
    expect(alerts[0]!.escrow.seconds!).toBeLessThan(5_000);
    expect(alerts[0]!.escrow.seconds!).toBeLessThanOrEqual(alerts[2]!.escrow.seconds!);
  });

  it("is for the signed-in owner only", async () => {
    const res = await GET(new NextRequest("http://localhost:3000/api/deployments/escrow-alerts", { headers: { host: "localhost:3000" } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(401);
  });
});
