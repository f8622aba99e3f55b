/**
 * chain-sdk's validation (schema + SDLValidator, run by generateManifest) plus the provider- and chain-side rules
 * chain-sdk misses, all reported at exact source positions.
 *
 * Deliberate differences from chain-sdk (each named in lib/sdl/check.test.ts):
 * - unknown keys and `params.tee` are errors as in chain-sdk, with messages saying what to use instead
 *   (lib/sdl/rules/unknown-keys.ts explains why);
 * - errors chain-sdk does not raise: service names the provider rejects, invalid env var names, resource limits
 *   of the chain, price denoms other than uakt/uact, references to undefined services;
 * - warnings only: no global expose, env entries without `=`, unused profiles, GPUs without a model.
 */
import type { NetworkId, SDLInput } from "@akashnetwork/chain-sdk";

import type { SdlDiagnostic } from "@/lib/sdl/diagnostics";
import { SDL_MAX_EXPANDED_NODES } from "@/lib/sdl/limits";
import { buildManifest, type ManifestBuild } from "@/lib/sdl/manifest";
import type { ParsedSdl } from "@/lib/sdl/parse";
import { isRecord, RuleContext } from "@/lib/sdl/rules/context";
import { checkProfiles } from "@/lib/sdl/rules/profiles";
import { checkResources } from "@/lib/sdl/rules/resources";
import { reportChainSdkErrors } from "@/lib/sdl/rules/schema";
import { checkServices } from "@/lib/sdl/rules/services";

export interface ValidationOutcome {
  diagnostics: SdlDiagnostic[];
  /** chain-sdk's output when it accepted the SDL (even if our extra rules did not). */
  build: Extract<ManifestBuild, { ok: true }> | null;
}

export async function validateParsedSdl(parsed: ParsedSdl, networkId: NetworkId): Promise<ValidationOutcome> {
  const value = parsed.value;
  if (!isRecord(value)) {
    const ctx = new RuleContext(parsed, {});
    ctx.report({
      code: "sdl.not_mapping",
      message:
        value === undefined || value === null
          ? "The SDL is empty: it needs `version`, `services`, `profiles` and `deployment`."
          : "An SDL is a YAML mapping with `version`, `services`, `profiles` and `deployment` at the top level.",
      path: [],
    });
    return { diagnostics: strip(ctx), build: null };
  }

  const ctx = new RuleContext(parsed, value);
  if (parsed.usesAnchors && expandedSize(value) > SDL_MAX_EXPANDED_NODES) {
    ctx.report({
      code: "sdl.too_large",
      message: `YAML aliases expand this SDL to more than ${SDL_MAX_EXPANDED_NODES.toLocaleString("en")} nodes; it is refused to keep the editor responsive.`,
      path: [],
    });
    return { diagnostics: strip(ctx), build: null };
  }

  checkServices(ctx);
  checkProfiles(ctx);
  checkResources(ctx);

  let build: ValidationOutcome["build"] = null;
  try {
    const result = await buildManifest(value as unknown as SDLInput, networkId);
    if (result.ok) build = result;
    else reportChainSdkErrors(ctx, result.errors);
  } catch (err) {
    // chain-sdk assumes a schema-valid, cross-referenced SDL when it builds groups and throws on what our rules
    // already reported (e.g. a deployment entry for an undefined service). Only say more if nothing explains it.
    if (!ctx.diagnostics.some((d) => d.severity === "error")) {
      ctx.report({
        code: "sdl.manifest",
        message: `chain-sdk could not build a manifest from this SDL: ${err instanceof Error ? err.message : String(err)}.`,
        path: [],
      });
    }
  }
  return { diagnostics: strip(ctx), build };
}

function strip(ctx: RuleContext): SdlDiagnostic[] {
  return ctx.diagnostics.map(({ subject: _subject, ...d }) => d);
}

/** Node count with aliases expanded, memoized per shared object so it stays linear in the source size. */
function expandedSize(root: unknown): number {
  const memo = new Map<object, number>();
  const visit = (v: unknown): number => {
    if (typeof v !== "object" || v === null) return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    memo.set(v, 1); // cycles (js-yaml can build them with aliases) count once
    let n = 1;
    for (const child of Object.values(v)) {
      n += visit(child);
      if (n > SDL_MAX_EXPANDED_NODES) break;
    }
    memo.set(v, n);
    return n;
  };
  return visit(root);
}
