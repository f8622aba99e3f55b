/**
 * Deployment and lease messages built from an SDL with chain-sdk alone: what the devnet's seeding call submits as
 * the owner, and what the tests' tenant tooling (test/support/tenant.ts) signs. Part of the devnet, so it imports
 * nothing of the console.
 */
import { generateManifest, generateManifestVersion, manifestToSortedJSON, yaml } from "@akashnetwork/chain-sdk";
import * as v1 from "@akashnetwork/chain-sdk/private-types/akash.v1";
import * as v1beta4 from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import * as v1beta5 from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { EncodeObject } from "@cosmjs/proto-signing";

export const typeUrl = (t: { $type: string }) => `/${t.$type}`;

export interface SdlDeployment {
  /** group specs in wire form (DecCoin prices as LegacyDec atomics), for MsgCreateDeployment.groups */
  groups: v1beta4.GroupSpec[];
  /** the manifest as the provider expects it in PUT /deployment/{dseq}/manifest */
  manifestJson: string;
  /** generateManifestVersion: MsgCreateDeployment.hash */
  hash: Uint8Array;
}

/** An SDL (YAML text) through chain-sdk: group specs in wire form, manifest JSON and version hash. */
export async function sdlDeployment(sdlYaml: string): Promise<SdlDeployment> {
  const r = generateManifest(yaml.template(sdlYaml));
  if (!r.ok) throw new Error(`invalid SDL: ${JSON.stringify(r.value).slice(0, 300)}`);
  // chain-sdk's group specs carry human decimals ("10000"), which is what its (patched) codecs encode into the
  // wire's LegacyDec atomics: they go in as they are.
  const groups = r.value.groupSpecs.map((g) => v1beta4.GroupSpec.fromPartial(g));
  return { groups, manifestJson: manifestToSortedJSON(r.value.groups), hash: await generateManifestVersion(r.value.groups) };
}

export function createDeploymentMsg(owner: string, dseq: bigint, d: SdlDeployment, deposit: { denom: string; amount: string }): EncodeObject {
  return {
    typeUrl: typeUrl(v1beta4.MsgCreateDeployment),
    value: v1beta4.MsgCreateDeployment.fromPartial({
      id: { owner, dseq: dseq.toString() },
      groups: d.groups,
      hash: d.hash,
      deposit: { amount: deposit, sources: [v1.Source.balance] },
    }),
  };
}

export interface BidIdJson {
  owner: string;
  dseq: string;
  gseq: number;
  oseq: number;
  provider: string;
  bseq: number;
}

export function createLeaseMsg(bidId: BidIdJson): EncodeObject {
  return { typeUrl: typeUrl(v1beta5.MsgCreateLease), value: v1beta5.MsgCreateLease.fromPartial({ bidId }) };
}
