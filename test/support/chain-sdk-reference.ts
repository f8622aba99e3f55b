/**
 * The reference the SDL conformance tests compare with: chain-sdk's own loader, validation, manifest and version,
 * and the expected outputs of chain-sdk's test data (test/data/chain-sdk). The console's code never runs here.
 */
import { readdirSync } from "node:fs";
import { generateManifest, generateManifestVersion, yaml, type SDLInput } from "@akashnetwork/chain-sdk";
import { SDL_INPUT_DIR, SDL_OUTPUT_DIR, testDataPath } from "./test-data";

export interface OutputFixture {
  /** `v2.0/simple`, `v2.1/credentials`... */
  name: string;
  input: string;
  manifest: string;
  groups: string;
}

/** chain-sdk's valid SDL fixtures with the manifest and group specs it produces for them. */
export function outputFixtures(): OutputFixture[] {
  const out: OutputFixture[] = [];
  for (const version of ["v2.0", "v2.1"]) {
    const dir = testDataPath(SDL_INPUT_DIR, version);
    for (const name of readdirSync(dir).sort()) {
      out.push({
        name: `${version}/${name}`,
        input: testDataPath(dir, name, "input.yaml"),
        manifest: testDataPath(SDL_OUTPUT_DIR, version, name, "manifest.json"),
        groups: testDataPath(SDL_OUTPUT_DIR, version, name, "group-specs.json"),
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
