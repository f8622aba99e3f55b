import "server-only";
import { createHash } from "node:crypto";
import { getSessionAddress } from "@/lib/auth/session.server";
import { cookieName, readCookie, TOKEN_PATTERN, type CookieReader } from "@/lib/http/cookies";
import { secureCookies, servedOverHttps } from "@/lib/http/request-context.server";

/**
 * Whose drafts a request sees. Signed in: the wallet's address. Not signed in: this browser, identified by a random
 * httpOnly cookie (given with its first saved draft) and stored only as a hash, so drafts written before connecting
 * a wallet are private to the browser that wrote them, not to whoever uses the install.
 *
 * When a browser signs in, its anonymous drafts become the address's once, in the verify route, and the browser
 * gets a new anonymous id: the old one owns nothing any more, so a copy of it is worth nothing.
 */
export const ANON_COOKIE_BASE = "console_anon";
/** No cookie, no session: an owner that owns nothing. */
export const NOBODY = "anon:none";
export const ANON_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

export function anonCookieName(): string {
  return cookieName(ANON_COOKIE_BASE, servedOverHttps());
}

export function anonOwner(token: string): string {
  return `anon:${createHash("sha256").update(token).digest("hex").slice(0, 40)}`;
}

export function anonOwnerOf(source: Request | CookieReader): string | null {
  const token = readCookie(source, anonCookieName());
  return token && TOKEN_PATTERN.test(token) ? anonOwner(token) : null;
}

export async function draftOwner(source: Request | CookieReader): Promise<string> {
  return (await getSessionAddress(source)) ?? anonOwnerOf(source) ?? NOBODY;
}

export function anonCookie(token: string) {
  return { name: anonCookieName(), value: token, httpOnly: true, sameSite: "lax" as const, secure: secureCookies(), path: "/", maxAge: ANON_COOKIE_MAX_AGE_S };
}
