import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDbForUrl, databaseKind } from "@/lib/db/client";

const dir = mkdtempSync(path.join(tmpdir(), "console-mode-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the SQLite database file", () => {
  it("is created readable by the server's user only (0600), in a 0700 folder", async () => {
    const file = path.join(dir, "fresh", "console.db");
    const db = createDbForUrl(`file:${file}`);
    // in write-ahead-log mode, whose file SQLite creates with the database file's mode
    expect(await db.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    await db.$executeRawUnsafe("CREATE TABLE t (x INTEGER)");
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    await db.$disconnect();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it("is narrowed to 0600 when it exists with wider permissions", async () => {
    const file = path.join(dir, "old.db");
    writeFileSync(file, "", { mode: 0o644 });
    const db = createDbForUrl(`file:${file}`);
    await db.$disconnect();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe("databaseKind", () => {
  it("reads PostgreSQL from postgres:// and postgresql:// URLs, SQLite otherwise", () => {
    expect(databaseKind("postgresql://u@h/db")).toBe("postgresql");
    expect(databaseKind("postgres://u@h/db")).toBe("postgresql");
    expect(databaseKind("file:./data/console.db")).toBe("sqlite");
  });
});
