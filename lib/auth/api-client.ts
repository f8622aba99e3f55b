import { z } from "zod";
import { AppError, errorBodySchema } from "@/lib/errors/app-error";
import { nonceResponseSchema, sessionResponseSchema, type VerifyBody } from "@/lib/auth/schemas";

// The browser's side of app/api/auth. Responses are parsed: a proxy's HTML page reads as a message, not a crash.
async function call<T>(schema: z.ZodType<T>, path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: "same-origin", headers: { "content-type": "application/json" } });
  } catch (e) {
    throw new AppError("internal", "The console's server cannot be reached, so signing in is not possible right now. Try again in a moment.", { cause: e, status: 0 });
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) throw new AppError(parsed.data.error.code, parsed.data.error.message, { status: res.status });
    throw new AppError("internal", `The console's server answered ${res.status} to ${path} without an explanation.`, { status: res.status });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError("internal", `The console's server answered ${path} with an unexpected body.`);
  return parsed.data;
}

export const authApi = {
  nonce: (address: string) => call(nonceResponseSchema, "/api/auth/nonce", { method: "POST", body: JSON.stringify({ address }) }),
  verify: (body: VerifyBody) => call(z.object({ address: z.string() }), "/api/auth/verify", { method: "POST", body: JSON.stringify(body) }),
  session: () => call(sessionResponseSchema, "/api/auth/session", { cache: "no-store" }),
  logout: () => call(z.object({ address: z.null() }), "/api/auth/logout", { method: "POST", body: "{}" }),
  /** ends every session of the signed-in address, on every device */
  logoutEverywhere: () => call(z.object({ address: z.null(), revoked: z.number() }), "/api/auth/logout-everywhere", { method: "POST", body: "{}" }),
};
