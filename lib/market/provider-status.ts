import { z } from "zod";

/**
 * A provider's free capacity, from its gateway's `GET /status` (akash-network/provider: cluster.inventory.available
 * with per-node `available` cpu in millicores, memory and ephemeral storage in bytes, gpu count; persistent storage
 * per class). Some gateways also list each node's GPUs by model (vendor, name, available), as the devnet's does.
 * Whatever a provider sends is bounded and checked here: an answer without an inventory is `null` ("not reported"),
 * never a crash nor an empty cluster; numbers that are negative or not finite are refused as a whole.
 */

export const MAX_NODES = 500;
export const MAX_STORAGE_CLASSES = 50;

const quantity = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.number().finite().nonnegative());

const statusSchema = z.object({
  cluster: z.object({
    inventory: z.object({
      available: z.object({
        nodes: z
          .array(
            z.object({
              name: z.string().max(253),
              available: z.object({ cpu: quantity, memory: quantity, storage_ephemeral: quantity.optional(), gpu: quantity.optional() }),
              gpus: z
                .array(z.object({ vendor: z.string().max(64), name: z.string().max(64), available: quantity.optional() }))
                .max(64)
                .optional(),
            }),
          )
          .max(MAX_NODES),
        storage: z.array(z.object({ class: z.string().max(64), size: quantity })).max(MAX_STORAGE_CLASSES).nullish(),
      }),
    }),
  }),
});

export const inventorySchema = z.object({
  nodes: z.array(
    z.object({
      name: z.string(),
      cpu: z.number(),
      memory: z.number(),
      /** free ephemeral storage; null when the node does not say (older gateways), which is not "none free" */
      storage: z.number().nullable(),
      gpu: z.number(),
      /** free GPUs by "vendor/model", when the gateway says which */
      gpus: z.record(z.string(), z.number()),
    }),
  ),
  storage: z.array(z.object({ class: z.string(), free: z.number() })),
});
export type Inventory = z.infer<typeof inventorySchema>;

/** The inventory in a /status answer, or null when it has none or it does not read as one. */
export function inventoryFromStatus(body: unknown): Inventory | null {
  const r = statusSchema.safeParse(body);
  if (!r.success) return null;
  const a = r.data.cluster.inventory.available;
  return {
    nodes: a.nodes.map((n) => {
      const gpus: Record<string, number> = {};
      for (const g of n.gpus ?? []) gpus[`${g.vendor.toLowerCase()}/${g.name.toLowerCase()}`] = (gpus[`${g.vendor.toLowerCase()}/${g.name.toLowerCase()}`] ?? 0) + (g.available ?? 0);
      return { name: n.name, cpu: n.available.cpu, memory: n.available.memory, storage: n.available.storage_ephemeral ?? null, gpu: n.available.gpu ?? 0, gpus };
    }),
    storage: (a.storage ?? []).map((s) => ({ class: s.class, free: s.size })),
  };
}

/** Totals for the directory: free CPU (millicores), memory and ephemeral storage (bytes), GPUs, by model where known. */
export function inventoryTotals(inv: Inventory) {
  const gpusByModel: Record<string, number> = {};
  for (const n of inv.nodes) for (const [k, v] of Object.entries(n.gpus)) gpusByModel[k] = (gpusByModel[k] ?? 0) + v;
  return {
    cpu: inv.nodes.reduce((s, n) => s + n.cpu, 0),
    memory: inv.nodes.reduce((s, n) => s + n.memory, 0),
    storage: inv.nodes.reduce((s, n) => s + (n.storage ?? 0), 0),
    gpu: inv.nodes.reduce((s, n) => s + n.gpu, 0),
    gpusByModel,
  };
}

/**
 * Where a provider's /status contradicts its on-chain attributes (what it bids on): GPU models its nodes report that
 * it does not advertise, and advertised models no node has, when its nodes say which GPUs they hold. Empty when
 * they agree or the status does not tell. The directory marks such a provider; the figures stay as reported.
 */
export function inventoryDisagreements(advertised: readonly { vendor: string; model: string }[], inv: Inventory): string[] {
  const reported = new Set(inv.nodes.flatMap((n) => Object.keys(n.gpus)));
  const nodesSayWhich = inv.nodes.some((n) => Object.keys(n.gpus).length > 0);
  if (!nodesSayWhich) return [];
  const claimed = new Set(advertised.map((g) => `${g.vendor.toLowerCase()}/${g.model.toLowerCase()}`));
  const out: string[] = [];
  for (const k of reported) if (!claimed.has(k)) out.push(`its nodes report ${k.replace("/", " ")} GPUs it does not advertise on chain`);
  for (const k of claimed) if (!reported.has(k)) out.push(`it advertises ${k.replace("/", " ")} on chain, but no node reports one`);
  return out;
}
