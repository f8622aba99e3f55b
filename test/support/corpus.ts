/**
 * The SDL corpus (test/data/sdl-corpus: SDLs real tenants deploy), read by name, and turned into what a
 * MsgCreateDeployment carries by chain-sdk itself, so that tests run on real deployments and not on hand-made shapes.
 * Lib-free (chain-sdk and yaml only): devnet tests and benches use it too.
 */
import { generateManifest, generateManifestVersion, type SDLInput, yaml } from "@akashnetwork/chain-sdk";
import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import YAML from "yaml";
import { CORPUS_DIR, readTestData, yamlPaths } from "./test-data";

/** Every corpus SDL as an absolute path, sorted by name. */
export function corpusPaths(): string[] {
  return yamlPaths(CORPUS_DIR);
}

/** The text of one corpus SDL, e.g. `corpusFile("Llama-3.1-8B.yaml")`. */
export function corpusFile(name: string): string {
  return readTestData("sdl-corpus", name);
}

/** One corpus SDL parsed as plain YAML, for tests that tweak it before handing it to chain-sdk. */
export function corpusSdl(name: string): unknown {
  return YAML.parse(corpusFile(name));
}

export interface CorpusDeployment {
  groups: GroupSpec[];
  hash: Uint8Array;
}

/** A corpus SDL's group specs and manifest version as chain-sdk computes them. */
export async function corpusDeployment(name: string): Promise<CorpusDeployment> {
  return sdlDeployment(corpusFile(name), name);
}

/** Any SDL text's group specs and manifest version as chain-sdk computes them. */
export async function sdlDeployment(text: string, name = "SDL"): Promise<CorpusDeployment> {
  // chain-sdk's own YAML loader (js-yaml): some corpus files are YAML that stricter parsers reject
  const result = generateManifest(yaml.template<SDLInput>(text));
  if (!result.ok) throw new Error(`${name}: chain-sdk rejects this SDL: ${JSON.stringify(result.value)}`);
  const hash = await generateManifestVersion(result.value.groups);
  return { groups: result.value.groupSpecs, hash };
}
