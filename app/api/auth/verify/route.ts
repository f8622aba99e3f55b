import { NextResponse } from "next/server";
import { verifyBodySchema } from "@/lib/auth/schemas";
import { endSession, sessionCookie, startSession } from "@/lib/auth/session.server";
import { signInContext } from "@/lib/auth/sign-in-context.server";
import { verifySignIn } from "@/lib/auth/sign-in.server";
import { getDb } from "@/lib/db/client";
import { draftsRepository } from "@/lib/db/drafts";
import { sessionsRepository } from "@/lib/db/sessions";
import { anonOwnerOf, clearedAnonCookie } from "@/lib/drafts/owner.server";
import { QUOTAS } from "@/lib/drafts/quotas";
import { SMALL_BODY_LIMIT } from "@/lib/http/body-limits";
import { readJson, route } from "@/lib/http/route.server";

/**
 * Only the address, public key and signature reach the server: never a mnemonic or private key. A sign-in ends
 * the browser's previous session, hands its anonymous drafts to the address once and clears the anonymous id, so
 * the old one (which may have been seen by others on a shared machine) owns nothing (lib/drafts/owner.server.ts).
 */
export const POST = route(async (req) => {
  const body = await readJson(req, verifyBodySchema, SMALL_BODY_LIMIT);
  const sessions = sessionsRepository(getDb());
  const address = await verifySignIn(sessions, body, signInContext(req));
  await endSession(req, sessions);
  const { token, expiresAt } = await startSession(address, sessions);
  const anon = anonOwnerOf(req);
  if (anon) await draftsRepository(getDb()).transferOwnership(anon, address, QUOTAS.signedIn);
  const res = NextResponse.json({ address });
  res.cookies.set(sessionCookie(token, expiresAt));
  // the anonymous id is spent: cleared, and a fresh one is issued with the next draft written without a wallet
  if (anon) res.cookies.set(clearedAnonCookie());
  return res;
});
