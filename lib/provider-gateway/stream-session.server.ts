import "server-only";
import type { IncomingMessage } from "node:http";
import { getSessionAddress, hashSessionToken, readSessionToken } from "@/lib/auth/session.server";
import type { SessionsRepository } from "@/lib/db/sessions";

/**
 * The session of a websocket upgrade (a plain IncomingMessage, outside Next): the same cookie and the same lookup
 * as the route handlers, plus the key the per-session stream limit counts by (the token's hash, never the token).
 */
export async function streamSession(req: IncomingMessage, sessions?: SessionsRepository): Promise<{ address: string; key: string } | null> {
  const cookies = new Request("http://console.invalid/", { headers: { cookie: req.headers.cookie ?? "" } });
  const token = readSessionToken(cookies);
  if (!token) return null;
  const address = await getSessionAddress(cookies, sessions);
  return address ? { address, key: hashSessionToken(token) } : null;
}
