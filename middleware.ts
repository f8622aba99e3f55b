import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { getNetworkFromEnv } from "@/lib/networks";
import { randomToken } from "@/lib/http/cookies";

// Same name and shape as lib/drafts/owner.server.ts's ANON_COOKIE (that module is Node-only; middleware runs on the edge).
const ANON_COOKIE = "console_anon";

const network = getNetworkFromEnv();

export function middleware(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy({
    nonce,
    rpcUrl: network.rpcUrl,
    restUrl: network.restUrl,
    dev: process.env.NODE_ENV === "development",
  });
  // Next.js reads the nonce from the request's CSP header and stamps it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "no-referrer");
  response.headers.set("x-frame-options", "DENY");
  // Every browser gets a random id for the drafts it writes before a wallet signs in (see lib/drafts/owner.server.ts).
  if (!request.cookies.get(ANON_COOKIE)) {
    response.cookies.set(ANON_COOKIE, randomToken(), {
      httpOnly: true,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
      path: "/",
      maxAge: 365 * 24 * 3600,
    });
  }
  return response;
}

export const config = {
  // Pages only: API routes answer JSON, static assets carry no script.
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
