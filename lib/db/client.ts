import "server-only";
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { getServerEnv } from "@/lib/env/server";

// The only module that constructs Prisma (eslint's no-restricted-imports keeps it inside lib/db).
// One client per process; Next's dev server reloads modules, so keep it on globalThis there.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createClient(getServerEnv().DATABASE_URL);
  return globalForPrisma.prisma;
}

/** A client on another database, for tests that need an isolated SQLite file. */
export function createDbForUrl(url: string): PrismaClient {
  return createClient(url);
}
