import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { deploymentsRepository } from "@/lib/db/deployments";
import { saveDeploymentBody } from "@/lib/deploy/schemas";
import { MAX_DEPLOYMENT_RECORDS } from "@/lib/drafts/quotas";
import { DEPLOYMENT_BODY_LIMIT } from "@/lib/http/body-limits";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { pageParam, readJson, route } from "@/lib/http/route.server";
import { requireSessionAddress } from "@/lib/http/session-owner.server";
import { getNetworkFromEnv } from "@/lib/networks";

const PAGE_SIZE = 25;

export const GET = route(async (req) => {
  const owner = await requireSessionAddress(req);
  const page = pageParam(req);
  const { items, total } = await deploymentsRepository(getDb()).list(owner, getNetworkFromEnv().id, { take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE });
  return NextResponse.json({ items, total, page, pageSize: PAGE_SIZE });
});

/** Records a deployment after its MsgCreateDeployment was included; idempotent per dseq. */
export const POST = route(async (req) => {
  const owner = await requireSessionAddress(req);
  const body = await readJson(req, saveDeploymentBody, DEPLOYMENT_BODY_LIMIT);
  await enforceRateLimit(RATE_LIMITS.writesPerOwner, owner);
  const saved = await deploymentsRepository(getDb()).save(owner, {
    network: getNetworkFromEnv().id,
    dseq: body.dseq,
    name: body.name,
    draftId: body.draftId,
    sdl: body.sdl,
    manifestVersion: body.manifestVersion,
    depositDenom: body.deposit.denom,
    depositAmount: body.deposit.amount,
    state: "open",
    createTxHash: body.createTxHash,
  }, MAX_DEPLOYMENT_RECORDS);
  return NextResponse.json(saved, { status: 201 });
});
