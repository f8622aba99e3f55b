import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateManifest, generateManifestVersion, type SDLInput, yaml } from "@akashnetwork/chain-sdk";
import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";

/**
 * Test support: real SDLs from the shared corpus (../shared/sdl-corpus beside the repo, or $SHARED_DIR), turned
 * into groups and a manifest hash by chain-sdk itself, so message tests run on what tenants really deploy.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export function sharedDir(): string {
  return process.env.SHARED_DIR ?? path.resolve(repoRoot, "../shared");
}

export interface CorpusDeployment {
  groups: GroupSpec[];
  hash: Uint8Array;
}

export async function corpusDeployment(file: string): Promise<CorpusDeployment> {
  const text = readFileSync(path.join(sharedDir(), "sdl-corpus", file), "utf8");
  // chain-sdk's own YAML loader (js-yaml): some corpus files are YAML that stricter parsers reject
  const result = generateManifest(yaml.template<SDLInput>(text));
  if (!result.ok) throw new Error(`${file}: chain-sdk rejects this SDL: ${JSON.stringify(result.value)}`);
  const hash = await generateManifestVersion(result.value.groups);
  return { groups: result.value.groupSpecs, hash };
}
