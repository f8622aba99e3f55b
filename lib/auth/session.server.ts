import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { type SessionsRepository, sessionsRepository } from "@/lib/db/sessions";
import { readCookie, TOKEN_PATTERN, type CookieReader } from "@/lib/http/cookies";

/**
 * The session cookie holds 32 random bytes; the database holds only their SHA-256, so a copy of the database
 * does not let anyone act as a signed-in tenant.
 */
export const SESSION_COOKIE = "console_session";
export const SESSION_TTL_MS = 7 * 24 * 3600_000;

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type { CookieReader } from "@/lib/http/cookies";

function readToken(source: Request | CookieReader): string | undefined {
  return readCookie(source, SESSION_COOKIE);
}

function defaultRepository(): SessionsRepository {
  return sessionsRepository(getDb());
}

/**
 * The signed-in address of a request (route handlers pass the request, server components `await cookies()`),
 * or null when there is no live session.
 */
export async function getSessionAddress(source: Request | CookieReader, sessions: SessionsRepository = defaultRepository()): Promise<string | null> {
  const token = readToken(source);
  // a well-formed token is 43 base64url characters; anything else is not worth a database read
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const session = await sessions.findSession(hashSessionToken(token));
  return session?.address ?? null;
}

export async function startSession(address: string, sessions: SessionsRepository = defaultRepository(), now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await sessions.createSession(hashSessionToken(token), address, expiresAt, now);
  return { token, expiresAt };
}

export async function endSession(source: Request | CookieReader, sessions: SessionsRepository = defaultRepository()): Promise<void> {
  const token = readToken(source);
  if (token) await sessions.deleteSession(hashSessionToken(token));
}

/**
 * Cookie attributes: httpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure when the
 * console is served over https (a plain-http localhost install must still work).
 */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean) {
  return { name: SESSION_COOKIE, value: token, httpOnly: true, sameSite: "strict" as const, secure, path: "/", expires: expiresAt };
}

export function clearedSessionCookie(secure: boolean) {
  return { ...sessionCookie("", new Date(0), secure), maxAge: 0 };
}

/** https directly, or behind a proxy that terminates TLS and says so. */
export function isHttps(req: Request): boolean {
  return new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** The host the tenant's browser addressed, as shown in the sign-in message. */
export function requestHost(req: Request): string {
  return req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
}
