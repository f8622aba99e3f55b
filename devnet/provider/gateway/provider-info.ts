/** The gateway's public routes' bodies: GET /version and GET /status (cluster inventory, bid engine, manifests). */
import { shortId } from "../rng";
import type { GatewayContext } from "./context";

export function versionInfo() {
  return {
    akash: {
      name: "provider-services",
      server_name: "provider-services",
      version: "v0.8.3-devnet",
      commit: shortId(40, "commit"),
      build_tags: "osusergo,netgo,ledger,static_build",
      go: "go version go1.24.4 linux/amd64",
      cosmos_sdk_version: "v0.53.4",
    },
    kube: {
      major: "1",
      minor: "31",
      gitVersion: "v1.31.6+k3s1",
      gitCommit: "6ab750f9a0b1e4f3a0bd5f5b0f5e8b1b8ea2f0e5",
      gitTreeState: "clean",
      buildDate: "2025-02-20T21:46:05Z",
      goVersion: "go1.23.6",
      compiler: "gc",
      platform: "linux/amd64",
    },
  };
}

/** Provider status as the REST gateway reports it (cluster inventory, bid engine and manifest counters). */
export function providerStatus(ctx: GatewayContext) {
  const inv = ctx.o.inventory();
  const prof = ctx.o.profile;
  const nodes = prof.nodes.map((n) => {
    const u = inv.usage.nodes[n.name] ?? { cpu: 0, memory: 0, ephemeralStorage: 0, gpu: 0 };
    const gpuTotal = n.gpu?.count ?? 0;
    return {
      name: n.name,
      allocatable: { cpu: n.cpu, gpu: gpuTotal, memory: n.memory, storage_ephemeral: n.ephemeralStorage },
      available: {
        cpu: n.cpu - u.cpu,
        gpu: gpuTotal - u.gpu,
        memory: n.memory - u.memory,
        storage_ephemeral: n.ephemeralStorage - u.ephemeralStorage,
      },
      gpus: n.gpu
        ? [{ vendor: n.gpu.vendor, name: n.gpu.model, memory_size: n.gpu.ram, interface: n.gpu.interface, allocatable: gpuTotal, available: gpuTotal - u.gpu }]
        : [],
    };
  });
  const used = Object.values(inv.usage.nodes);
  const active = {
    cpu: used.reduce((s, x) => s + x.cpu, 0),
    gpu: used.reduce((s, x) => s + x.gpu, 0),
    memory: used.reduce((s, x) => s + x.memory, 0),
    storage_ephemeral: used.reduce((s, x) => s + x.ephemeralStorage, 0),
    storage: { ...inv.usage.storage },
  };
  return {
    cluster: {
      leases: inv.leases,
      inventory: {
        active: inv.leases > 0 ? [active] : [],
        available: {
          nodes,
          storage: prof.persistentStorage.map((s) => ({ class: s.class, size: s.size - (inv.usage.storage[s.class] ?? 0) })),
        },
      },
    },
    bidengine: { orders: inv.orders },
    manifest: { deployments: ctx.runtimes.size },
    cluster_public_hostname: ctx.o.host,
    address: ctx.address,
  };
}
