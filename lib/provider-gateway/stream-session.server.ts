import "server-only";
import type { IncomingMessage } from "node:http";
import { getSessionAddress, hashSessionToken, SESSION_COOKIE } from "@/lib/auth/session.server";
import type { SessionsRepository } from "@/lib/db/sessions";
import { readCookie } from "@/lib/http/cookies";

/**
 * The session of a websocket upgrade (a plain IncomingMessage, outside Next): the same cookie and the same lookup
 * as the route handlers, plus the key the per-session stream limit counts by (the token's hash, never the token).
 */
export async function streamSession(req: IncomingMessage, sessions?: SessionsRepository): Promise<{ address: string; key: string } | null> {
  const cookies = new Request("http://console.invalid/", { headers: { cookie: req.headers.cookie ?? "" } });
  let token: string | undefined;
  try {
    token = readCookie(cookies, SESSION_COOKIE);
  } catch {
    return null; // a malformed cookie (bad percent-encoding) is no session
  }
  if (!token) return null;
  const address = await getSessionAddress(cookies, sessions);
  return address ? { address, key: hashSessionToken(token) } : null;
}
