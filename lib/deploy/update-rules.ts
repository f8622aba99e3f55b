import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";

/**
 * What an update may change. MsgUpdateDeployment carries only the new manifest version: the groups on chain stay
 * as they are, and the provider checks the new manifest against them. So the new SDL must produce exactly the same
 * group specs (placement, auditors, resources, counts, prices, endpoints); only what lives in the manifest alone
 * may change: images, commands, args, env, and exposed ports that keep the same endpoints. Each difference is named
 * so the tenant knows which one needs a new deployment instead.
 */
export interface UpdateDifference {
  group: string;
  message: string;
}

type Resource = GroupSpec["resources"][number];
type Attr = { key: string; value: string };

const NEW_DEPLOYMENT = "That needs a new deployment (or change it back).";
const text = (v: Uint8Array | string | undefined) => (v === undefined ? "0" : typeof v === "string" ? v : new TextDecoder().decode(v));
const attrs = (list: readonly Attr[] | undefined) => (list ?? []).map((a) => `${a.key}=${a.value}`).sort().join(", ") || "none";
const ENDPOINT_KIND: Record<number, string> = { 0: "a shared HTTP port", 1: "a random port", 2: "a leased IP" };
const endpoints = (r: Resource) =>
  (r.resource?.endpoints ?? [])
    .map((e) => `${ENDPOINT_KIND[e.kind] ?? `kind ${e.kind}`}${e.sequenceNumber ? ` (IP ${e.sequenceNumber})` : ""}`)
    .sort()
    .join(", ") || "none";

function compareResource(group: string, n: number, before: Resource, after: Resource, out: UpdateDifference[]) {
  const what = `resource ${n} of group "${group}"`;
  const diff = (label: string, a: string, b: string) => {
    if (a !== b) out.push({ group, message: `The ${label} of ${what} changes from ${a} to ${b}. ${NEW_DEPLOYMENT}` });
  };
  diff("count", String(before.count), String(after.count));
  diff("price", `${before.price?.amount ?? "0"} ${before.price?.denom ?? ""}`.trim(), `${after.price?.amount ?? "0"} ${after.price?.denom ?? ""}`.trim());
  diff("CPU (millicores)", text(before.resource?.cpu?.units?.val), text(after.resource?.cpu?.units?.val));
  diff("memory (bytes)", text(before.resource?.memory?.quantity?.val), text(after.resource?.memory?.quantity?.val));
  diff("GPU count", text(before.resource?.gpu?.units?.val), text(after.resource?.gpu?.units?.val));
  diff("GPU attributes", attrs(before.resource?.gpu?.attributes), attrs(after.resource?.gpu?.attributes));
  const storage = (r: Resource) => (r.resource?.storage ?? []).map((s) => `${s.name}: ${text(s.quantity?.val)} bytes [${attrs(s.attributes)}]`).join("; ") || "none";
  diff("storage", storage(before), storage(after));
  const a = endpoints(before);
  const b = endpoints(after);
  if (a !== b) {
    out.push({ group, message: `The exposed endpoints of ${what} change from ${a} to ${b}: a port may change its number, but not become global or not, or need another IP. ${NEW_DEPLOYMENT}` });
  }
}

export function updateDifferences(before: readonly GroupSpec[], after: readonly GroupSpec[]): UpdateDifference[] {
  const out: UpdateDifference[] = [];
  const names = (gs: readonly GroupSpec[]) => gs.map((g) => g.name);
  for (const g of before) if (!names(after).includes(g.name)) out.push({ group: g.name, message: `The placement group "${g.name}" is gone. ${NEW_DEPLOYMENT}` });
  for (const g of after) if (!names(before).includes(g.name)) out.push({ group: g.name, message: `The placement group "${g.name}" is new. ${NEW_DEPLOYMENT}` });
  for (const b of before) {
    const a = after.find((g) => g.name === b.name);
    if (!a) continue;
    if (attrs(b.requirements?.attributes) !== attrs(a.requirements?.attributes)) {
      out.push({ group: b.name, message: `The placement attributes of group "${b.name}" change from ${attrs(b.requirements?.attributes)} to ${attrs(a.requirements?.attributes)}. ${NEW_DEPLOYMENT}` });
    }
    const signed = (g: GroupSpec) => `all of [${(g.requirements?.signedBy?.allOf ?? []).join(", ")}], any of [${(g.requirements?.signedBy?.anyOf ?? []).join(", ")}]`;
    if (signed(b) !== signed(a)) out.push({ group: b.name, message: `The auditors group "${b.name}" asks for change from ${signed(b)} to ${signed(a)}. ${NEW_DEPLOYMENT}` });
    if (b.resources.length !== a.resources.length) {
      out.push({ group: b.name, message: `Group "${b.name}" has ${a.resources.length} resource profiles instead of ${b.resources.length} (a service or profile was added or removed). ${NEW_DEPLOYMENT}` });
      continue;
    }
    b.resources.forEach((r, i) => compareResource(b.name, i + 1, r, a.resources[i]!, out));
  }
  return out;
}
