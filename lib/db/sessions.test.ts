import { afterAll, describe, expect, it } from "vitest";
import { sessionsRepository } from "@/lib/db/sessions";
import { createTestDatabase } from "@/test/support/database";

const database = createTestDatabase();
afterAll(() => database.dispose());
const repo = sessionsRepository(database.db);
const at = (iso: string) => new Date(iso);

describe("sessionsRepository nonces", () => {
  it("consumes a live nonce once and tells why a second use fails", async () => {
    await repo.createNonce("nonce-once-0000000", at("2026-01-01T00:00:00Z"), at("2026-01-01T00:05:00Z"));
    expect(await repo.consumeNonce("nonce-once-0000000", at("2026-01-01T00:01:00Z"))).toEqual({ ok: true, createdAt: at("2026-01-01T00:00:00Z") });
    expect(await repo.consumeNonce("nonce-once-0000000", at("2026-01-01T00:01:01Z"))).toEqual({ ok: false, reason: "used" });
  });

  it("refuses an expired or unknown nonce", async () => {
    await repo.createNonce("nonce-late-0000000", at("2026-01-01T00:00:00Z"), at("2026-01-01T00:05:00Z"));
    expect(await repo.consumeNonce("nonce-late-0000000", at("2026-01-01T00:05:00Z"))).toEqual({ ok: false, reason: "expired" });
    expect(await repo.consumeNonce("never-issued-00000", at("2026-01-01T00:00:00Z"))).toEqual({ ok: false, reason: "unknown" });
  });

  it("lets exactly one of two racing requests use a nonce", async () => {
    await repo.createNonce("nonce-race-0000000", at("2026-01-01T00:00:00Z"), at("2026-01-01T00:05:00Z"));
    const now = at("2026-01-01T00:01:00Z");
    const results = await Promise.all([repo.consumeNonce("nonce-race-0000000", now), repo.consumeNonce("nonce-race-0000000", now)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe("sessionsRepository sessions", () => {
  it("finds a session by token hash until it expires, and forgets it on logout", async () => {
    await repo.createSession("hash-a", "akash1a", at("2026-01-08T00:00:00Z"), at("2026-01-01T00:00:00Z"));
    expect(await repo.findSession("hash-a", at("2026-01-07T23:59:59Z"))).toEqual({ address: "akash1a", expiresAt: at("2026-01-08T00:00:00Z") });
    expect(await repo.findSession("hash-a", at("2026-01-08T00:00:00Z"))).toBeUndefined();
    expect(await repo.findSession("hash-unknown")).toBeUndefined();
    await repo.createSession("hash-b", "akash1b", at("2030-01-01T00:00:00Z"));
    await repo.deleteSession("hash-b");
    expect(await repo.findSession("hash-b", at("2026-01-01T00:00:00Z"))).toBeUndefined();
  });

  it("purges expired sessions and nonces only", async () => {
    await repo.createSession("hash-live", "akash1c", at("2030-01-01T00:00:00Z"));
    const purged = await repo.purgeExpired(at("2029-01-01T00:00:00Z"));
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.nonces).toBeGreaterThanOrEqual(1);
    expect(await repo.findSession("hash-live", at("2029-01-01T00:00:00Z"))).toMatchObject({ address: "akash1c" });
  });
});
