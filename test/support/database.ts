/**
 * A fresh SQLite database with the real migrations applied by the Prisma CLI (as `npm start` does),
 * for tests that need the database and nothing shared with other test files.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDbForUrl } from "@/lib/db/client";

export function createTestDatabase(): { db: ReturnType<typeof createDbForUrl>; url: string; dispose(): Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), "console-db-"));
  const url = `file:${path.join(dir, "test.db")}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const db = createDbForUrl(url);
  return {
    db,
    url,
    async dispose() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
