import { NextResponse } from "next/server";
import { clearedSessionCookie, endSession } from "@/lib/auth/session.server";
import { route } from "@/lib/http/route.server";

export const POST = route(async (req) => {
  await endSession(req);
  const res = NextResponse.json({ address: null });
  res.cookies.set(clearedSessionCookie());
  return res;
});
