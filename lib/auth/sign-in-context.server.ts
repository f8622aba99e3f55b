import "server-only";
import { serverKey } from "@/lib/auth/server-key.server";
import type { SignInContext } from "@/lib/auth/sign-in.server";
import { canonicalOrigin } from "@/lib/http/request-context.server";
import { getNetworkFromEnv } from "@/lib/networks";

/** The origin, network and key a request's sign-in is bound to (route handlers of app/api/auth). */
export function signInContext(req: Request): SignInContext {
  const network = getNetworkFromEnv();
  return { key: serverKey(), origin: canonicalOrigin(req), network: { id: network.id, chainId: network.chainId } };
}
