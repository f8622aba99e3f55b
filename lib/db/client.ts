import "server-only";
import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { getServerEnv } from "@/lib/env/server";

// The only module that constructs Prisma (eslint's no-restricted-imports keeps it inside lib/db).
// One client per process; Next's dev server reloads modules, so keep it on globalThis there.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** The file behind a `file:` URL (relative paths are relative to the working directory, as for Prisma's CLI). */
export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/**
 * SDLs carry tenants' secrets (`env` values), so the database file is readable by the server's user only: created
 * 0600 in a 0700 folder when missing, narrowed to 0600 when it exists (SQLite gives its journal and WAL files the
 * database file's mode).
 */
export function ensurePrivateSqliteFile(url: string): void {
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, "a", 0o600));
  chmodSync(file, 0o600);
  // write-ahead logging: readers (lists) no longer wait for a writer (autosaves), and a commit is one append
  // instead of a journal file per transaction. Stored in the file, so this is a no-op after the first time.
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

declare const __non_webpack_require__: NodeJS.Require | undefined;

/**
 * The PostgreSQL client is generated from prisma/postgresql/schema.prisma into node_modules/.prisma/client-pg
 * (a Prisma client is compiled for one provider). It reads its query compiler from its own folder, so Next's
 * server bundle must not inline it: Node's own require loads it at run time, like an external package.
 */
function loadPostgresClient(): typeof PrismaClient {
  const nodeRequire = typeof __non_webpack_require__ === "function" ? __non_webpack_require__ : createRequire(import.meta.url);
  return (nodeRequire(".prisma/client-pg") as { PrismaClient: typeof PrismaClient }).PrismaClient;
}

function createClient(url: string): PrismaClient {
  if (databaseKind(url) === "postgresql") {
    const PgClient = loadPostgresClient();
    // same models, same generated API: the repositories are typed against the SQLite client and run on either
    return new PgClient({ adapter: new PrismaPg({ connectionString: url }) });
  }
  ensurePrivateSqliteFile(url);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createClient(getServerEnv().DATABASE_URL);
  return globalForPrisma.prisma;
}

/** A client on another database, for tests that need an isolated one. */
export function createDbForUrl(url: string): PrismaClient {
  return createClient(url);
}
