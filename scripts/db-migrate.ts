// `npm run db:deploy`: applies the migrations of the database in DATABASE_URL (default: the SQLite file).
// SQLite: `prisma migrate deploy`. PostgreSQL: lib/db/migrate-postgres.ts (see there why not the CLI).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { migratePostgres } from "../lib/db/migrate-postgres";
import { POSTGRES_MIGRATIONS_PATH } from "../lib/db/postgres-schema";

const root = path.resolve(import.meta.dirname, "..");
const url = process.env.DATABASE_URL ?? "file:./data/console.db";

if (/^postgres(ql)?:\/\//.test(url)) {
  const applied = await migratePostgres(url, path.join(root, POSTGRES_MIGRATIONS_PATH));
  console.log(applied.length ? `applied ${applied.join(", ")}` : "PostgreSQL schema up to date");
} else {
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, stdio: process.argv.includes("--quiet") ? "pipe" : "inherit", env: { ...process.env, DATABASE_URL: url } });
}
