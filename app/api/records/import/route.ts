import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { recordsRepository } from "@/lib/db/records";
import { IMPORT_BODY_LIMIT } from "@/lib/http/body-limits";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { readJson, route } from "@/lib/http/route.server";
import { requireSessionAddress } from "@/lib/http/session-owner.server";
import { exportFileSchema } from "@/lib/records/export-format";

/** Imports a records file of the signed-in owner: all or nothing, and importing it twice changes nothing. */
export const POST = route(async (req) => {
  const owner = await requireSessionAddress(req);
  const file = await readJson(req, exportFileSchema, IMPORT_BODY_LIMIT);
  await enforceRateLimit(RATE_LIMITS.writesPerOwner, owner);
  return NextResponse.json(await recordsRepository(getDb()).importFor(owner, file));
});
