import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { draftsRepository } from "@/lib/db/drafts";
import { anonCookie, anonOwner, draftOwner, NOBODY } from "@/lib/drafts/owner.server";
import { randomToken } from "@/lib/http/cookies";
import { isHttps } from "@/lib/auth/session.server";
import { createDraftBody, DRAFTS_PAGE_SIZE } from "@/lib/drafts/schemas";
import { pageParam, readJson, route } from "@/lib/http/route.server";

// Drafts belong to the signed-in address, or to this browser (an anonymous cookie) without a session.
export const GET = route(async (req) => {
  const page = pageParam(req);
  const { items, total } = await draftsRepository(getDb()).list(await draftOwner(req), { take: DRAFTS_PAGE_SIZE, skip: (page - 1) * DRAFTS_PAGE_SIZE });
  return NextResponse.json({ items, total, page, pageSize: DRAFTS_PAGE_SIZE });
});

export const POST = route(async (req) => {
  const body = await readJson(req, createDraftBody);
  let owner = await draftOwner(req);
  // A client that never loaded a page (a script, curl) has no browser id yet: give it one with its first draft.
  const newToken = owner === NOBODY ? randomToken() : null;
  if (newToken) owner = anonOwner(newToken);
  const draft = await draftsRepository(getDb()).create(owner, body);
  const res = NextResponse.json(draft, { status: 201 });
  if (newToken) res.cookies.set(anonCookie(newToken, isHttps(req)));
  return res;
});
