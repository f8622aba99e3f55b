/**
 * GPU attributes, read once for the whole market: the filter an SDL (or a bid's resources offer) puts on its GPUs,
 * and the GPUs a provider advertises. Both are path-like attribute keys (chain-sdk writes the first, providers
 * publish the second, per the attribute schema akash-network/console config/provider-attributes.json):
 *
 *   SDL / bid:  vendor/<vendor>[/model/<model>[/ram/<size>][/interface/<pcie|sxm>]]  = "true"  (`*` for any model)
 *   provider:   capabilities/gpu/vendor/<vendor>/model/<model>[/ram/<size>|/interface/<iface>] = "true"
 *
 * Written here because no library reads them: chain-sdk builds the SDL side and never matches it against providers.
 * Names are compared lowercased, as the provider's own matcher does; "sxm" takes any SXM generation (sxm4, sxm5).
 */

export interface KeyValue {
  key: string;
  value: string;
}

/** one GPU an SDL takes; null fields take any */
export interface GpuFilter {
  vendor: string;
  model: string | null;
  ram: string | null;
  iface: string | null;
}

/** a GPU model a provider advertises, with the memory sizes and interfaces it names for it */
export interface OfferedGpu {
  /** "nvidia/h100" */
  key: string;
  vendor: string;
  model: string;
  memory: Set<string>;
  interfaces: Set<string>;
}

/** the GPU filters of an SDL's (or a bid's) GPU attributes; [] takes any GPU */
export function gpuFiltersOf(attributes: readonly KeyValue[] | null | undefined): GpuFilter[] {
  return (attributes ?? []).flatMap((a) => {
    const p = a.key.toLowerCase().split("/");
    if (a.value.toLowerCase() !== "true" || p[0] !== "vendor" || !p[1]) return [];
    const f: GpuFilter = { vendor: p[1], model: p[2] === "model" && p[3] && p[3] !== "*" ? p[3] : null, ram: null, iface: null };
    for (let i = 4; i + 1 < p.length; i += 2) {
      if (p[i] === "ram") f.ram = p[i + 1]!;
      if (p[i] === "interface") f.iface = p[i + 1]!;
    }
    return [f];
  });
}

/** "nvidia h100 80gi sxm", "nvidia (any model)" */
export function gpuFilterLabel(f: GpuFilter): string {
  return [f.vendor, f.model ?? "(any model)", f.ram, f.iface].filter(Boolean).join(" ");
}

const OFFERED = /^capabilities\/gpu\/vendor\/([^/]+)\/model\/([^/]+)(?:\/(ram|interface)\/([^/]+))?$/i;

/** the GPU models a provider advertises, by "vendor/model"; an attribute set to "false" offers nothing */
export function gpusOffered(attributes: readonly KeyValue[]): Map<string, OfferedGpu> {
  const out = new Map<string, OfferedGpu>();
  for (const a of attributes) {
    const m = OFFERED.exec(a.key);
    if (!m || a.value.toLowerCase() === "false") continue;
    const [vendor, model] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
    const key = `${vendor}/${model}`;
    const o = out.get(key) ?? { key, vendor, model, memory: new Set<string>(), interfaces: new Set<string>() };
    // memory as the provider writes it ("80Gi"), for display; compared lowercased
    if (m[3]?.toLowerCase() === "ram") o.memory.add(m[4]!);
    if (m[3]?.toLowerCase() === "interface") o.interfaces.add(m[4]!.toLowerCase());
    out.set(key, o);
  }
  return out;
}

/** the filter takes this advertised GPU: vendor and model, and the memory and interface when the filter names them */
export function filterTakes(f: GpuFilter, gpu: OfferedGpu): boolean {
  return (
    f.vendor === gpu.vendor &&
    (f.model === null || f.model === gpu.model) &&
    (f.ram === null || [...gpu.memory].some((r) => r.toLowerCase() === f.ram)) &&
    (f.iface === null || [...gpu.interfaces].some((i) => i === f.iface || (f.iface === "sxm" && i.startsWith("sxm"))))
  );
}

/** some advertised GPU is one the filters take ([] takes any GPU) */
export function offersWanted(offered: ReadonlyMap<string, OfferedGpu>, filters: readonly GpuFilter[]): boolean {
  if (filters.length === 0) return offered.size > 0;
  return [...offered.values()].some((g) => filters.some((f) => filterTakes(f, g)));
}

/**
 * The filters take GPUs of this "vendor/model" as far as the model tells (a node's free GPUs are counted per model,
 * without memory or interface: those were checked against the provider's attributes).
 */
export function takesModel(filters: readonly GpuFilter[], key: string): boolean {
  if (filters.length === 0) return true;
  const [vendor, model] = key.toLowerCase().split("/");
  return filters.some((f) => f.vendor === vendor && (f.model === null || f.model === model));
}
