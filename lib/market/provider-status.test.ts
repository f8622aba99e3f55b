import { describe, expect, it } from "vitest";
import { inventoryDisagreements, inventoryFromStatus, inventoryTotals, MAX_NODES } from "@/lib/market/provider-status";

/** the shape akash-network/provider's gateway answers GET /status with (cpu in millicores, bytes elsewhere) */
const status = (nodes: unknown[], storage: unknown = [{ class: "beta3", size: 2_000_000_000_000 }]) => ({
  cluster: { leases: 3, inventory: { active: [], available: { nodes, storage } } },
  bidengine: { orders: 1 },
  manifest: { deployments: 3 },
  cluster_public_hostname: "provider.example.com",
});

describe("inventoryFromStatus", () => {
  it("reads each node's free CPU, memory, ephemeral storage and GPUs, by model when the node says, and the storage pools", () => {
    const inv = inventoryFromStatus(
      status([
        { name: "n1", allocatable: { cpu: 64000 }, available: { cpu: 60000, memory: 500_000_000_000, storage_ephemeral: "1000000000000", gpu: 6 }, gpus: [{ vendor: "NVIDIA", name: "H100", available: 6 }] },
        { name: "n2", available: { cpu: 8000, memory: 32_000_000_000 } },
      ]),
    )!;
    expect(inv.nodes).toEqual([
      { name: "n1", cpu: 60000, memory: 500_000_000_000, storage: 1_000_000_000_000, gpu: 6, gpus: { "nvidia/h100": 6 } },
      // a node that does not say its free ephemeral storage: unknown, not none
      { name: "n2", cpu: 8000, memory: 32_000_000_000, storage: null, gpu: 0, gpus: {} },
    ]);
    expect(inv.storage).toEqual([{ class: "beta3", free: 2_000_000_000_000 }]);
    expect(inventoryTotals(inv)).toEqual({ cpu: 68000, memory: 532_000_000_000, storage: 1_000_000_000_000, gpu: 6, gpusByModel: { "nvidia/h100": 6 } });
  });

  it("gives null, not an empty cluster, for an answer without an inventory, a malformed one, or a lying one", () => {
    expect(inventoryFromStatus({ cluster_public_hostname: "x" })).toBeNull();
    expect(inventoryFromStatus(status([{ name: "n1", available: { cpu: -5, memory: 1 } }]))).toBeNull();
    expect(inventoryFromStatus(status([{ name: "n1", available: { cpu: "lots", memory: 1 } }]))).toBeNull();
    expect(inventoryFromStatus(status([{ name: "n1", available: { cpu: Number.POSITIVE_INFINITY, memory: 1 } }]))).toBeNull();
    expect(inventoryFromStatus("<html>")).toBeNull();
    expect(inventoryFromStatus(null)).toBeNull();
  });

  it("refuses a status listing more nodes than any cluster has", () => {
    const node = { name: "n", available: { cpu: 1, memory: 1 } };
    expect(inventoryFromStatus(status(Array(MAX_NODES).fill(node)))!.nodes).toHaveLength(MAX_NODES);
    expect(inventoryFromStatus(status(Array(MAX_NODES + 1).fill(node)))).toBeNull();
  });

  it("reads a status without storage pools as having none", () => {
    expect(inventoryFromStatus(status([{ name: "n1", available: { cpu: 1, memory: 1 } }], null))!.storage).toEqual([]);
  });
});

describe("inventoryDisagreements", () => {
  const inv = inventoryFromStatus(
    status([{ name: "n1", available: { cpu: 1, memory: 1, gpu: 2 }, gpus: [{ vendor: "nvidia", name: "a100", available: 2 }] }, { name: "n2", available: { cpu: 1, memory: 1 } }]),
  )!;

  it("is empty when the status and the attributes name the same GPUs", () => {
    expect(inventoryDisagreements([{ vendor: "nvidia", model: "a100" }], inv)).toEqual([]);
  });

  it("names a GPU the nodes report but the chain does not advertise, and one advertised that no node has", () => {
    expect(inventoryDisagreements([{ vendor: "nvidia", model: "h100" }], inv)).toEqual([
      "its nodes report nvidia a100 GPUs it does not advertise on chain",
      "it advertises nvidia h100 on chain, but no node reports one",
    ]);
  });

  it("says nothing when the nodes do not say which GPUs they hold", () => {
    const counts = inventoryFromStatus(status([{ name: "n1", available: { cpu: 1, memory: 1, gpu: 4 } }]))!;
    expect(inventoryDisagreements([{ vendor: "nvidia", model: "h100" }], counts)).toEqual([]);
  });
});
