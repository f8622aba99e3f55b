import { describe, expect, it } from "vitest";
import { backupKey, expiredKeys, handoverAtSignIn, keysToClearOnDisconnect, mayRestore, ownerOfKey, BACKUP_MAX_AGE_MS } from "@/lib/drafts/local-backup-scope";

const ALICE = { kind: "address" as const, address: "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy" };
const BOB = { kind: "address" as const, address: "akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k" };
const ANON = { kind: "anonymous" as const };

describe("browser backups of drafts", () => {
  it("are keyed by owner and draft, and read back as that owner's", () => {
    const key = backupKey(ALICE, "d1");
    expect(key).toBe("akash-console:draft-backup:v2:akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy:d1");
    expect(ownerOfKey(key)).toEqual(ALICE);
    expect(ownerOfKey(backupKey(ANON, null))).toEqual(ANON);
    expect(ownerOfKey("akash-console:draft-backup:new")).toBe("legacy");
    expect(ownerOfKey("other-app:thing")).toBeNull();
  });

  it("are never restored for another wallet, or from an unscoped legacy key", () => {
    expect(mayRestore(backupKey(ALICE, "d1"), ALICE)).toBe(true);
    expect(mayRestore(backupKey(ALICE, "d1"), BOB)).toBe(false);
    expect(mayRestore(backupKey(ALICE, "d1"), ANON)).toBe(false);
    expect(mayRestore("akash-console:draft-backup:d1", ALICE)).toBe(false);
  });

  it("are cleared on disconnect for that wallet only, with every legacy key", () => {
    const keys = [backupKey(ALICE, "d1"), backupKey(ALICE, null), backupKey(BOB, "d2"), backupKey(ANON, "d3"), "akash-console:draft-backup:old", "theme"];
    expect(keysToClearOnDisconnect(keys, ALICE)).toEqual([backupKey(ALICE, "d1"), backupKey(ALICE, null), "akash-console:draft-backup:old"]);
  });

  it("follow the anonymous drafts to the address at sign-in", () => {
    expect(handoverAtSignIn([backupKey(ANON, "d3"), backupKey(BOB, "d2")], ALICE.address)).toEqual([[backupKey(ANON, "d3"), backupKey(ALICE, "d3")]]);
  });

  it("expire after a week, and when unreadable", () => {
    const now = Date.now();
    const entries = [
      { key: backupKey(ALICE, "fresh"), savedAt: now - 1000 },
      { key: backupKey(ALICE, "old"), savedAt: now - BACKUP_MAX_AGE_MS - 1 },
      { key: backupKey(ALICE, "broken"), savedAt: null },
      { key: "theme", savedAt: null },
    ];
    expect(expiredKeys(entries, now)).toEqual([backupKey(ALICE, "old"), backupKey(ALICE, "broken")]);
  });

  it("refuse an owner that is not an address", () => {
    expect(() => backupKey({ kind: "address", address: "../../x" }, "d")).toThrow(/not an akash address/);
  });
});
