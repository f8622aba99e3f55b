import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { recordsRepository } from "@/lib/db/records";
import { route } from "@/lib/http/route.server";
import { requireSessionAddress } from "@/lib/http/session-owner.server";

/** Every record of the signed-in owner (drafts with history, deployments with SDLs and leases) as one JSON file. */
export const GET = route(async (req) => {
  const owner = await requireSessionAddress(req);
  const file = await recordsRepository(getDb()).exportFor(owner);
  const res = NextResponse.json(file);
  res.headers.set("content-disposition", `attachment; filename="akash-console-records-${owner.slice(-8)}-${file.exportedAt.slice(0, 10)}.json"`);
  return res;
});
