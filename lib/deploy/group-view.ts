import type { ChainGroupSpec } from "@/lib/chain/rest-schemas";
import type { GroupView } from "@/lib/sdl/manifest";

/**
 * A group spec as the chain's REST API returns it, in the shape the SDL preview produces (GroupView), so a
 * deployment created elsewhere (the CLI, another console) gets the same bid tables as one created here.
 */
export function groupViewFromChain(spec: ChainGroupSpec): GroupView {
  const nonEmpty = <T,>(list: T[]): T[] | null => (list.length ? list : null);
  // like the preview's JSON (Go's omitempty), empty attribute lists are left out
  const attrs = (list: { key: string; value: string }[] | undefined) => (list?.length ? { attributes: list } : {});
  return {
    name: spec.name,
    requirements: {
      signed_by: { all_of: nonEmpty(spec.requirements.signedBy.allOf), any_of: nonEmpty(spec.requirements.signedBy.anyOf) },
      attributes: nonEmpty(spec.requirements.attributes),
    },
    resources: spec.resources.map((r) => ({
      resource: {
        id: r.resource?.id ?? 0,
        cpu: { units: { val: r.resource?.cpu?.units?.val ?? "0" }, ...attrs(r.resource?.cpu?.attributes) },
        memory: { size: { val: r.resource?.memory?.quantity?.val ?? "0" }, ...attrs(r.resource?.memory?.attributes) },
        storage: (r.resource?.storage ?? []).map((s) => ({ name: s.name, size: { val: s.quantity?.val ?? "0" }, ...attrs(s.attributes) })),
        gpu: { units: { val: r.resource?.gpu?.units?.val ?? "0" }, ...attrs(r.resource?.gpu?.attributes) },
        endpoints: (r.resource?.endpoints ?? []).map((e) => ({ kind: typeof e.kind === "number" ? e.kind : undefined, sequence_number: e.sequence_number ?? 0 })),
      },
      count: r.count,
      price: r.price ?? { denom: "", amount: "0" },
    })),
  };
}
