import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Without a DATABASE_URL Prisma silently tries to download an engine; the default is the console's
// embedded SQLite file, the same default as lib/env/server.ts.
process.env.DATABASE_URL ??= "file:./data/console.db";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "" });
  },
});
