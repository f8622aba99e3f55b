/**
 * Manifest, group specs and manifest version, produced by chain-sdk itself (never reimplemented here): the provider
 * compares the version hash of the manifest we send with the one signed on chain, so a single differing byte makes
 * the lease unusable.
 */
import {
  generateManifest,
  manifestToSortedJSON,
  type GenerateManifestResult,
  type Manifest,
  type NetworkId,
  type SDLInput,
  type ValidationError,
} from "@akashnetwork/chain-sdk";

/** One attribute of a placement, storage volume or GPU, as in group-specs.json. */
export interface AttributeView {
  key: string;
  value: string;
}

/**
 * A deployment group as it goes on chain, in the JSON form of chain-sdk's testdata `group-specs.json`
 * (the Go JSON encoding of GroupSpec: snake_case for signed_by / sequence_number, `size` for quantities,
 * empty attributes and zero kinds omitted, prices as 18-decimal DecCoin strings).
 */
export interface GroupView {
  name: string;
  requirements: {
    signed_by: { all_of: string[] | null; any_of: string[] | null };
    /** null when the placement has no attributes, like Go's JSON encoding of an empty slice. */
    attributes: AttributeView[] | null;
  };
  resources: {
    resource: {
      id: number;
      cpu: { units: { val: string }; attributes?: AttributeView[] };
      memory: { size: { val: string }; attributes?: AttributeView[] };
      storage: { name: string; size: { val: string }; attributes?: AttributeView[] }[];
      gpu: { units: { val: string }; attributes?: AttributeView[] };
      endpoints?: { kind?: number; sequence_number: number }[];
    };
    count: number;
    price: { denom: string; amount: string };
  }[];
}

export type ManifestBuild =
  | { ok: false; errors: ValidationError[] }
  | { ok: true; groups: GroupView[]; manifest: unknown; manifestJson: string; manifestVersion: string };

/** Runs chain-sdk's generateManifest (which runs validateSDL first) and derives every output from its result. */
export async function buildManifest(sdl: SDLInput, networkId: NetworkId): Promise<ManifestBuild> {
  const result: GenerateManifestResult = generateManifest(sdl, networkId);
  if (!result.ok) return { ok: false, errors: result.value };
  const groups: Manifest = result.value.groups;
  const manifestJson = manifestToSortedJSON(groups);
  return {
    ok: true,
    groups: toGroupViews(manifestToSortedJSON(result.value.groupSpecs)),
    manifest: JSON.parse(manifestJson) as unknown,
    manifestJson,
    manifestVersion: await sha256Hex(manifestJson),
  };
}

/**
 * Lowercase hex SHA-256 of the sorted manifest JSON. This is what chain-sdk's generateManifestVersion computes
 * (it serializes with manifestToSortedJSON and hashes the UTF-8 bytes); we hash the string we already have instead
 * of serializing twice. lib/sdl/check.test.ts asserts equality with generateManifestVersion on every corpus file.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return bytesToHex(new Uint8Array(digest));
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

type SortedSpec = {
  name: string;
  requirements?: { attributes?: AttributeView[]; signedBy?: { allOf?: string[]; anyOf?: string[] } };
  resources?: { count: number; price?: { denom: string; amount: string }; resource: GroupView["resources"][number]["resource"] }[];
};

/**
 * manifestToSortedJSON already renders bytes as strings, renames quantity/sequenceNumber and drops zero kinds and
 * empty attributes like Go does; what is left is Go's naming of SignedBy and the DecCoin amount.
 */
function toGroupViews(sortedJson: string): GroupView[] {
  const specs = JSON.parse(sortedJson) as SortedSpec[];
  return specs.map((spec) => {
    const signedBy = spec.requirements?.signedBy ?? {};
    const requirements: GroupView["requirements"] = {
      signed_by: { all_of: nonEmpty(signedBy.allOf), any_of: nonEmpty(signedBy.anyOf) },
      attributes: null,
    };
    requirements.attributes = spec.requirements?.attributes ?? null;
    return {
      name: spec.name,
      requirements,
      resources: (spec.resources ?? []).map((ru) => ({
        resource: ru.resource,
        count: ru.count,
        price: { denom: ru.price?.denom ?? "", amount: toDecCoinAmount(ru.price?.amount ?? "0") },
      })),
    };
  });
}

function nonEmpty(list: string[] | undefined): string[] | null {
  return list && list.length > 0 ? list : null;
}

/** "50" -> "50.000000000000000000", "0.5" -> "0.500000000000000000" (cosmos LegacyDec has 18 decimals). */
export function toDecCoinAmount(amount: string): string {
  let text = amount.trim();
  if (/e/i.test(text)) {
    const n = Number(text);
    text = Number.isFinite(n) ? n.toFixed(18) : text;
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return text;
  const int = (m[1] || "0").replace(/^0+(?=\d)/, "");
  const frac = (m[2] ?? "").slice(0, 18).padEnd(18, "0");
  return `${int}.${frac}`;
}
