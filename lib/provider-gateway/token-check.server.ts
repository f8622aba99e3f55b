import "server-only";
import { JwtValidator } from "@akashnetwork/chain-sdk";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { MAX_TOKEN_LIFETIME_SEC } from "@/lib/provider-gateway/jwt";

/**
 * The server's look at a provider token (AEP-64 JWT) before it forwards it anywhere. The provider verifies the
 * signature against the chain; the console checks that forwarding this token is what the signed-in tenant asked
 * for: issued by the session's address, a `granular` token naming exactly this provider (a token naming several,
 * or a `full`/`scoped` one, is valid at every provider, so the provider we hand it to could replay it elsewhere),
 * short-lived and not expired. Never stored, never logged: only the claims are read.
 */

const MAX_TOKEN_BYTES = 8 * 1024;
const CLOCK_SKEW_SEC = 30;

const claimsSchema = z.object({
  iss: z.string(),
  iat: z.number(),
  nbf: z.number(),
  exp: z.number(),
  leases: z.object({
    access: z.string(),
    permissions: z.array(z.looseObject({ provider: z.string(), access: z.string() })).optional(),
  }),
});

export interface CheckedToken {
  /** expiry, unix seconds */
  exp: number;
}

export function checkProviderToken(token: string, expected: { owner: string; provider: string }, nowMs = Date.now()): CheckedToken {
  const invalid = (why: string) => new AppError("token.invalid", `The provider access token was refused by the console: ${why}.`, { details: { reason: why } });
  if (!token || token.length > MAX_TOKEN_BYTES || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) throw invalid("it is not a JWT");
  const header = decodePart(token.split(".")[0]!);
  const alg = header && typeof header === "object" ? (header as { alg?: unknown }).alg : undefined;
  if (alg !== "ES256KADR36" && alg !== "ES256K") throw invalid(`its algorithm ${JSON.stringify(alg)} is not an Akash provider token's`);
  const result = new JwtValidator().validateToken(token);
  if (!result.isValid) throw invalid(`it is not an AEP-64 token (${result.errors.slice(0, 3).join("; ")})`);
  const parsed = claimsSchema.safeParse(decodePart(token.split(".")[1]!));
  if (!parsed.success) throw invalid("its claims cannot be read");
  const c = parsed.data;
  if (c.iss !== expected.owner) throw invalid(`it was issued by ${c.iss}, but you are signed in as ${expected.owner}`);
  if (c.leases.access !== "granular") throw invalid(`its access is "${c.leases.access}", valid at every provider; the console forwards only granular tokens naming one provider`);
  const named = (c.leases.permissions ?? []).map((p) => p.provider);
  if (named.length !== 1 || named[0] !== expected.provider) {
    throw invalid(`it names ${named.length ? named.join(", ") : "no provider"}, not exactly provider ${expected.provider}`);
  }
  const now = Math.floor(nowMs / 1000);
  if (c.exp <= now) {
    throw new AppError("token.expired", `The provider access token expired at ${new Date(c.exp * 1000).toISOString()}. Sign a new one (your wallet will ask) and try again.`, {
      details: { exp: c.exp },
    });
  }
  if (c.nbf > now + CLOCK_SKEW_SEC) throw invalid(`it is not valid before ${new Date(c.nbf * 1000).toISOString()}`);
  if (c.exp - Math.min(c.nbf, c.iat) > MAX_TOKEN_LIFETIME_SEC + CLOCK_SKEW_SEC) throw invalid(`it lives longer than ${MAX_TOKEN_LIFETIME_SEC / 60} minutes`);
  return { exp: c.exp };
}

function decodePart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** `Authorization: Bearer <token>` of a request to the console; a specific message when it is missing */
export function bearerFrom(header: string | null | undefined): string {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m) {
    throw new AppError("token.invalid", "This request carries no provider access token (Authorization: Bearer …). The console signs one with your wallet for each provider; reload the page and approve the request in your wallet.", {
      details: { reason: "missing" },
    });
  }
  return m[1]!;
}
