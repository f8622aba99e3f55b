import { NextResponse } from "next/server";
import { clearedSessionCookie, endSession, isHttps } from "@/lib/auth/session.server";
import { route } from "@/lib/http/route.server";

export const POST = route(async (req) => {
  await endSession(req);
  const res = NextResponse.json({ address: null }, { headers: { "cache-control": "no-store" } });
  res.cookies.set(clearedSessionCookie(isHttps(req)));
  return res;
});
