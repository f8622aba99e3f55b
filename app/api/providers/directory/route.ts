import { NextResponse } from "next/server";
import { createRestClient } from "@/lib/chain/rest";
import { getDb } from "@/lib/db/client";
import { providersRepository } from "@/lib/db/providers";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { clientAddress } from "@/lib/http/request-context.server";
import { route } from "@/lib/http/route.server";
import { loadDirectory } from "@/lib/market/directory.server";
import { getNetworkFromEnv } from "@/lib/networks";

// GET /api/providers/directory -> every provider on chain with attributes, audits, uptime 24 h / 7 d, online now
export const GET = route(async (req) => {
  await enforceRateLimit(RATE_LIMITS.providerLookupsPerAddress, clientAddress(req));
  const network = getNetworkFromEnv();
  const answer = await loadDirectory({ network, rest: createRestClient(network.restUrl), source: network.restUrl, repo: providersRepository(getDb()) });
  return NextResponse.json(answer);
});
