// `npm run db:schema:postgres`: regenerates prisma/postgresql/schema.prisma from prisma/schema.prisma.
// After a model change: run this, then add a migration to each folder (see the README's Configuration section).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { postgresSchemaFrom, POSTGRES_SCHEMA_PATH } from "../lib/db/postgres-schema";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, POSTGRES_SCHEMA_PATH);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, postgresSchemaFrom(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")));
console.log(`wrote ${POSTGRES_SCHEMA_PATH}`);
