import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { postgresSchemaFrom, POSTGRES_SCHEMA_PATH } from "@/lib/db/postgres-schema";
import { createTestDatabase } from "@/test/support/database";

/**
 * One data model, two providers: prisma/schema.prisma (SQLite) is the source, prisma/postgresql/schema.prisma is
 * generated from it, and each has its own migrations. These tests fail when the generated schema is stale or when
 * a provider's migrations do not build exactly its schema (run on PostgreSQL by `npm run test:postgres`).
 */
const root = path.resolve(__dirname, "../..");
const database = createTestDatabase();
const tmp = mkdtempSync(path.join(tmpdir(), "console-schema-"));
afterAll(async () => {
  await database.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

const prisma = (args: string[], url: string) =>
  execFileSync("npx", ["prisma", ...args], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe", encoding: "utf8" });

describe("the PostgreSQL schema", () => {
  it("is what `npm run db:schema:postgres` makes of prisma/schema.prisma", () => {
    const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    expect(readFileSync(path.join(root, POSTGRES_SCHEMA_PATH), "utf8")).toBe(postgresSchemaFrom(source));
  });
});

/** Tables, columns, indexes and constraints of a PostgreSQL database, in a comparable form. */
async function postgresCatalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => JSON.stringify(r));
    return [
      ...(await q(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`)),
      ...(await q(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`)),
      ...(await q(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1`)),
    ];
  } finally {
    await client.end();
  }
}

describe.runIf(database.kind === "postgresql")("the postgresql migrations", () => {
  it("build exactly the tables, columns, indexes and constraints Prisma makes of the schema", async () => {
    // Prisma's schema engine cannot introspect through @prisma/adapter-pg (prisma/orm#27403), but it can write the
    // SQL of the schema from nothing: a second database built from that SQL is the reference.
    const reference = createTestDatabase();
    try {
      const sql = prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", POSTGRES_SCHEMA_PATH, "--script"], database.url);
      const client = new pg.Client({ connectionString: reference.url });
      await client.connect();
      // the reference is a migrated test database: empty its schema first, then build it from the schema's SQL
      await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public; ${sql}`);
      await client.end();
      expect(await postgresCatalog(database.url)).toEqual(await postgresCatalog(reference.url));
    } finally {
      await reference.dispose();
    }
  });
});

describe.runIf(database.kind === "sqlite")("the sqlite migrations", () => {
  it("build exactly the schema's tables, columns and indexes", () => {
    const schema = "prisma/schema.prisma";
    // the migrated test database, introspected, against the schema: `migrate diff --exit-code` is 2 on any difference
    const pulled = prisma(["db", "pull", "--print"], database.url);
    const file = path.join(tmp, "pulled.prisma");
    writeFileSync(file, pulled.slice(pulled.indexOf("generator client")));
    let code = 0;
    let out = "";
    try {
      out = prisma(["migrate", "diff", "--from-schema-datamodel", file, "--to-schema-datamodel", schema, "--exit-code"], database.url);
    } catch (err) {
      code = (err as { status: number }).status;
      out = String((err as { stdout: string }).stdout);
    }
    expect({ code, out: out.trim().split("\n").slice(-20).join("\n") }).toMatchObject({ code: 0 });
  });
});
