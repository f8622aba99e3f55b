/**
 * The one entry point for the editor (in a Web Worker), the CLI and the API routes: text in, diagnostics and
 * chain-sdk's outputs out. No Node imports here: this runs in the browser.
 */
import type { NetworkId, SDLInput } from "@akashnetwork/chain-sdk";

import { sortDiagnostics, type SdlDiagnostic } from "@/lib/sdl/diagnostics";
import { SDL_MAX_BYTES } from "@/lib/sdl/limits";
import type { GroupView } from "@/lib/sdl/manifest";
import { parseSdlYaml } from "@/lib/sdl/parse";
import { estimateCost, type CostEstimate } from "@/lib/sdl/price";
import { validateParsedSdl } from "@/lib/sdl/validate";
import { yamlErrorDiagnostic } from "@/lib/sdl/yaml-errors";

export type { GroupView } from "@/lib/sdl/manifest";
export type { CostEstimate } from "@/lib/sdl/price";

export interface SdlCheckResult {
  /** No diagnostic of severity "error". */
  valid: boolean;
  /** Sorted by position. */
  diagnostics: SdlDiagnostic[];
  /** What goes on chain, in the JSON form of chain-sdk's testdata group-specs.json. */
  groups: GroupView[] | null;
  /** chain-sdk's generateManifest groups, as JSON (same as the testdata manifest.json). */
  manifest: unknown | null;
  /** manifestToSortedJSON(manifest): the exact bytes that are hashed. */
  manifestJson: string | null;
  /** Lowercase hex of generateManifestVersion. */
  manifestVersion: string | null;
  estimate: CostEstimate | null;
}

export interface SdlCheckOptions {
  /** chain-sdk's network id ("mainnet" | "sandbox" | "testnet"); it decides which USDC IBC denom is accepted. */
  networkId?: NetworkId;
  /** seconds per block of the network the cost estimate is for (default akashnet-2's) */
  averageBlockTimeSeconds?: number;
}

const EMPTY = { groups: null, manifest: null, manifestJson: null, manifestVersion: null, estimate: null };

export async function checkSdl(text: string, options: SdlCheckOptions = {}): Promise<SdlCheckResult> {
  const bytes = text.length > SDL_MAX_BYTES ? utf8Length(text) : text.length * 3 <= SDL_MAX_BYTES ? text.length : utf8Length(text);
  if (bytes > SDL_MAX_BYTES) {
    const firstLineEnd = text.indexOf("\n");
    const end = Math.min(firstLineEnd === -1 ? text.length : firstLineEnd, 200);
    return {
      valid: false,
      diagnostics: [
        {
          severity: "error",
          code: "sdl.too_large",
          message: `This SDL is ${(bytes / 1_048_576).toFixed(1)} MiB; the console accepts up to 1 MiB (${SDL_MAX_BYTES.toLocaleString("en")} bytes). Real SDLs are a few KB: check that you pasted the right file.`,
          path: "",
          range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: end + 1 },
        },
      ],
      ...EMPTY,
    };
  }

  const parsed = parseSdlYaml(text);
  if (parsed.error) return { valid: false, diagnostics: [yamlErrorDiagnostic(parsed)], ...EMPTY };

  const { diagnostics, build } = await validateParsedSdl(parsed, options.networkId ?? "mainnet");
  sortDiagnostics(diagnostics);
  const valid = !diagnostics.some((d) => d.severity === "error");
  if (!valid || !build) return { valid: valid && build !== null, diagnostics, ...EMPTY };
  return {
    valid,
    diagnostics,
    groups: build.groups,
    manifest: build.manifest,
    manifestJson: build.manifestJson,
    manifestVersion: build.manifestVersion,
    estimate: estimateCost(parsed.value as SDLInput, options.averageBlockTimeSeconds),
  };
}

/** UTF-8 byte length without allocating an encoded copy (a 5 MB paste must be refused quickly). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
