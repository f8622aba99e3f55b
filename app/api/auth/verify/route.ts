import { NextResponse } from "next/server";
import { verifyBodySchema } from "@/lib/auth/schemas";
import { isHttps, requestHost, sessionCookie, startSession } from "@/lib/auth/session.server";
import { verifySignIn } from "@/lib/auth/sign-in.server";
import { getDb } from "@/lib/db/client";
import { sessionsRepository } from "@/lib/db/sessions";
import { readJson, route } from "@/lib/http/route.server";

/** Only the address, public key and signature reach the server: never a mnemonic or private key. */
export const POST = route(async (req) => {
  const body = await readJson(req, verifyBodySchema);
  const sessions = sessionsRepository(getDb());
  const address = await verifySignIn(sessions, body, requestHost(req));
  const { token, expiresAt } = await startSession(address, sessions);
  const res = NextResponse.json({ address }, { headers: { "cache-control": "no-store" } });
  res.cookies.set(sessionCookie(token, expiresAt, isHttps(req)));
  return res;
});
