import { NextResponse } from "next/server";
import { z } from "zod";
import { akashAddressSchema } from "@/lib/chain/address";
import { createRestClient } from "@/lib/chain/rest";
import { getDb } from "@/lib/db/client";
import { providersRepository } from "@/lib/db/providers";
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
  const owners = ownersParam.parse(req.nextUrl.searchParams.get("owners") ?? undefined);
  const network = getNetworkFromEnv();
  const answer = await loadProviderInfos(owners, {
    network,
    rest: createRestClient(network.restUrl),
    repo: providersRepository(getDb()),
  });
  // uptime moves every 5 minutes at most; a short private cache spares the chain a re-read per re-render
  return NextResponse.json(answer, { headers: { "cache-control": "private, max-age=30" } });
});
