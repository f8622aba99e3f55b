import "server-only";
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { getNetworkFromEnv, type NetworkId } from "@/lib/networks";

/**
 * The server's configuration. Defaults give the embedded install: a SQLite file, the local devnet, one instance
 * reached on loopback. Every variable is documented in the README's Configuration section.
 */
const flag = z.enum(["0", "1", "true", "false"], { error: "must be 1 or 0" }).transform((v) => v === "1" || v === "true");

/** An origin only (scheme, host, port): the sign-in message names it and the CSRF check compares against it. */
const origin = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// origin, e.g. https://console.example.org" })
  .refine((u) => new URL(u).pathname === "/" && !new URL(u).search && !new URL(u).hash, "must be an origin without a path, query or fragment")
  .transform((u) => new URL(u).origin);

/** "10.0.0.1, 10.1.0.0/16, ::1": each an address or a CIDR range. */
const cidrList = z.string().transform((s, ctx) => {
  const out: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const part of s.split(",").map((p) => p.trim()).filter(Boolean)) {
    try {
      out.push(part.includes("/") ? ipaddr.parseCIDR(part) : [ipaddr.parse(part), ipaddr.parse(part).kind() === "ipv4" ? 32 : 128]);
    } catch {
      ctx.addIssue({ code: "custom", message: `"${part}" is not an IP address or CIDR range` });
    }
  }
  return out;
});

const schema = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/console.db"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** where the console keeps its files (the SQLite database by default, the generated server key) */
  CONSOLE_DATA_DIR: z.string().min(1).default("./data"),
  CONSOLE_ORIGIN: origin.optional(),
  CONSOLE_TRUSTED_PROXIES: cidrList.default([]),
  /** HMAC key of the sign-in nonces: 32 bytes or more, base64 or hex; generated into the data folder when unset */
  CONSOLE_SECRET_KEY: z.string().min(43, "must be at least 32 bytes (43 base64 or 64 hex characters)").optional(),
  CONSOLE_ALLOW_LOOPBACK_PROVIDERS: flag.default(false),
  /** days a closed deployment keeps its SDL, a draft version is kept, an untouched anonymous draft is kept */
  CONSOLE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
});

export type ServerEnv = z.output<typeof schema>;
export type TrustedProxies = ServerEnv["CONSOLE_TRUSTED_PROXIES"];

/** Parses the server's environment for a console built for `network`; throws one message naming every bad variable. */
export function parseServerEnv(env: Record<string, string | undefined>, network: NetworkId): ServerEnv {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in schema.shape && v !== undefined && v.trim() !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(`The console's configuration is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}. Fix the environment and restart.`);
  }
  // loopback gateways are the local devnet's providers; on a real network a provider on loopback is an SSRF
  if (parsed.data.CONSOLE_ALLOW_LOOPBACK_PROVIDERS && network !== "devnet") {
    throw new Error(`CONSOLE_ALLOW_LOOPBACK_PROVIDERS=1 is only allowed on the devnet; this console is built for ${network}. Remove it and restart.`);
  }
  return parsed.data;
}

let cache: { key: string; env: ServerEnv } | undefined;

/**
 * Parsed on use, not at import: whatever sets the environment (a test pointing DATABASE_URL at its own database,
 * a script) only has to do so before the first query, not before the first import. Re-parsed when a variable
 * changed, which only tests do.
 */
export function getServerEnv(): ServerEnv {
  const network = getNetworkFromEnv().id;
  const key = network + JSON.stringify(Object.keys(schema.shape).map((k) => process.env[k]));
  if (cache?.key !== key) cache = { key, env: parseServerEnv(process.env, network) };
  return cache.env;
}
