/**
 * Test support: the devnet with a live lease. tenant1 deploys an SDL from the console's own templates, takes a bid
 * of the provider asked for (MsgCreateLease), and signs provider tokens exactly as the browser does
 * (lib/provider-gateway/jwt.ts over an ADR-36 signer). Only tests and benches use it.
 */
import { generateManifest, generateManifestVersion, manifestToSortedJSON, type SDLInput, yaml } from "@akashnetwork/chain-sdk";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDeploymentMsg, createLeaseMsg } from "@/lib/chain/messages";
import { createRestClient, type RestClient } from "@/lib/chain/rest";
import { adr36Signer, TENANT1_MNEMONIC } from "@/lib/auth/test-signer.test-util";
import { startDevnetFixture, TENANT1, type DevnetFixture } from "@/lib/market/testing/devnet-fixture";
import { createGateway, type Gateway } from "@/lib/provider-gateway/gateway.server";
import { createProviderTokens, type ProviderTokens } from "@/lib/provider-gateway/jwt";
import type { LeaseRef } from "@/lib/provider-gateway/lease-ref";
import type { DevnetOptions } from "../../../devnet/start";

const templates = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../templates/sdl");

export interface LeasedDeployment {
  lease: LeaseRef;
  manifestJson: string;
}

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

let nextDseq = BigInt(Date.now()) * 100n + 7n;

export async function startGatewayFixture(opts: DevnetOptions = {}): Promise<GatewayFixture> {
  const fx = await startDevnetFixture(opts);
  await fx.fleet!.registered;
  const rest = createRestClient(fx.devnet.endpoints.rest);
  const signer = await adr36Signer(TENANT1_MNEMONIC);
  const providers = fx.fleet!.profiles.map((p) => p.account.address);
  return {
    fx,
    rest,
    gateway: createGateway({ rest, ssrf: { allowLoopback: true } }),
    providers,
    tokens: createProviderTokens({ address: signer.address, signArbitrary: signer.sign }),
    async lease(provider, template = "snake-game.yaml") {
      const sdl = yaml.template<SDLInput>(readFileSync(path.join(templates, template), "utf8"));
      const built = generateManifest(sdl);
      if (!built.ok) throw new Error(`${template}: ${JSON.stringify(built.value).slice(0, 300)}`);
      const hash = await generateManifestVersion(built.value.groups);
      const dseq = (nextDseq++).toString();
      const msg = createDeploymentMsg({ owner: TENANT1, dseq, groups: built.value.groupSpecs, hash, deposit: { denom: "uact", amount: "5000000" } });
      const res = await fx.client.signAndBroadcast(TENANT1, [msg], "auto");
      if (res.code !== 0) throw new Error(`deployment failed: ${res.rawLog}`);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const bid = (await rest.bids({ owner: TENANT1, dseq })).find((b) => b.id.provider === provider && b.state === "open");
        if (bid) {
          const leased = await fx.client.signAndBroadcast(TENANT1, [createLeaseMsg(bid.id)], "auto");
          if (leased.code !== 0) throw new Error(`lease failed: ${leased.rawLog}`);
          return { lease: { provider, owner: TENANT1, dseq, gseq: bid.id.gseq, oseq: bid.id.oseq }, manifestJson: manifestToSortedJSON(built.value.groups) };
        }
        if (Date.now() > deadline) throw new Error(`provider ${provider} did not bid on ${template} within 20 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: () => fx.stop(),
  };
}
