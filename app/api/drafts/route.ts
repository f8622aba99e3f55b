import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { draftsRepository } from "@/lib/db/drafts";
import { draftOwner } from "@/lib/drafts/owner.server";
import { createDraftBody, DRAFTS_PAGE_SIZE } from "@/lib/drafts/schemas";
import { pageParam, readJson, route } from "@/lib/http/route.server";

// Drafts belong to the signed-in address, or to the local install ("local") without a session.
export const GET = route(async (req) => {
  const page = pageParam(req);
  const { items, total } = await draftsRepository(getDb()).list(await draftOwner(req), { take: DRAFTS_PAGE_SIZE, skip: (page - 1) * DRAFTS_PAGE_SIZE });
  return NextResponse.json({ items, total, page, pageSize: DRAFTS_PAGE_SIZE });
});

export const POST = route(async (req) => {
  const body = await readJson(req, createDraftBody);
  const draft = await draftsRepository(getDb()).create(await draftOwner(req), body);
  return NextResponse.json(draft, { status: 201 });
});
