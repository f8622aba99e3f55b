import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { MAX_SESSIONS_PER_ADDRESS, SESSION_IDLE_MS, SESSION_TOUCH_MS, SESSION_TTL_MS } from "@/lib/auth/session-policy";
import { getDb } from "@/lib/db/client";
import { type SessionsRepository, sessionsRepository } from "@/lib/db/sessions";
import { cookieName, readCookie, TOKEN_PATTERN, type CookieReader } from "@/lib/http/cookies";
import { secureCookies, servedOverHttps } from "@/lib/http/request-context.server";

/**
 * The session cookie holds 32 random bytes; the database holds only their SHA-256, so a copy of the database
 * does not let anyone act as a signed-in tenant.
 */
export { SESSION_IDLE_MS, SESSION_TTL_MS } from "@/lib/auth/session-policy";
export const SESSION_COOKIE_BASE = "console_session";

/** `__Host-console_session` over https, `console_session` on plain-http installs. */
export function sessionCookieName(): string {
  return cookieName(SESSION_COOKIE_BASE, servedOverHttps());
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type { CookieReader } from "@/lib/http/cookies";

export function readSessionToken(source: Request | CookieReader): string | undefined {
  const token = readCookie(source, sessionCookieName());
  // a well-formed token is 43 base64url characters; anything else is not worth a database read
  return token && TOKEN_PATTERN.test(token) ? token : undefined;
}

function defaultRepository(): SessionsRepository {
  return sessionsRepository(getDb());
}

/**
 * The signed-in address of a request (route handlers pass the request, server components `await cookies()`),
 * or null when there is no live session.
 */
export async function getSessionAddress(source: Request | CookieReader, sessions: SessionsRepository = defaultRepository()): Promise<string | null> {
  const token = readSessionToken(source);
  if (!token) return null;
  const session = await sessions.findSession(hashSessionToken(token), { idleMs: SESSION_IDLE_MS, touchMs: SESSION_TOUCH_MS });
  return session?.address ?? null;
}

export async function startSession(address: string, sessions: SessionsRepository = defaultRepository(), now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await sessions.createSession(hashSessionToken(token), address, expiresAt, { maxPerAddress: MAX_SESSIONS_PER_ADDRESS }, now);
  return { token, expiresAt };
}

export async function endSession(source: Request | CookieReader, sessions: SessionsRepository = defaultRepository()): Promise<void> {
  const token = readSessionToken(source);
  if (token) await sessions.deleteSession(hashSessionToken(token));
}

/**
 * Cookie attributes: httpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure in
 * production and over https, and the __Host- name over https.
 */
export function sessionCookie(token: string, expiresAt: Date) {
  return { name: sessionCookieName(), value: token, httpOnly: true, sameSite: "strict" as const, secure: secureCookies(), path: "/", expires: expiresAt };
}

export function clearedSessionCookie() {
  return { ...sessionCookie("", new Date(0)), maxAge: 0 };
}
