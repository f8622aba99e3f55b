import "server-only";
import { createRestClient, type RestClient } from "@/lib/chain/rest";
import { getServerEnv } from "@/lib/env/server";
import { AppError } from "@/lib/errors/app-error";
import { getNetworkFromEnv } from "@/lib/networks";
import { createPinVerifier, lookupFromRest, type PinVerifier } from "@/lib/provider-gateway/pin.server";
import type { ProviderEndpoint } from "@/lib/provider-gateway/provider-socket.server";
import { resolveProviderTarget, ssrfOptionsFor, type SsrfOptions } from "@/lib/provider-gateway/ssrf.server";

/**
 * What every call to a provider needs: the chain (provider records, leases, certificates), the pin verifier with
 * its cache, and the SSRF options of the configured network. One per process (the pin cache is worth sharing);
 * tests build their own with createGateway.
 */
export interface Gateway {
  rest: Pick<RestClient, "provider" | "lease" | "leases" | "certificates">;
  pin: PinVerifier;
  ssrf: SsrfOptions;
}

export function createGateway(deps: { rest: Gateway["rest"]; ssrf: SsrfOptions; pin?: PinVerifier }): Gateway {
  return { rest: deps.rest, ssrf: deps.ssrf, pin: deps.pin ?? createPinVerifier({ lookup: lookupFromRest(deps.rest) }) };
}

const globalForGateway = globalThis as unknown as { consoleGateway?: Gateway };

/** The process's gateway on the configured network (NEXT_PUBLIC_NETWORK and its endpoint overrides). */
export function getGateway(): Gateway {
  if (!globalForGateway.consoleGateway) {
    const network = getNetworkFromEnv();
    const rest = createRestClient(network.restUrl);
    globalForGateway.consoleGateway = createGateway({ rest, ssrf: ssrfOptionsFor(network, getServerEnv().CONSOLE_ALLOW_LOOPBACK_PROVIDERS) });
  }
  return globalForGateway.consoleGateway;
}

/**
 * The provider's gateway address, from its on-chain record only (a client never names a URL), through the SSRF
 * guard: the address to connect to has been resolved and checked once, here.
 */
export async function resolveEndpoint(gw: Gateway, provider: string, opts: { dnsTimeoutMs?: number; signal?: AbortSignal } = {}): Promise<ProviderEndpoint> {
  const record = await gw.rest.provider(provider, { signal: opts.signal });
  if (!record) {
    throw new AppError("not_found", `Provider ${provider} has no record on chain, so the console does not know where its gateway is.`, { details: { provider } });
  }
  const target = await resolveProviderTarget(record.hostUri, { ...gw.ssrf, dnsTimeoutMs: opts.dnsTimeoutMs ?? gw.ssrf.dnsTimeoutMs });
  return { provider, target };
}
