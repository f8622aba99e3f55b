import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDbForUrl } from "@/lib/db/client";

/**
 * A fresh database with the real migrations applied by the Prisma CLI (as `npm start` does), for tests that need
 * the database and nothing shared with other test files. SQLite by default; a new database on the PostgreSQL
 * server of CONSOLE_TEST_POSTGRES_URL when it is set (`npm run test:postgres` sets it).
 */
export function createTestDatabase(): { db: ReturnType<typeof createDbForUrl>; url: string; kind: "sqlite" | "postgresql"; dispose(): Promise<void> } {
  const server = process.env.CONSOLE_TEST_POSTGRES_URL;
  return server ? postgresTestDatabase(server) : sqliteTestDatabase();
}

/** `npm run db:deploy`'s script: the Prisma CLI for SQLite, the migration runner for PostgreSQL. */
function migrate(url: string) {
  execFileSync("npx", ["tsx", "scripts/db-migrate.ts", "--quiet"], { cwd: path.resolve(__dirname, "../.."), env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

function sqliteTestDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), "console-db-"));
  const url = `file:${path.join(dir, "test.db")}`;
  migrate(url);
  const db = createDbForUrl(url);
  return {
    db,
    url,
    kind: "sqlite" as const,
    async dispose() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one SQL statement on the server's maintenance database (synchronously: test files create databases at import). */
export function postgresAdmin(serverUrl: string, sql: string): void {
  const script = `const {Client}=require("pg");const c=new Client({connectionString:process.argv[1]});c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end(),(e)=>{console.error(e.message);process.exit(1)})`;
  execFileSync(process.execPath, ["-e", script, serverUrl, sql], { stdio: "pipe" });
}

function postgresTestDatabase(serverUrl: string) {
  const name = `console_test_${randomBytes(6).toString("hex")}`;
  postgresAdmin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  migrate(url.toString());
  const db = createDbForUrl(url.toString());
  return {
    db,
    url: url.toString(),
    kind: "postgresql" as const,
    async dispose() {
      await db.$disconnect();
      postgresAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
