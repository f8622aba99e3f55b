import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// Without a DATABASE_URL Prisma silently tries to download an engine; the default is the console's
// embedded SQLite file, the same default as lib/env/server.ts.
process.env.DATABASE_URL ??= "file:./data/console.db";
const url = process.env.DATABASE_URL;
// postgres:// and postgresql:// select the PostgreSQL schema (generated from prisma/schema.prisma) and its migrations.
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? path.join("prisma", "postgresql", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: postgres ? path.join("prisma", "postgresql", "migrations") : path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
