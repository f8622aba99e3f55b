import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { draftsRepository } from "@/lib/db/drafts";
import { draftOwnerOfRequest } from "@/lib/drafts/owner.server";
import { route } from "@/lib/http/route.server";
import { AppError } from "@/lib/errors/app-error";

export const GET = route<{ id: string; versionId: string }>(async (req, { params }) => {
  const { owner, settle } = await draftOwnerOfRequest(req);
  const version = await draftsRepository(getDb()).version(owner, params.id, params.versionId);
  if (!version) throw new AppError("not_found", "This version does not exist.");
  return settle(NextResponse.json(version));
});
