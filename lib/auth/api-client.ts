import { z } from "zod";
import { nonceResponseSchema, sessionResponseSchema, type VerifyBody } from "@/lib/auth/schemas";
import { callApi } from "@/lib/http/json-client";

// The browser's side of app/api/auth, through the one console API client.
const UNREACHABLE = "The console's server cannot be reached, so signing in is not possible right now. Try again in a moment.";

function call<T>(schema: z.ZodType<T>, path: string, init: RequestInit = {}): Promise<T> {
  return callApi(schema, path, { ...init, unreachable: UNREACHABLE });
}

export const authApi = {
  nonce: (address: string) => call(nonceResponseSchema, "/api/auth/nonce", { method: "POST", body: JSON.stringify({ address }) }),
  verify: (body: VerifyBody) => call(z.object({ address: z.string() }), "/api/auth/verify", { method: "POST", body: JSON.stringify(body) }),
  session: (signal?: AbortSignal) => call(sessionResponseSchema, "/api/auth/session", { cache: "no-store", signal }),
  logout: () => call(z.object({ address: z.null() }), "/api/auth/logout", { method: "POST", body: "{}" }),
  /** ends every session of the signed-in address, on every device */
  logoutEverywhere: () => call(z.object({ address: z.null(), revoked: z.number() }), "/api/auth/logout-everywhere", { method: "POST", body: "{}" }),
};
