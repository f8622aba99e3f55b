import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { deploymentsRepository } from "@/lib/db/deployments";
import { dseqParam, leaseSeqParam, recordManifestBody } from "@/lib/deploy/schemas";
import { SMALL_BODY_LIMIT } from "@/lib/http/body-limits";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { readJson, route } from "@/lib/http/route.server";
import { requireSessionAddress } from "@/lib/http/session-owner.server";
import { AppError } from "@/lib/errors/app-error";
import { getNetworkFromEnv } from "@/lib/networks";

/**
 * Records what the browser learned sending a lease's manifest (the browser sends it through the provider proxy with
 * the tenant's own token; this route only keeps the outcome, so a later visit knows whether to send it again).
 */
export const PATCH = route<{ dseq: string; gseq: string; oseq: string }>(async (req, { params }) => {
  const owner = await requireSessionAddress(req);
  const dseq = dseqParam.parse(params.dseq);
  const lease = { gseq: leaseSeqParam.parse(params.gseq), oseq: leaseSeqParam.parse(params.oseq) };
  const outcome = await readJson(req, recordManifestBody, SMALL_BODY_LIMIT);
  await enforceRateLimit(RATE_LIMITS.writesPerOwner, owner);
  const updated = await deploymentsRepository(getDb()).recordManifest(owner, getNetworkFromEnv().id, dseq, lease, outcome);
  if (!updated) throw new AppError("not_found", `No lease ${dseq}/${lease.gseq}/${lease.oseq} of yours was recorded by this console on this network.`);
  return NextResponse.json(updated);
});
