import "server-only";
import { createHash } from "node:crypto";
import { getSessionAddress } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client";
import { draftsRepository } from "@/lib/db/drafts";
import { readCookie, TOKEN_PATTERN, type CookieReader } from "@/lib/http/cookies";

/**
 * Whose drafts a request sees. Signed in: the wallet's address. Not signed in: this browser, identified by a random
 * httpOnly cookie (set by middleware.ts) and stored only as a hash, so drafts written before connecting a wallet
 * are private to the browser that wrote them, not to whoever uses the install.
 *
 * When a browser with anonymous drafts signs in, those drafts become the address's (the same person wrote them, in
 * this browser). This happens on the first request that sees both cookies, so a draft saved while the sign-in was
 * still in flight is not lost either.
 */
export const ANON_COOKIE = "console_anon";
/** No cookie, no session: an owner that owns nothing. */
export const NOBODY = "anon:none";
export const ANON_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

export function anonOwner(token: string): string {
  return `anon:${createHash("sha256").update(token).digest("hex").slice(0, 40)}`;
}

export function anonOwnerOf(source: Request | CookieReader): string | null {
  const token = readCookie(source, ANON_COOKIE);
  return token && TOKEN_PATTERN.test(token) ? anonOwner(token) : null;
}

export async function draftOwner(source: Request | CookieReader): Promise<string> {
  const address = await getSessionAddress(source);
  const anon = anonOwnerOf(source);
  if (address) {
    if (anon) await draftsRepository(getDb()).transferOwnership(anon, address);
    return address;
  }
  return anon ?? NOBODY;
}

export function anonCookie(token: string, secure: boolean) {
  return { name: ANON_COOKIE, value: token, httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: ANON_COOKIE_MAX_AGE_S };
}
