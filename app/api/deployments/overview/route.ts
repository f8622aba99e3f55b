import { NextResponse } from "next/server";
import { createRestClient } from "@/lib/chain/rest";
import { getDb } from "@/lib/db/client";
import { deploymentsRepository } from "@/lib/db/deployments";
import { deploymentOverview } from "@/lib/deploy/overview.server";
import { overviewQuery } from "@/lib/deploy/overview-query";
import { route } from "@/lib/http/route.server";
import { requireSessionAddress } from "@/lib/http/session-owner.server";
import { getNetworkFromEnv } from "@/lib/networks";

/** The signed-in owner's deployments, one page: the chain's, joined with this console's records and leases. */
export const GET = route(async (req) => {
  const owner = await requireSessionAddress(req);
  const query = overviewQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  const network = getNetworkFromEnv();
  const overview = await deploymentOverview({ rest: createRestClient(network.restUrl), records: deploymentsRepository(getDb()), owner, network }, query);
  return NextResponse.json(overview);
});
