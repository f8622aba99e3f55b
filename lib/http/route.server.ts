import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { AppError, toErrorBody } from "@/lib/errors/app-error";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Largest JSON body a route accepts: an SDL (1 MiB) plus its envelope. */
export const MAX_BODY_BYTES = 1_048_576 + 16_384;

type Handler<P> = (req: NextRequest, ctx: { params: P }) => Promise<Response>;

/**
 * Wraps a route handler: refuses cross-origin state changes, and maps every failure to the one error body
 * (`{ error: { code, message } }`) with the AppError's status. Unexpected exceptions are logged, never echoed.
 */
export function route<P>(handler: Handler<P>): (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response> {
  return async (req, ctx) => {
    try {
      if (STATE_CHANGING.has(req.method)) assertSameOrigin(req);
      return await handler(req, { params: await ctx.params });
    } catch (err) {
      const appError = err instanceof z.ZodError ? fromZod(err) : err;
      if (!(appError instanceof AppError)) console.error(`[api] ${req.method} ${req.nextUrl.pathname}`, err);
      const status = appError instanceof AppError ? appError.status : 500;
      return NextResponse.json(toErrorBody(appError), { status });
    }
  };
}

/**
 * Browsers send Origin on every cross-site POST/PATCH/DELETE; a request whose Origin is another site is a CSRF
 * attempt. Requests without Origin (curl, server-to-server) carry no ambient cookies of a victim and pass.
 */
function assertSameOrigin(req: NextRequest) {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("unauthorized", "This request came from an unreadable origin and was refused.", { status: 403 });
  }
  if (originHost !== host) {
    throw new AppError("unauthorized", `Requests from ${origin} may not change data in this console.`, { status: 403 });
  }
}

/** Reads and validates a JSON body, refusing oversized or malformed ones with a specific message. */
export async function readJson<T>(req: NextRequest, schema: z.ZodType<T>): Promise<T> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge(declared);
  const text = await req.text();
  const size = Buffer.byteLength(text);
  if (size > MAX_BODY_BYTES) throw tooLarge(size);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("request.invalid", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}

function tooLarge(size: number) {
  return new AppError("request.invalid", `The request body is ${(size / 1048576).toFixed(1)} MiB; the limit is 1 MiB of SDL.`, { status: 413 });
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
  return z.coerce.number().int().min(1).max(100_000).catch(1).parse(req.nextUrl.searchParams.get(name) ?? 1);
}
