import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { draftsRepository, LOCAL_OWNER } from "@/lib/db/drafts";
import { route } from "@/lib/http/route.server";
import { AppError } from "@/lib/errors/app-error";

export const GET = route<{ id: string; versionId: string }>(async (_req, { params }) => {
  const version = await draftsRepository(getDb()).version(LOCAL_OWNER, params.id, params.versionId);
  if (!version) throw new AppError("not_found", "This version does not exist.");
  return NextResponse.json(version);
});
