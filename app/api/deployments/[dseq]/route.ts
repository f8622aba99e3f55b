import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { deploymentsRepository } from "@/lib/db/deployments";
import { dseqParam, updateDeploymentBody } from "@/lib/deploy/schemas";
import { DEPLOYMENT_BODY_LIMIT } from "@/lib/http/body-limits";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { readJson, route } from "@/lib/http/route.server";
import { requireSessionAddress } from "@/lib/http/session-owner.server";
import { AppError } from "@/lib/errors/app-error";
import { getNetworkFromEnv } from "@/lib/networks";

const notFound = (dseq: string) => new AppError("not_found", `No deployment ${dseq} of yours was created with this console on this network.`);

export const GET = route<{ dseq: string }>(async (req, { params }) => {
  const owner = await requireSessionAddress(req);
  const dseq = dseqParam.parse(params.dseq);
  const found = await deploymentsRepository(getDb()).get(owner, getNetworkFromEnv().id, dseq);
  if (!found) throw notFound(dseq);
  return NextResponse.json(found);
});

export const PATCH = route<{ dseq: string }>(async (req, { params }) => {
  const owner = await requireSessionAddress(req);
  const dseq = dseqParam.parse(params.dseq);
  const body = await readJson(req, updateDeploymentBody, DEPLOYMENT_BODY_LIMIT);
  await enforceRateLimit(RATE_LIMITS.writesPerOwner, owner);
  const repo = deploymentsRepository(getDb());
  const network = getNetworkFromEnv().id;
  const updated = "state" in body ? await repo.setState(owner, network, dseq, body.state) : await repo.updateSdl(owner, network, dseq, body.sdl, body.manifestVersion);
  if (!updated) throw notFound(dseq);
  return NextResponse.json(updated);
});
