import "server-only";
import { createHash } from "node:crypto";
import type { NextResponse } from "next/server";
import { getSessionAddress } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client";
import { draftsRepository } from "@/lib/db/drafts";
import { QUOTAS } from "@/lib/drafts/quotas";
import { cookieName, readCookie, TOKEN_PATTERN, type CookieReader } from "@/lib/http/cookies";
import { secureCookies, servedOverHttps } from "@/lib/http/request-context.server";

/**
 * Whose drafts a request sees. Signed in: the wallet's address. Not signed in: this browser, identified by a random
 * httpOnly cookie (given with its first saved draft) and stored only as a hash, so drafts written before connecting
 * a wallet are private to the browser that wrote them, not to whoever uses the install.
 *
 * When a browser signs in, its anonymous drafts become the address's once: in the verify route, and on the first
 * signed-in request that still carries the anonymous cookie (a draft whose save was in flight during the sign-in).
 * Each of those answers clears the anonymous cookie, so later requests carry none and cost no handover; the next
 * draft written without a wallet gets a fresh anonymous id. The old id owns nothing any more.
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

/**
 * Whose drafts a page shows. Signed in with the anonymous cookie still there (the page came before any API answer
 * cleared it), the handover happens here too, so the page finds a draft saved during the sign-in; the cookie is
 * cleared by the next API answer (server components cannot set cookies).
 */
export async function draftOwner(source: Request | CookieReader): Promise<string> {
  const address = await getSessionAddress(source);
  const anon = anonOwnerOf(source);
  if (address && anon) await draftsRepository(getDb()).transferOwnership(anon, address, QUOTAS.signedIn);
  return address ?? anon ?? NOBODY;
}

/**
 * Whose drafts a route handler works on. A signed-in request that still carries an anonymous cookie hands that
 * browser's drafts to the address; `settle` then clears the cookie on the response.
 */
export async function draftOwnerOfRequest(req: Request): Promise<{ owner: string; settle: <R extends NextResponse>(res: R) => R }> {
  const address = await getSessionAddress(req);
  const anon = anonOwnerOf(req);
  if (!address) return { owner: anon ?? NOBODY, settle: (res) => res };
  if (!anon) return { owner: address, settle: (res) => res };
  await draftsRepository(getDb()).transferOwnership(anon, address, QUOTAS.signedIn);
  return { owner: address, settle: (res) => (res.cookies.set(clearedAnonCookie()), res) };
}

export function clearedAnonCookie() {
  return { ...anonCookie(""), maxAge: 0 };
}

export function anonCookie(token: string) {
  return { name: anonCookieName(), value: token, httpOnly: true, sameSite: "lax" as const, secure: secureCookies(), path: "/", maxAge: ANON_COOKIE_MAX_AGE_S };
}
