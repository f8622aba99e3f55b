/**
 * Test support: the devnet with a live lease. tenant1 deploys an SDL from the console's own templates, takes a bid
 * of the provider asked for (MsgCreateLease), and signs provider tokens exactly as the browser does
 * (lib/provider-gateway/jwt.ts over an ADR-36 signer). Only tests and benches use it.
 */
import { TENANT1 } from "@/devnet/accounts";
import { createRestClient, type RestClient } from "@/lib/chain/rest";
import { adr36Signer } from "@/test/support/signer";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";
import { createGateway, type Gateway } from "@/lib/provider-gateway/gateway.server";
import { createProviderTokens, type ProviderTokens } from "@/lib/provider-gateway/jwt";
import { deployAndLease, type LeasedDeployment } from "@/test/support/deploy-and-lease";
import type { DevnetOptions } from "../../devnet/start";

export type { LeasedDeployment } from "@/test/support/deploy-and-lease";

export interface GatewayFixture {
  fx: DevnetFixture;
  rest: RestClient;
  /** the console's gateway on this devnet (loopback providers allowed, as on any local devnet) */
  gateway: Gateway;
  /** provider addresses, in profile order; 0 and 1 always bid and never drop streams */
  providers: string[];
  /** tenant1's tokens, signed as the browser signs them */
  tokens: ProviderTokens;
  /** deploys a template SDL and leases it from `provider` */
  lease(provider: string, template?: string): Promise<LeasedDeployment>;
  stop(): Promise<void>;
}

export async function startGatewayFixture(opts: DevnetOptions = {}): Promise<GatewayFixture> {
  const fx = await startDevnetFixture(opts);
  await fx.fleet!.registered;
  const rest = createRestClient(fx.devnet.endpoints.rest);
  const signer = await adr36Signer(TENANT1.mnemonic);
  const providers = fx.fleet!.profiles.map((p) => p.account.address);
  return {
    fx,
    rest,
    gateway: createGateway({ rest, ssrf: { allowLoopback: true } }),
    providers,
    tokens: createProviderTokens({ address: signer.address, signArbitrary: signer.sign }),
    lease: (provider, template) => deployAndLease(fx, rest, provider, template),
    stop: () => fx.stop(),
  };
}
