/**
 * Test and bench support: tenant1 deploys an SDL from the console's own templates on the devnet and leases it from
 * the provider asked for (MsgCreateLease on that provider's bid). No server-only code: benches run it under tsx.
 */
import { TENANT1 } from "@/devnet/accounts";
import { generateManifest, generateManifestVersion, manifestToSortedJSON, type SDLInput, yaml } from "@akashnetwork/chain-sdk";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDeploymentMsg, createLeaseMsg } from "@/lib/chain/messages";
import type { RestClient } from "@/lib/chain/rest";
import { type DevnetFixture } from "@/test/support/devnet";
import type { LeaseRef } from "@/lib/provider-gateway/lease-ref";

const templates = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../lib/templates/sdl");
let nextDseq = BigInt(Date.now()) * 100n + 7n;

export interface LeasedDeployment {
  lease: LeaseRef;
  manifestJson: string;
}

export async function deployAndLease(fx: Pick<DevnetFixture, "client">, rest: Pick<RestClient, "bids">, provider: string, template = "snake-game.yaml"): Promise<LeasedDeployment> {
  const sdl = yaml.template<SDLInput>(readFileSync(path.join(templates, template), "utf8"));
  const built = generateManifest(sdl);
  if (!built.ok) throw new Error(`${template}: ${JSON.stringify(built.value).slice(0, 300)}`);
  const hash = await generateManifestVersion(built.value.groups);
  const dseq = (nextDseq++).toString();
  const msg = createDeploymentMsg({ owner: TENANT1.address, dseq, groups: built.value.groupSpecs, hash, deposit: { denom: "uact", amount: "5000000" } });
  const res = await fx.client.signAndBroadcast(TENANT1.address, [msg], "auto");
  if (res.code !== 0) throw new Error(`deployment failed: ${res.rawLog}`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const bid = (await rest.bids({ owner: TENANT1.address, dseq })).find((b) => b.id.provider === provider && b.state === "open");
    if (bid) {
      const leased = await fx.client.signAndBroadcast(TENANT1.address, [createLeaseMsg(bid.id)], "auto");
      if (leased.code !== 0) throw new Error(`lease failed: ${leased.rawLog}`);
      return { lease: { provider, owner: TENANT1.address, dseq, gseq: bid.id.gseq, oseq: bid.id.oseq }, manifestJson: manifestToSortedJSON(built.value.groups) };
    }
    if (Date.now() > deadline) throw new Error(`provider ${provider} did not bid on ${template} within 20 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
