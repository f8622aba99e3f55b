import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { draftsRepository } from "@/lib/db/drafts";
import { anonCookie, anonOwner, draftOwnerOfRequest, NOBODY } from "@/lib/drafts/owner.server";
import { quotaFor } from "@/lib/drafts/quotas";
import { createDraftBody, DRAFTS_PAGE_SIZE } from "@/lib/drafts/schemas";
import { DRAFT_BODY_LIMIT } from "@/lib/http/body-limits";
import { randomToken } from "@/lib/http/cookies";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { clientAddress } from "@/lib/http/request-context.server";
import { pageParam, readJson, route } from "@/lib/http/route.server";

// Drafts belong to the signed-in address, or to this browser (an anonymous cookie) without a session.
export const GET = route(async (req) => {
  const page = pageParam(req);
  const { owner, settle } = await draftOwnerOfRequest(req);
  const { items, total } = await draftsRepository(getDb()).list(owner, { take: DRAFTS_PAGE_SIZE, skip: (page - 1) * DRAFTS_PAGE_SIZE });
  return settle(NextResponse.json({ items, total, page, pageSize: DRAFTS_PAGE_SIZE }));
});

export const POST = route(async (req) => {
  const body = await readJson(req, createDraftBody, DRAFT_BODY_LIMIT);
  const resolved = await draftOwnerOfRequest(req);
  let owner = resolved.owner;
  // A browser's first draft (or a script's) gets it an anonymous id. New ids are free to make, so how many one
  // address and the whole console may make is limited: each one is an owner with its own quota.
  const newToken = owner === NOBODY ? randomToken() : null;
  if (newToken) {
    await enforceRateLimit(RATE_LIMITS.newAnonymousPerAddress, clientAddress(req));
    await enforceRateLimit(RATE_LIMITS.newAnonymousTotal, "all");
    owner = anonOwner(newToken);
  }
  await enforceRateLimit(RATE_LIMITS.writesPerOwner, owner);
  const draft = await draftsRepository(getDb()).create(owner, body, quotaFor(owner));
  const res = resolved.settle(NextResponse.json(draft, { status: 201 }));
  if (newToken) res.cookies.set(anonCookie(newToken));
  return res;
});
