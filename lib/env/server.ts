import "server-only";
import { z } from "zod";

// The server's configuration, parsed once. Defaults give the embedded install: a SQLite file and the local devnet.
const schema = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/console.db"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type ServerEnv = z.infer<typeof schema>;

export const serverEnv: ServerEnv = schema.parse(process.env);
