import { NextResponse } from "next/server";
import { clearedSessionCookie } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client";
import { sessionsRepository } from "@/lib/db/sessions";
import { requireSessionAddress } from "@/lib/http/session-owner.server";
import { route } from "@/lib/http/route.server";

/** "Sign out everywhere": ends every session of the signed-in address, on every device and instance. */
export const POST = route(async (req) => {
  const address = await requireSessionAddress(req);
  const revoked = await sessionsRepository(getDb()).deleteSessionsOf(address);
  const res = NextResponse.json({ address: null, revoked });
  res.cookies.set(clearedSessionCookie());
  return res;
});
