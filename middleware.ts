import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { getNetworkFromEnv } from "@/lib/networks";

// HSTS as the API routes send it (lib/http/route.server.ts); browsers heed it only when it arrives over https.
const HSTS = "max-age=31536000; includeSubDomains";

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
  if (request.nextUrl.protocol === "https:") response.headers.set("strict-transport-security", HSTS);
  // The anonymous drafts cookie is given with a browser's first saved draft (app/api/drafts), not on every page.
  return response;
}

export const config = {
  // Pages only: API routes answer JSON, static assets carry no script.
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
