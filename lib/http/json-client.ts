import type { z } from "zod";
import { AppError, errorBodySchema } from "@/lib/errors/app-error";

/**
 * The browser's one client for the console's own API. Every response is parsed with a zod schema, so a proxy's HTML
 * error page or a changed server reads as a clear message, not as `undefined` somewhere in a component.
 */
export interface ApiCallInit extends RequestInit {
  /** What the tenant reads when the server cannot be reached: says what is (not) affected and what to do. */
  unreachable: string;
}

export async function callApi<T>(schema: z.ZodType<T>, path: string, init: ApiCallInit): Promise<T> {
  const { unreachable, ...requestInit } = init;
  let res: Response;
  try {
    res = await fetch(path, { credentials: "same-origin", ...requestInit, headers: { "content-type": "application/json", ...requestInit.headers } });
  } catch (e) {
    // a cancelled query is not a failure of the server: hand the abort on as it is
    if (requestInit.signal?.aborted) throw requestInit.signal.reason ?? e;
    throw new AppError("console.unreachable", unreachable, { cause: e, status: 0 });
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) throw new AppError(parsed.data.error.code, parsed.data.error.message, { status: res.status });
    // a 502-504 without our error body comes from a proxy in front of a server that is down or restarting
    if (res.status >= 502 && res.status <= 504) throw new AppError("console.unreachable", unreachable, { status: res.status });
    throw new AppError("internal", `The console's server answered ${res.status} to ${path} without an explanation.`, { status: res.status });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AppError("internal", `The console's server answered ${path} with an unexpected body; reload the page (the console may have been updated).`, {
      status: res.status,
    });
  }
  return parsed.data;
}

/**
 * Fire-and-forget for `pagehide`: a request with `keepalive` outlives the page, and nobody is left to read its
 * answer. A failure is deliberately ignored because the caller keeps its own copy (the draft's local backup).
 */
export function sendOnUnload(path: string, init: { method: string; body: string }): void {
  void fetch(path, { ...init, keepalive: true, credentials: "same-origin", headers: { "content-type": "application/json" } }).catch(() => undefined);
}
