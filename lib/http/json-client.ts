import type { z } from "zod";
import { AppError, errorBodySchema } from "@/lib/errors/app-error";

/**
 * The browser's calls to the console's own API. Every response is parsed with a zod schema, so a proxy's HTML
 * error page or a changed server reads as a clear message, not as `undefined` somewhere in a component.
 */
export async function callApi<T>(schema: z.ZodType<T>, input: string, init: RequestInit & { unreachable: string }): Promise<T> {
  const { unreachable, ...requestInit } = init;
  let res: Response;
  try {
    res = await fetch(input, { ...requestInit, headers: { "content-type": "application/json", ...requestInit.headers } });
  } catch {
    throw new AppError("internal", unreachable, { status: 0 });
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) throw new AppError(parsed.data.error.code, parsed.data.error.message, { status: res.status });
    throw new AppError("internal", `The console's server answered ${res.status} without an explanation.`, { status: res.status });
  }
  return schema.parse(body);
}
