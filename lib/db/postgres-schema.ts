/**
 * The PostgreSQL schema is generated from prisma/schema.prisma (the one source of the data model): same models,
 * another datasource, and its client generated beside the SQLite one (node_modules/.prisma/client-pg) because a
 * Prisma client is compiled for one provider. `npm run db:schema:postgres` writes it; lib/db/schema-sync.test.ts
 * fails when the committed file differs from what this function makes of the source.
 */
export const POSTGRES_SCHEMA_PATH = "prisma/postgresql/schema.prisma";
export const POSTGRES_MIGRATIONS_PATH = "prisma/postgresql/migrations";

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:schema:postgres`: edit that file, not this one.\n";

export function postgresSchemaFrom(sqliteSchema: string): string {
  const generator = /generator client \{[^}]*\}/;
  const datasource = /datasource db \{[^}]*\}/;
  if (!generator.test(sqliteSchema) || !datasource.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma must have one `generator client { … }` and one `datasource db { … }` block");
  }
  return (
    HEADER +
    sqliteSchema
      .replace(
        generator,
        ['generator client {', '  provider   = "prisma-client-js"', '  engineType = "client"', '  output     = "../../node_modules/.prisma/client-pg"', "}"].join("\n"),
      )
      .replace(datasource, ['datasource db {', '  provider = "postgresql"', '  url      = env("DATABASE_URL")', "}"].join("\n"))
  );
}
