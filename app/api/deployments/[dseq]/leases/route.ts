import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { deploymentsRepository } from "@/lib/db/deployments";
import { dseqParam, recordLeasesBody } from "@/lib/deploy/schemas";
import { SMALL_BODY_LIMIT } from "@/lib/http/body-limits";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { readJson, route } from "@/lib/http/route.server";
import { requireSessionAddress } from "@/lib/http/session-owner.server";
import { AppError } from "@/lib/errors/app-error";
import { getNetworkFromEnv } from "@/lib/networks";

/**
 * Records the leases of an included MsgCreateLease transaction. The manifest is not sent yet (the provider proxy
 * comes with its own issue): each lease starts as "manifest_pending", which the deployment page shows and a
 * later step recovers.
 */
export const POST = route<{ dseq: string }>(async (req, { params }) => {
  const owner = await requireSessionAddress(req);
  const dseq = dseqParam.parse(params.dseq);
  const body = await readJson(req, recordLeasesBody, SMALL_BODY_LIMIT);
  await enforceRateLimit(RATE_LIMITS.writesPerOwner, owner);
  const updated = await deploymentsRepository(getDb()).recordLeases(
    owner,
    getNetworkFromEnv().id,
    dseq,
    body.leases.map((l) => ({
      gseq: l.gseq,
      oseq: l.oseq,
      bseq: l.bseq,
      provider: l.provider,
      priceDenom: l.price.denom,
      priceAmount: l.price.amount,
      state: "manifest_pending",
      createTxHash: body.txHash,
    })),
  );
  if (!updated) throw new AppError("not_found", `No deployment ${dseq} of yours was created with this console on this network.`);
  return NextResponse.json(updated, { status: 201 });
});
