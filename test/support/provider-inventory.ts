/** A devnet provider profile's whole capacity as the console's Inventory (nothing leased), for tests and benches. */
import type { Inventory } from "@/lib/market/provider-status";
import type { ProviderProfile } from "../../devnet/provider/profiles";

export function inventoryOfProfile(p: ProviderProfile): Inventory {
  return {
    nodes: p.nodes.map((n) => ({
      name: n.name,
      cpu: n.cpu,
      memory: n.memory,
      storage: n.ephemeralStorage,
      gpu: n.gpu?.count ?? 0,
      gpus: n.gpu ? { [`${n.gpu.vendor}/${n.gpu.model}`]: n.gpu.count } : {},
    })),
    storage: p.persistentStorage.map((s) => ({ class: s.class, free: s.size })),
  };
}
