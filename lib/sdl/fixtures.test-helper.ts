/** Test data shared by the sdl tests and the bench: the SDL corpus and chain-sdk's testdata, next to the repo. */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { generateManifest, generateManifestVersion, yaml, type SDLInput } from "@akashnetwork/chain-sdk";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** `SHARED_DIR` if set, else `../shared` next to the repository (the CI clone and /work/main + /work/shared). */
export const SHARED_DIR = path.resolve(process.env.SHARED_DIR ?? path.join(repoRoot, "../shared"));
export const CORPUS_DIR = path.join(SHARED_DIR, "sdl-corpus");
export const TESTDATA_DIR = path.join(SHARED_DIR, "chain-sdk-testdata");
export const SDL_INPUT_DIR = path.join(TESTDATA_DIR, "testdata/sdl/input");
export const SDL_OUTPUT_DIR = path.join(TESTDATA_DIR, "testdata/sdl/output-fixtures");
export const GO_FIXTURES_DIR = path.join(TESTDATA_DIR, "go/sdl/_testdata");

export function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort()
    .map((f) => path.join(dir, f));
}

export function corpusFiles(): string[] {
  return yamlFiles(CORPUS_DIR);
}

/** Valid fixtures with expected outputs: `v2.0/simple`, `v2.1/credentials`... */
export function outputFixtures(): { name: string; input: string; manifest: string; groups: string }[] {
  const out = [];
  for (const version of ["v2.0", "v2.1"]) {
    const dir = path.join(SDL_INPUT_DIR, version);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      out.push({
        name: `${version}/${name}`,
        input: path.join(dir, name, "input.yaml"),
        manifest: path.join(SDL_OUTPUT_DIR, version, name, "manifest.json"),
        groups: path.join(SDL_OUTPUT_DIR, version, name, "group-specs.json"),
      });
    }
  }
  return out;
}

/** chain-sdk's own loader (js-yaml behind its `yaml` template tag), so the reference never touches our code. */
export function chainSdkLoad(text: string): unknown {
  return yaml(Object.assign([text], { raw: [text] }) as unknown as TemplateStringsArray);
}

export interface Reference {
  valid: boolean;
  manifestVersion: string | null;
  reason?: string;
}

/** The reference: chain-sdk's load + validateSDL (inside generateManifest) + generateManifest + generateManifestVersion. */
export async function chainSdkReference(text: string): Promise<Reference> {
  try {
    const result = generateManifest(chainSdkLoad(text) as SDLInput, "mainnet");
    if (!result.ok) return { valid: false, manifestVersion: null, reason: result.value.map((e) => e.message).join("; ") };
    const version = await generateManifestVersion(result.value.groups);
    return { valid: true, manifestVersion: Buffer.from(version).toString("hex") };
  } catch (err) {
    return { valid: false, manifestVersion: null, reason: `throws: ${err instanceof Error ? err.message : String(err)}` };
  }
}
