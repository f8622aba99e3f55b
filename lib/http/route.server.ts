import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { AppError, toErrorBody } from "@/lib/errors/app-error";
import { readBodyText } from "@/lib/http/body.server";
import { canonicalOrigin, clientAddress, servedOverHttps } from "@/lib/http/request-context.server";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { parsePage } from "@/lib/http/page-param";
import { maybeSweep } from "@/lib/db/retention-sweep.server";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** HSTS for a year once the console is configured for https (browsers ignore it on plain http anyway). */
export const HSTS = "max-age=31536000; includeSubDomains";

type Handler<P> = (req: NextRequest, ctx: { params: P }) => Promise<Response>;

/**
 * Wraps a route handler: refuses cross-origin state changes, counts every write against the client address's
 * rate limit, maps every failure to the one error body (`{ error: { code, message } }`) with the AppError's status
 * (429s with Retry-After), and marks every answer no-store and nosniff: API answers are per user and never cached.
 * Unexpected exceptions are logged, never echoed.
 */
export function route<P>(handler: Handler<P>): (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response> {
  return async (req, ctx) => {
    let res: Response;
    try {
      if (STATE_CHANGING.has(req.method)) {
        assertSameOrigin(req);
        await enforceRateLimit(RATE_LIMITS.writesPerAddress, clientAddress(req));
        maybeSweep();
      }
      res = await handler(req, { params: await ctx.params });
    } catch (err) {
      const appError = err instanceof z.ZodError ? fromZod(err) : err;
      if (!(appError instanceof AppError)) console.error(`[api] ${req.method} ${req.nextUrl.pathname}`, err);
      const status = appError instanceof AppError ? appError.status : 500;
      res = NextResponse.json(toErrorBody(appError), { status });
      const retry = appError instanceof AppError ? appError.details?.retryAfterSeconds : undefined;
      if (typeof retry === "number") res.headers.set("retry-after", String(retry));
    }
    res.headers.set("cache-control", "no-store");
    res.headers.set("x-content-type-options", "nosniff");
    if (servedOverHttps()) res.headers.set("strict-transport-security", HSTS);
    return res;
  };
}

/**
 * Browsers send Origin on every cross-site POST/PATCH/DELETE; a request whose Origin is not the console's own is a
 * CSRF attempt. Requests without Origin (curl, server-to-server) carry no ambient cookies of a victim and pass.
 */
function assertSameOrigin(req: NextRequest) {
  const origin = req.headers.get("origin");
  if (!origin) return;
  if (origin !== canonicalOrigin(req)) {
    throw new AppError("unauthorized", `Requests from ${origin} may not change data in this console.`, { status: 403 });
  }
}

/** Reads and validates a JSON body of at most `limit` bytes (counted while it streams in). */
export async function readJson<T>(req: NextRequest, schema: z.ZodType<T>, limit: number): Promise<T> {
  const text = await readBodyText(req, limit);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("request.invalid", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}

function fromZod(err: z.ZodError): AppError {
  const first = err.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  return new AppError("request.invalid", `Invalid request: ${where}${first?.message ?? "malformed input"}.`, {
    details: { issues: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
}

/** Positive page number from the query string, default 1. */
export function pageParam(req: NextRequest, name = "page"): number {
  return parsePage(req.nextUrl.searchParams.get(name));
}
