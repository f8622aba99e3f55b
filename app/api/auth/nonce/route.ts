import { NextResponse } from "next/server";
import { nonceBodySchema } from "@/lib/auth/schemas";
import { signInContext } from "@/lib/auth/sign-in-context.server";
import { issueNonce } from "@/lib/auth/sign-in.server";
import { SMALL_BODY_LIMIT } from "@/lib/http/body-limits";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit.server";
import { clientAddress } from "@/lib/http/request-context.server";
import { readJson, route } from "@/lib/http/route.server";

// A POST, not a GET: the origin check and the write rate limit of route() apply to it. The nonce is signed, not
// stored: issuing one writes only the rate-limit counter.
export const POST = route(async (req) => {
  await enforceRateLimit(RATE_LIMITS.noncesPerAddress, clientAddress(req));
  const { address } = await readJson(req, nonceBodySchema, SMALL_BODY_LIMIT);
  return NextResponse.json(issueNonce(signInContext(req), address));
});
