import { NextResponse } from "next/server";
import { createRestClient } from "@/lib/chain/rest";
import { escrowAlerts } from "@/lib/deploy/escrow-alerts.server";
import { route } from "@/lib/http/route.server";
import { requireSessionAddress } from "@/lib/http/session-owner.server";
import { getNetworkFromEnv } from "@/lib/networks";

/** The signed-in owner's active deployments with under a day of escrow left (the banner on every page). */
export const GET = route(async (req) => {
  const owner = await requireSessionAddress(req);
  const network = getNetworkFromEnv();
  return NextResponse.json({ alerts: await escrowAlerts(createRestClient(network.restUrl), owner, network.averageBlockTimeSeconds) });
});
