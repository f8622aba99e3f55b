import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createTestDatabase } from "@/test/support/database";

// Quotas and rate limits (issue 11, High): each test failed before its fix.
const database = createTestDatabase();
process.env.DATABASE_URL = database.url;

let drafts: typeof import("../drafts/route") & { item: typeof import("../drafts/[id]/route") };
let nonce: typeof import("../auth/nonce/route");

beforeAll(async () => {
  drafts = { ...(await import("../drafts/route")), item: await import("../drafts/[id]/route") };
  nonce = await import("../auth/nonce/route");
});
afterAll(() => database.dispose());

const ORIGIN = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };
const post = (path: string, body: unknown, headers: Record<string, string>) =>
  new NextRequest(`${ORIGIN}${path}`, { method: "POST", body: JSON.stringify(body), headers: { host: "localhost:3000", ...headers } });

async function untilRefused(send: () => Promise<Response>, max: number): Promise<{ accepted: number; refused: Response | null }> {
  for (let i = 0; i < max; i++) {
    const res = await send();
    if (res.status >= 400) return { accepted: i, refused: res };
  }
  return { accepted: max, refused: null };
}

describe("anonymous owners", () => {
  it("refuses a flood of cookieless draft saves from one address with 429, Retry-After and when to try again", async () => {
    const { accepted, refused } = await untilRefused(() => drafts.POST(post("/api/drafts", { name: "spam", content: "a: 1\n" }, { "x-forwarded-for": "203.0.113.7" }), noParams), 200);
    expect(accepted).toBeLessThan(200);
    expect(refused!.status).toBe(429);
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused!.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/try again in \d+/i);
    // the limit is counted in the database, so a second instance sharing it would see the same count
    expect(await database.db.rateBucket.count()).toBeGreaterThan(0);
  });

  it("caps the drafts of one anonymous browser lower than a signed-in owner's", async () => {
    const { QUOTAS } = await import("@/lib/drafts/quotas");
    expect(QUOTAS.anonymous.drafts).toBeLessThan(QUOTAS.signedIn.drafts);
    const cookie = "console_anon=" + "q".repeat(43);
    const { accepted, refused } = await untilRefused(() => drafts.POST(post("/api/drafts", { name: "d", content: "a: 1\n" }, { cookie, "x-forwarded-for": "203.0.113.8" }), noParams), 500);
    expect(accepted).toBe(QUOTAS.anonymous.drafts);
    expect(refused!.status).toBe(403);
    expect(((await refused!.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "quota.exceeded", message: expect.stringMatching(/delete/i) });
  });

  it("caps the bytes one owner stores across drafts and versions", async () => {
    const { QUOTAS } = await import("@/lib/drafts/quotas");
    const cookie = "console_anon=" + "r".repeat(43);
    const big = "#".repeat(900 * 1024);
    const { accepted, refused } = await untilRefused(() => drafts.POST(post("/api/drafts", { name: "big", content: big }, { cookie, "x-forwarded-for": "203.0.113.9" }), noParams), 100);
    // each draft stores its content and its first version
    expect(accepted).toBe(Math.floor(QUOTAS.anonymous.bytes / (2 * big.length)));
    expect(refused!.status).toBe(403);
  });
});

describe("rate limits", () => {
  it("limits sign-in nonces per address", async () => {
    const { accepted, refused } = await untilRefused(
      () => nonce.POST(post("/api/auth/nonce", { address: "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy" }, { "x-forwarded-for": "203.0.113.10" }), noParams),
      500,
    );
    expect(accepted).toBeLessThan(500);
    expect(refused!.status).toBe(429);
    expect(refused!.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("limits the writes of one owner whatever addresses they come from", async () => {
    const cookie = "console_anon=" + "s".repeat(43);
    const created = await drafts.POST(post("/api/drafts", { name: "x", content: "a: 0\n" }, { cookie, "x-forwarded-for": "203.0.113.11" }), noParams);
    const { id } = (await created.json()) as { id: string };
    let n = 0;
    const { accepted, refused } = await untilRefused(
      () =>
        drafts.item.PATCH(
          new NextRequest(`${ORIGIN}/api/drafts/${id}`, { method: "PATCH", body: JSON.stringify({ content: `a: ${++n}\n` }), headers: { host: "localhost:3000", cookie, "x-forwarded-for": `10.9.${n >> 8}.${n & 255}` } }),
          { params: Promise.resolve({ id }) },
        ),
      1000,
    );
    expect(accepted).toBeLessThan(1000);
    expect(refused!.status).toBe(429);
  });
});
