import "server-only";
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { getServerEnv } from "@/lib/env/server";

// The only module that constructs Prisma (eslint's no-restricted-imports keeps it inside lib/db).
// One client per process; Next's dev server reloads modules, so keep it on globalThis there.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** A client on the database at `url`: what getDb uses for the configured one, and tests for a fresh file each. */
export function createDbForUrl(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createDbForUrl(getServerEnv().DATABASE_URL);
  return globalForPrisma.prisma;
}
