import { afterAll, describe, expect, it } from "vitest";
import { sessionsRepository } from "@/lib/db/sessions";
import { createTestDatabase } from "@/test/support/database";

const database = createTestDatabase();
afterAll(() => database.dispose());
const repo = sessionsRepository(database.db);
const at = (iso: string) => new Date(iso);
const LIMITS = { idleMs: 3_600_000, touchMs: 60_000, maxPerAddress: 2 };

describe("sessionsRepository nonces", () => {
  it("marks a nonce used once", async () => {
    expect(await repo.markNonceUsed("nonce-once", at("2026-01-01T00:05:00Z"))).toBe(true);
    expect(await repo.markNonceUsed("nonce-once", at("2026-01-01T00:05:00Z"))).toBe(false);
  });

  it("lets exactly one of two racing requests use a nonce", async () => {
    const results = await Promise.all([repo.markNonceUsed("nonce-race", at("2026-01-01T00:05:00Z")), repo.markNonceUsed("nonce-race", at("2026-01-01T00:05:00Z"))]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("sessionsRepository sessions", () => {
  it("finds a session by token hash until it expires, and forgets it on logout", async () => {
    await repo.createSession("hash-a", "akash1a", at("2026-01-08T00:00:00Z"), LIMITS, at("2026-01-07T23:00:00Z"));
    expect(await repo.findSession("hash-a", LIMITS, at("2026-01-07T23:59:59Z"))).toEqual({ address: "akash1a", expiresAt: at("2026-01-08T00:00:00Z") });
    expect(await repo.findSession("hash-a", LIMITS, at("2026-01-08T00:00:00Z"))).toBeUndefined();
    expect(await repo.findSession("hash-unknown", LIMITS)).toBeUndefined();
    await repo.createSession("hash-b", "akash1b", at("2030-01-01T00:00:00Z"), LIMITS, at("2026-01-01T00:00:00Z"));
    await repo.deleteSession("hash-b");
    expect(await repo.findSession("hash-b", LIMITS, at("2026-01-01T00:00:00Z"))).toBeUndefined();
  });

  it("ends a session idle longer than the idle timeout, and keeps a used one alive", async () => {
    await repo.createSession("hash-idle", "akash1i", at("2030-01-01T00:00:00Z"), LIMITS, at("2026-01-01T00:00:00Z"));
    // used after 50 minutes: the last use moves, so 50 more minutes later it is still alive
    expect(await repo.findSession("hash-idle", LIMITS, at("2026-01-01T00:50:00Z"))).toBeDefined();
    expect(await repo.findSession("hash-idle", LIMITS, at("2026-01-01T01:40:00Z"))).toBeDefined();
    expect(await repo.findSession("hash-idle", LIMITS, at("2026-01-01T02:41:00Z"))).toBeUndefined();
  });

  it("keeps at most maxPerAddress sessions of an address, the newest", async () => {
    for (const [i, t] of ["00", "01", "02"].entries()) await repo.createSession(`hash-cap-${i}`, "akash1cap", at("2030-01-01T00:00:00Z"), LIMITS, at(`2026-01-01T00:${t}:00Z`));
    const left = await database.db.session.findMany({ where: { address: "akash1cap" }, orderBy: { createdAt: "asc" } });
    expect(left.map((s) => s.tokenHash)).toEqual(["hash-cap-1", "hash-cap-2"]);
  });

  it("deletes every session of an address", async () => {
    await repo.createSession("hash-all-1", "akash1all", at("2030-01-01T00:00:00Z"), LIMITS);
    await repo.createSession("hash-all-2", "akash1all", at("2030-01-01T00:00:00Z"), LIMITS);
    expect(await repo.deleteSessionsOf("akash1all")).toBe(2);
  });
});
