import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { draftsRepository } from "@/lib/db/drafts";
import { draftOwnerOfRequest } from "@/lib/drafts/owner.server";
import { quotaFor } from "@/lib/drafts/quotas";
import { updateDraftBody } from "@/lib/drafts/schemas";
import { DRAFT_BODY_LIMIT } from "@/lib/http/body-limits";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { readJson, route } from "@/lib/http/route.server";
import { AppError } from "@/lib/errors/app-error";

type Params = { id: string };

const notFound = () => new AppError("not_found", "This draft does not exist (it may have been deleted in another tab).");

export const GET = route<Params>(async (req, { params }) => {
  const { owner, settle } = await draftOwnerOfRequest(req);
  const draft = await draftsRepository(getDb()).get(owner, params.id);
  if (!draft) throw notFound();
  return settle(NextResponse.json(draft));
});

export const PATCH = route<Params>(async (req, { params }) => {
  const patch = await readJson(req, updateDraftBody, DRAFT_BODY_LIMIT);
  const { owner, settle } = await draftOwnerOfRequest(req);
  await enforceRateLimit(RATE_LIMITS.writesPerOwner, owner);
  const draft = await draftsRepository(getDb()).update(owner, params.id, patch, new Date(), quotaFor(owner));
  if (!draft) throw notFound();
  const { content: _omit, ...summary } = draft;
  return settle(NextResponse.json(summary));
});

export const DELETE = route<Params>(async (req, { params }) => {
  const { owner, settle } = await draftOwnerOfRequest(req);
  await enforceRateLimit(RATE_LIMITS.writesPerOwner, owner);
  if (!(await draftsRepository(getDb()).remove(owner, params.id))) throw notFound();
  return settle(NextResponse.json({ deleted: true }));
});
