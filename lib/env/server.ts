import "server-only";
import { z } from "zod";

// The server's configuration. Defaults give the embedded install: a SQLite file and the local devnet.
const schema = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/console.db"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type ServerEnv = z.infer<typeof schema>;

let parsed: ServerEnv | undefined;

/**
 * Parsed on first use, not at import: whatever sets the environment (a test pointing DATABASE_URL at its own
 * database, a script) only has to do so before the first query, not before the first import.
 */
export function getServerEnv(): ServerEnv {
  parsed ??= schema.parse(process.env);
  return parsed;
}
