import { NextResponse } from "next/server";
import { requestHost } from "@/lib/auth/session.server";
import { issueNonce } from "@/lib/auth/sign-in.server";
import { getDb } from "@/lib/db/client";
import { sessionsRepository } from "@/lib/db/sessions";
import { route } from "@/lib/http/route.server";

// A POST, not a GET: it writes a row, and the origin check of route() applies to it.
export const POST = route(async (req) => {
  const sessions = sessionsRepository(getDb());
  // one in a few dozen requests sweeps expired rows, so the tables stay small without a scheduler
  if (Math.random() < 0.05) await sessions.purgeExpired().catch((e) => console.error("[auth] purge failed", e));
  const body = await issueNonce(sessions, requestHost(req));
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
});
