import { formatBytes, formatMillicores } from "@/lib/format/units";
import { gpuFiltersOf, takesModel, type GpuFilter } from "@/lib/market/gpu-attributes";
import { resourceQuantity } from "@/lib/market/no-bids";
import type { Inventory } from "@/lib/market/provider-status";
import type { GroupView } from "@/lib/sdl/check";

/**
 * Whether a provider's free capacity (its last /status) can hold these groups: every replica of every resource unit
 * placed first-fit on one node (CPU, memory with RAM volumes, ephemeral storage, GPUs of a model the SDL takes when
 * the node says which), persistent volumes from the class's free pool; as the provider's bid engine reserves them.
 * Returns the first unit that does not fit, in the tenant's words, or null when all fit.
 */
export function capacityShortfall(groups: readonly GroupView[], inv: Inventory): string | null {
  const nodes = inv.nodes.map((n) => ({ ...n, gpus: { ...n.gpus } }));
  const pools = new Map(inv.storage.map((s) => [s.class, s.free]));
  for (const g of groups) {
    for (const { resource: r, count } of g.resources) {
      const cpu = resourceQuantity(r.cpu?.units);
      const gpu = resourceQuantity(r.gpu?.units);
      let memory = resourceQuantity(r.memory?.size);
      let ephemeral = 0;
      for (const s of r.storage) {
        const attr = (k: string) => s.attributes?.find((a) => a.key === k)?.value;
        const size = resourceQuantity(s.size);
        if (attr("class") === "ram") memory += size;
        else if (attr("persistent") === "true") {
          const cls = attr("class") ?? "";
          const free = pools.get(cls);
          // a class the status does not list is not known to be short: the attributes already said it exists
          if (free === undefined) continue;
          if (free < size * count) return `${formatBytes(size * count)} of ${cls} storage (${formatBytes(free)} free)`;
          pools.set(cls, free - size * count);
        } else ephemeral += size;
      }
      const models = gpuFiltersOf(r.gpu?.attributes);
      for (let i = 0; i < count; i++) {
        const node = nodes.find((n) => n.cpu >= cpu && n.memory >= memory && (n.storage === null || n.storage >= ephemeral) && (gpu === 0 || gpuRoom(n, gpu, models)));
        if (!node) {
          const what = [formatMillicores(cpu), `${formatBytes(memory)} memory`, gpu ? `${gpu} GPU${gpu > 1 ? "s" : ""}` : null].filter(Boolean).join(", ");
          return `a node with ${what} free${count > 1 ? ` for each of ${count} replicas` : ""}`;
        }
        node.cpu -= cpu;
        node.memory -= memory;
        if (node.storage !== null) node.storage -= ephemeral;
        if (gpu > 0) takeGpus(node, gpu, models);
      }
    }
  }
  return null;
}

function gpuRoom(n: Inventory["nodes"][number], need: number, models: readonly GpuFilter[]): boolean {
  if (n.gpu < need) return false;
  const byModel = Object.entries(n.gpus);
  // a node that does not say which GPUs it has is judged on the count (the attributes checked the model)
  return byModel.length === 0 || byModel.some(([k, free]) => takesModel(models, k) && free >= need);
}

function takeGpus(n: Inventory["nodes"][number], need: number, models: readonly GpuFilter[]): void {
  n.gpu -= need;
  const hit = Object.entries(n.gpus).find(([k, free]) => takesModel(models, k) && free >= need);
  if (hit) n.gpus[hit[0]] = hit[1] - need;
}
