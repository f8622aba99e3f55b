import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { draftsRepository, LOCAL_OWNER } from "@/lib/db/drafts";
import { createDraftBody, DRAFTS_PAGE_SIZE } from "@/lib/drafts/schemas";
import { pageParam, readJson, route } from "@/lib/http/route.server";

// Until wallet sign-in exists every draft belongs to the local install (LOCAL_OWNER).
export const GET = route(async (req) => {
  const page = pageParam(req);
  const { items, total } = await draftsRepository(getDb()).list(LOCAL_OWNER, { take: DRAFTS_PAGE_SIZE, skip: (page - 1) * DRAFTS_PAGE_SIZE });
  return NextResponse.json({ items, total, page, pageSize: DRAFTS_PAGE_SIZE });
});

export const POST = route(async (req) => {
  const body = await readJson(req, createDraftBody);
  const draft = await draftsRepository(getDb()).create(LOCAL_OWNER, body);
  return NextResponse.json(draft, { status: 201 });
});
