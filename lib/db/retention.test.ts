import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/support/database";
import { providersRepository } from "@/lib/db/providers";
import { sweepExpired } from "@/lib/db/retention";

const database = createTestDatabase();
afterAll(() => database.dispose());
const db = database.db;
const DAY = 86_400_000;
const now = new Date("2027-06-01T00:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const POLICY = { retentionDays: 90, sessionIdleMs: 12 * 3_600_000 };

async function deployment(dseq: string, state: string, updatedDaysAgo: number) {
  const row = await db.deployment.create({
    data: { owner: "akash1owner", network: "devnet", dseq, name: dseq, sdl: "env: [TOKEN=secret]", manifestVersion: "0".repeat(64), depositDenom: "uact", depositAmount: "1", state },
  });
  // an explicit updatedAt overrides Prisma's @updatedAt: the record as it was last touched that long ago
  await db.deployment.update({ where: { id: row.id }, data: { updatedAt: ago(updatedDaysAgo) } });
  return row.id;
}

describe("sweepExpired", () => {
  it("erases the SDL of a deployment closed longer than the retention period, and only then", async () => {
    const old = await deployment("1", "closed", 91);
    const recent = await deployment("2", "closed", 10);
    const open = await deployment("3", "open", 400);
    const result = await sweepExpired(db, POLICY, now);
    expect(result.erasedSdls).toBe(1);
    expect(await db.deployment.findUnique({ where: { id: old } })).toMatchObject({ sdl: "", sdlErasedAt: now });
    expect((await db.deployment.findUnique({ where: { id: recent } }))?.sdl).toContain("secret");
    expect((await db.deployment.findUnique({ where: { id: open } }))?.sdl).toContain("secret");
  });

  it("deletes draft versions older than the retention period but keeps each draft's newest", async () => {
    const draft = await db.draft.create({ data: { owner: "akash1owner", name: "d", content: "c", size: 1 } });
    for (const [i, days] of [200, 150, 100, 5].entries()) await db.draftVersion.create({ data: { draftId: draft.id, content: `v${i}`, size: 2, createdAt: ago(days) } });
    const quiet = await db.draft.create({ data: { owner: "akash1owner", name: "q", content: "c", size: 1 } });
    for (const [i, days] of [300, 200].entries()) await db.draftVersion.create({ data: { draftId: quiet.id, content: `q${i}`, size: 2, createdAt: ago(days) } });
    await sweepExpired(db, POLICY, now);
    expect((await db.draftVersion.findMany({ where: { draftId: draft.id } })).map((v) => v.content)).toEqual(["v3"]);
    expect((await db.draftVersion.findMany({ where: { draftId: quiet.id } })).map((v) => v.content)).toEqual(["q1"]);
  });

  it("deletes anonymous drafts untouched for the retention period, never a signed-in owner's", async () => {
    const anon = await db.draft.create({ data: { owner: "anon:abc", name: "a", content: "c", size: 1 } });
    const mine = await db.draft.create({ data: { owner: "akash1keep", name: "k", content: "c", size: 1 } });
    await db.draft.updateMany({ where: { id: { in: [anon.id, mine.id] } }, data: { updatedAt: ago(120) } });
    await sweepExpired(db, POLICY, now);
    expect(await db.draft.findUnique({ where: { id: anon.id } })).toBeNull();
    expect(await db.draft.findUnique({ where: { id: mine.id } })).not.toBeNull();
  });

  it("purges used nonces, ended sessions, past rate windows and probes older than the 7-day uptime", async () => {
    await db.usedNonce.create({ data: { id: "n-old", expiresAt: ago(1) } });
    await db.usedNonce.create({ data: { id: "n-live", expiresAt: new Date(now.getTime() + 60_000) } });
    await db.session.create({ data: { tokenHash: "s-idle", address: "a", expiresAt: new Date(now.getTime() + DAY), lastSeenAt: new Date(now.getTime() - POLICY.sessionIdleMs - 1) } });
    await db.session.create({ data: { tokenHash: "s-live", address: "a", expiresAt: new Date(now.getTime() + DAY), lastSeenAt: now } });
    await db.rateBucket.create({ data: { key: "old", count: 3, resetAt: ago(1) } });
    await db.providerProbe.create({ data: { network: "devnet", owner: "p", at: ago(8), ok: true } });
    // two days old: gone from the 24-hour uptime, still part of the 7-day one the directory shows
    await db.providerProbe.create({ data: { network: "devnet", owner: "p", at: ago(2), ok: false, error: "HTTP 500" } });
    await db.providerProbe.create({ data: { network: "devnet", owner: "p", at: now, ok: true } });
    const r = await sweepExpired(db, POLICY, now);
    expect(r).toMatchObject({ nonces: 1, sessions: 1, rateBuckets: 1, probes: 1 });
    expect(await db.usedNonce.count()).toBe(1);
    expect((await db.session.findMany()).map((s) => s.tokenHash)).toEqual(["s-live"]);
    expect(await db.providerProbe.count()).toBe(2);
    const week = await providersRepository(db).uptimeCounts("devnet", ["p"], ago(7));
    expect(week.get("p")).toEqual({ total: 2, ok: 1 });
  });
});
