// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { backupKey, clearBackup, readBackup, writeBackup } from "@/lib/drafts/local-backup";

afterEach(() => window.localStorage.clear());

describe("draft backups in localStorage", () => {
  it("keeps a new draft's text apart from a saved draft's", () => {
    writeBackup(backupKey(null), { content: "a: 1", name: "new", savedAt: 1 });
    writeBackup(backupKey("d1"), { content: "b: 2", name: "web", savedAt: 2 });
    expect(readBackup(backupKey(null))).toEqual({ content: "a: 1", name: "new", savedAt: 1 });
    expect(readBackup(backupKey("d1"))?.content).toBe("b: 2");
    clearBackup(backupKey("d1"));
    expect(readBackup(backupKey("d1"))).toBeNull();
  });

  it("reads a damaged copy as no copy", () => {
    window.localStorage.setItem(backupKey("d1"), "{not json");
    expect(readBackup(backupKey("d1"))).toBeNull();
    window.localStorage.setItem(backupKey("d1"), JSON.stringify({ content: 5 }));
    expect(readBackup(backupKey("d1"))).toBeNull();
  });

  it("gives up quietly when the storage is full: the server copy is the only one then", () => {
    window.localStorage.setItem("filler", "x".repeat(5_000_000 - 64));
    expect(() => writeBackup(backupKey("d1"), { content: "c".repeat(1000), name: "web", savedAt: 3 })).not.toThrow();
    expect(readBackup(backupKey("d1"))).toBeNull();
  });
});
