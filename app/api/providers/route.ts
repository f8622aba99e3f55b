import { NextResponse } from "next/server";
import { z } from "zod";
import { akashAddressSchema } from "@/lib/chain/address";
import { createRestClient } from "@/lib/chain/rest";
import { getDb } from "@/lib/db/client";
import { providersRepository } from "@/lib/db/providers";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { clientAddress } from "@/lib/http/request-context.server";
import { route } from "@/lib/http/route.server";
import { loadProviderInfos } from "@/lib/market/provider-directory.server";
import { getNetworkFromEnv } from "@/lib/networks";

/** a bid table has at most orderMaxBids (20) bids per order; a few orders' worth of providers is the ceiling */
const MAX_OWNERS = 50;

const ownersParam = z
  .string({ error: "owners is required: ?owners=akash1…,akash1…" })
  .transform((s) => [...new Set(s.split(",").map((o) => o.trim()).filter(Boolean))])
  .pipe(
    z
      .array(akashAddressSchema("each owner must be an akash1… account address"))
      .min(1, "owners is empty")
      .max(MAX_OWNERS, `at most ${MAX_OWNERS} owners per request`),
  );

// GET /api/providers?owners=a,b -> provider name, region, GPUs, auditors and our 24 h uptime, per provider
export const GET = route(async (req) => {
  await enforceRateLimit(RATE_LIMITS.providerLookupsPerAddress, clientAddress(req));
  const owners = ownersParam.parse(req.nextUrl.searchParams.get("owners") ?? undefined);
  const network = getNetworkFromEnv();
  const answer = await loadProviderInfos(owners, {
    network,
    rest: createRestClient(network.restUrl),
    source: network.restUrl,
    repo: providersRepository(getDb()),
  });
  // chain reads are cached per provider on the server (provider-directory.server.ts); the answer itself is no-store
  return NextResponse.json(answer);
});
