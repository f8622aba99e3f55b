// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { BACKUP_MAX_AGE_MS } from "@/lib/drafts/local-backup-scope";
import { backupKey, clearBackup, clearBackupsOf, handOverBackups, readBackup, removeExpiredBackups, writeBackup } from "@/lib/drafts/local-backup";

const ALICE = { kind: "address" as const, address: "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy" };
const BOB = { kind: "address" as const, address: "akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k" };
const ANON = { kind: "anonymous" as const };
const copy = (content: string, savedAt = Date.now()) => ({ content, name: "web", savedAt });

afterEach(() => window.localStorage.clear());

describe("draft backups in localStorage", () => {
  it("keeps a new draft's text apart from a saved draft's", () => {
    writeBackup(backupKey(ANON, null), { content: "a: 1", name: "new", savedAt: 1 });
    writeBackup(backupKey(ANON, "d1"), { content: "b: 2", name: "web", savedAt: 2 });
    expect(readBackup(backupKey(ANON, null), ANON)).toEqual({ content: "a: 1", name: "new", savedAt: 1 });
    expect(readBackup(backupKey(ANON, "d1"), ANON)?.content).toBe("b: 2");
    clearBackup(backupKey(ANON, "d1"));
    expect(readBackup(backupKey(ANON, "d1"), ANON)).toBeNull();
  });

  it("never restores one owner's copy for another owner in the same browser", () => {
    writeBackup(backupKey(ALICE, "d1"), copy("token: alice-secret"));
    expect(readBackup(backupKey(ALICE, "d1"), BOB)).toBeNull();
    expect(readBackup(backupKey(ALICE, "d1"), ANON)).toBeNull();
    expect(readBackup(backupKey(ALICE, "d1"), ALICE)?.content).toBe("token: alice-secret");
  });

  it("removes every copy of an owner at sign-out, and only theirs", () => {
    writeBackup(backupKey(ALICE, "d1"), copy("a"));
    writeBackup(backupKey(ALICE, null), copy("b"));
    writeBackup(backupKey(BOB, "d2"), copy("c"));
    window.localStorage.setItem("akash-console:draft-backup:d9", JSON.stringify(copy("unscoped, first version")));
    clearBackupsOf(ALICE);
    expect(Object.keys(window.localStorage).sort()).toEqual([backupKey(BOB, "d2")]);
  });

  it("hands the anonymous copies to the address that signs in, as the server does with the drafts", () => {
    writeBackup(backupKey(ANON, "d1"), copy("image: nginx"));
    handOverBackups(ALICE.address);
    expect(readBackup(backupKey(ANON, "d1"), ANON)).toBeNull();
    expect(readBackup(backupKey(ALICE, "d1"), ALICE)?.content).toBe("image: nginx");
  });

  it("drops copies older than the retention, and unreadable ones, but no other site data", () => {
    const now = Date.now();
    writeBackup(backupKey(ALICE, "old"), copy("old", now - BACKUP_MAX_AGE_MS - 1));
    writeBackup(backupKey(ALICE, "new"), copy("new", now - 1000));
    window.localStorage.setItem(backupKey(ALICE, "broken"), "{not json");
    window.localStorage.setItem("theme", "dark");
    removeExpiredBackups(now);
    expect(Object.keys(window.localStorage).sort()).toEqual([backupKey(ALICE, "new"), "theme"].sort());
  });

  it("reads a damaged copy as no copy", () => {
    window.localStorage.setItem(backupKey(ANON, "d1"), "{not json");
    expect(readBackup(backupKey(ANON, "d1"), ANON)).toBeNull();
    window.localStorage.setItem(backupKey(ANON, "d1"), JSON.stringify({ content: 5 }));
    expect(readBackup(backupKey(ANON, "d1"), ANON)).toBeNull();
  });

  it("gives up quietly when the storage is full: the server copy is the only one then", () => {
    window.localStorage.setItem("filler", "x".repeat(5_000_000 - 64));
    expect(() => writeBackup(backupKey(ANON, "d1"), copy("c".repeat(1000)))).not.toThrow();
    expect(readBackup(backupKey(ANON, "d1"), ANON)).toBeNull();
  });
});
