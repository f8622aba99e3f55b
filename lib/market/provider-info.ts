import { z } from "zod";
import type { Attribute } from "@/lib/chain/rest-schemas";
import { gpusOffered } from "@/lib/market/gpu-attributes";

/**
 * What the bid table shows about a provider, derived from its on-chain record (attributes, host URI), the
 * auditors' signed attributes, and our own probes. Attribute names follow the provider attribute schema the
 * official console publishes (akash-network/console config/provider-attributes.json): region / location-region,
 * country, city, organization, capabilities/gpu/vendor/<vendor>/model/<model>. Pure: used by the server route
 * and by the browser (the schema validates the route's answer there).
 */

/** Auditors whose names the console knows (akash-network/console config/auditors.json); others show as addresses. */
export const KNOWN_AUDITORS: Readonly<Record<string, string>> = {
  akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63: "Overclock Labs",
};

export const providerInfoSchema = z.object({
  owner: z.string(),
  hostUri: z.string(),
  /** organization attribute, else the host name of the URI */
  name: z.string(),
  organization: z.string().nullable(),
  region: z.string().nullable(),
  /** "city, country" or the location-region attribute */
  location: z.string().nullable(),
  gpus: z.array(z.object({ vendor: z.string(), model: z.string() })),
  auditedBy: z.array(z.object({ address: z.string(), name: z.string().nullable() })),
  /** share of successful probes over the last 24 h, 0..100; null when we have not probed it */
  uptime24h: z.number().min(0).max(100).nullable(),
  probes24h: z.number().int().nonnegative(),
  lastProbeAt: z.string().nullable(),
  /** leaf certificate SHA-256 seen by a probe made while answering this request (not stored yet) */
  tlsFingerprint256: z.string().nullable(),
  attributes: z.array(z.object({ key: z.string(), value: z.string() })),
  /** "chain" when read now, "snapshot" when the chain could not be read and our last copy is shown */
  source: z.enum(["chain", "snapshot"]),
});

export type ProviderInfo = z.infer<typeof providerInfoSchema>;

export const providersAnswerSchema = z.object({
  network: z.string(),
  providers: z.array(providerInfoSchema),
  /** owners with no provider record on chain nor in our snapshots */
  unknown: z.array(z.string()),
});
export type ProvidersAnswer = z.infer<typeof providersAnswerSchema>;

export interface ProviderInfoInput {
  owner: string;
  hostUri: string;
  attributes: readonly Attribute[];
  /** auditor addresses that signed attributes of this provider */
  auditors: readonly string[];
  probes?: { total: number; ok: number; lastAt: Date | null } | null;
  tlsFingerprint256?: string | null;
  source?: "chain" | "snapshot";
}

export function attributeValue(attributes: readonly Attribute[], ...keys: string[]): string | null {
  for (const key of keys) {
    const v = attributes.find((a) => a.key === key)?.value?.trim();
    if (v) return v;
  }
  return null;
}

/** distinct vendor/model pairs the provider advertises (the /ram/… and /interface/… variants are the same GPU) */
export function gpusOf(attributes: readonly Attribute[]): { vendor: string; model: string }[] {
  return [...gpusOffered(attributes).values()].map(({ vendor, model }) => ({ vendor, model }));
}

export function uptimePercent(probes: { total: number; ok: number } | null | undefined): number | null {
  if (!probes || probes.total === 0) return null;
  return Math.round((probes.ok / probes.total) * 1000) / 10;
}

function hostName(hostUri: string): string {
  try {
    return new URL(hostUri).hostname;
  } catch {
    return hostUri;
  }
}

export function providerInfoFrom(p: ProviderInfoInput): ProviderInfo {
  const organization = attributeValue(p.attributes, "organization", "org");
  const city = attributeValue(p.attributes, "city", "location-city");
  const country = attributeValue(p.attributes, "country", "location-country");
  const place = [city, country].filter(Boolean).join(", ");
  return {
    owner: p.owner,
    hostUri: p.hostUri,
    name: organization ?? hostName(p.hostUri),
    organization,
    region: attributeValue(p.attributes, "region", "location-region"),
    location: place || attributeValue(p.attributes, "location-region"),
    gpus: gpusOf(p.attributes),
    auditedBy: [...new Set(p.auditors)].map((address) => ({ address, name: KNOWN_AUDITORS[address] ?? null })),
    uptime24h: uptimePercent(p.probes),
    probes24h: p.probes?.total ?? 0,
    lastProbeAt: p.probes?.lastAt?.toISOString() ?? null,
    tlsFingerprint256: p.tlsFingerprint256 ?? null,
    attributes: p.attributes.map((a) => ({ key: a.key, value: a.value })),
    source: p.source ?? "chain",
  };
}
