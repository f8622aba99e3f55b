/**
 * What MsgCreateDeployment carries, derived from the SDL text in one pass of chain-sdk's generateManifest: the
 * group specs go on chain, the manifest goes to the provider, and the hash signed on chain is sha256 of the very
 * JSON that will be sent. Deriving both from one run is what keeps the provider's version check (422) from failing.
 */
import { load } from "js-yaml";
import { generateManifest, manifestToSortedJSON, type NetworkId, type SDLInput } from "@akashnetwork/chain-sdk";
import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { AppError } from "@/lib/errors/app-error";
import { bytesToHex } from "@/lib/sdl/manifest";

export interface DeploymentPayload {
  groupSpecs: GroupSpec[];
  manifestJson: string;
  hash: Uint8Array;
  manifestVersion: string;
  /** the price denom every group uses; the deposit must be in it */
  denom: string;
}

export async function buildDeploymentPayload(sdlText: string, networkId: NetworkId = "mainnet"): Promise<DeploymentPayload> {
  let sdl: SDLInput;
  try {
    sdl = load(sdlText) as SDLInput;
  } catch (err) {
    throw new AppError("sdl.invalid", `The SDL is not valid YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = generateManifest(sdl, networkId);
  if (!result.ok) {
    throw new AppError("sdl.invalid", `The SDL is invalid (${result.value[0]?.message ?? "unknown error"}); fix it in the editor first.`);
  }
  const manifestJson = manifestToSortedJSON(result.value.groups);
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(manifestJson)));
  const denoms = new Set(result.value.groupSpecs.flatMap((g) => g.resources.map((r) => r.price?.denom ?? "")));
  if (denoms.size !== 1) {
    throw new AppError("sdl.invalid", `Every group must be priced in the same denom to share one deposit; this SDL uses ${[...denoms].join(" and ")}.`);
  }
  return { groupSpecs: result.value.groupSpecs, manifestJson, hash, manifestVersion: bytesToHex(hash), denom: [...denoms][0]! };
}
