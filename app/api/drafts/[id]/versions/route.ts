import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { draftsRepository, LOCAL_OWNER } from "@/lib/db/drafts";
import { route } from "@/lib/http/route.server";
import { AppError } from "@/lib/errors/app-error";

export const GET = route<{ id: string }>(async (_req, { params }) => {
  const items = await draftsRepository(getDb()).versions(LOCAL_OWNER, params.id);
  if (!items) throw new AppError("not_found", "This draft does not exist.");
  return NextResponse.json({ items });
});
