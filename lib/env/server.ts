import "server-only";
import { z } from "zod";

// The server's configuration. Defaults give the embedded install: a SQLite file and the local devnet.
const schema = z
  .object({
    DATABASE_URL: z.string().min(1).default("file:./data/console.db"),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /**
     * The devnet's simulated providers listen on 127.0.0.1, which the SSRF guard refuses. Unset: loopback providers
     * are allowed only on a devnet whose chain is itself on loopback (lib/provider-gateway/ssrf.server.ts);
     * "false" shuts them out; "true" opens them for a devnet elsewhere and is refused for any other network.
     */
    ALLOW_LOOPBACK_PROVIDERS: z.enum(["true", "false"]).optional(),
    // read only to cross-check ALLOW_LOOPBACK_PROVIDERS; lib/networks.ts owns its parsing
    NEXT_PUBLIC_NETWORK: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    const network = env.NEXT_PUBLIC_NETWORK || "devnet";
    if (env.ALLOW_LOOPBACK_PROVIDERS === "true" && network !== "devnet") {
      ctx.addIssue({
        code: "custom",
        path: ["ALLOW_LOOPBACK_PROVIDERS"],
        message: `loopback providers are a devnet setting and cannot be allowed on ${network}; unset ALLOW_LOOPBACK_PROVIDERS`,
      });
    }
  });

export type ServerEnv = z.infer<typeof schema>;

let parsed: ServerEnv | undefined;

/**
 * Parsed on first use, not at import: whatever sets the environment (a test pointing DATABASE_URL at its own
 * database, a script) only has to do so before the first query, not before the first import.
 */
export function getServerEnv(): ServerEnv {
  parsed ??= parseServerEnv(process.env);
  return parsed;
}

/** The same parse without the cache, for tests and for the custom server's start-up check. */
export function parseServerEnv(env: Record<string, string | undefined>): ServerEnv {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const r = schema.safeParse(cleaned);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`The server configuration is invalid (${issues}). Fix the environment and restart the console.`);
  }
  return r.data;
}
