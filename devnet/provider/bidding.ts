/**
 * Bid decisions of a simulated provider: can it serve a group (placement attributes, auditor signatures,
 * GPU model, storage classes, capacity), and at what price. Pure functions, deterministic with the seed.
 */
import { BASE_RATES, type GpuDevice, type NodeSpec, type ProviderProfile } from "./profiles";
import { unit } from "./rng";

export interface Attr {
  key: string;
  value: string;
}

/** A resource unit of a group spec, normalised (numbers instead of protobuf bytes). */
export interface UnitNeed {
  /** millicores per replica */
  cpu: number;
  memory: number;
  ephemeralStorage: number;
  /** RAM-backed volumes (class ram): counted as memory, as real providers do */
  ramStorage: number;
  persistent: { class: string; size: number }[];
  gpu: number;
  gpuAttrs: Attr[];
  count: number;
  /** number of leased IP endpoints (kind 2 = LEASED_IP) */
  ips: number;
  /** max price per block for one replica (DecCoin amount, as a number) */
  price: number;
  denom: string;
}

export interface GroupNeed {
  name: string;
  attributes: Attr[];
  signedBy: { allOf: string[]; anyOf: string[] };
  units: UnitNeed[];
  denom: string;
  /** maximum total price per block */
  maxPrice: number;
}

type Loose = Record<string, unknown> | undefined | null;

function get(o: unknown, ...keys: string[]): unknown {
  if (!o || typeof o !== "object") return undefined;
  const r = o as Record<string, unknown>;
  for (const k of keys) if (r[k] !== undefined) return r[k];
  return undefined;
}

/** ResourceValue.val: Uint8Array of ASCII digits (protobuf), or a string/number when decoded from JSON. */
export function resourceValue(v: unknown): number {
  const val = get(v, "val") ?? v;
  if (val instanceof Uint8Array) return Number(new TextDecoder().decode(val) || "0");
  if (typeof val === "string" || typeof val === "number" || typeof val === "bigint") return Number(val);
  return 0;
}

function attrs(list: unknown): Attr[] {
  if (!Array.isArray(list)) return [];
  return list.map((a) => ({ key: String(get(a, "key") ?? ""), value: String(get(a, "value") ?? "") }));
}

function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

/** Accepts chain-sdk's decoded GroupSpec (camelCase) or the Go JSON form (snake_case). */
export function parseGroupSpec(spec: unknown): GroupNeed {
  const requirements = get(spec, "requirements") as Loose;
  const signedBy = get(requirements, "signedBy", "signed_by");
  const resources = (get(spec, "resources") as unknown[] | undefined) ?? [];
  let denom = "";
  let maxPrice = 0;
  const units: UnitNeed[] = resources.map((ru) => {
    const res = get(ru, "resource", "resources");
    const count = Number(get(ru, "count") ?? 1);
    const price = get(ru, "price");
    const amount = Number(get(price, "amount") ?? 0);
    const d = String(get(price, "denom") ?? "");
    if (!denom) denom = d;
    maxPrice += amount * count;
    const storage = (get(res, "storage") as unknown[] | undefined) ?? [];
    let ephemeralStorage = 0;
    let ramStorage = 0;
    const persistent: { class: string; size: number }[] = [];
    for (const s of storage) {
      const size = resourceValue(get(s, "quantity", "size"));
      const sa = attrs(get(s, "attributes"));
      const isPersistent = sa.find((a) => a.key === "persistent")?.value === "true";
      const cls = sa.find((a) => a.key === "class")?.value ?? "default";
      if (cls === "ram") ramStorage += size;
      else if (isPersistent) persistent.push({ class: cls, size });
      else ephemeralStorage += size;
    }
    const endpoints = (get(res, "endpoints") as unknown[] | undefined) ?? [];
    const ips = endpoints.filter((e) => {
      const k = get(e, "kind");
      return k === 2 || k === "LEASED_IP";
    }).length;
    const gpu = get(res, "gpu");
    return {
      cpu: resourceValue(get(get(res, "cpu"), "units")),
      memory: resourceValue(get(get(res, "memory"), "quantity", "size")),
      ephemeralStorage,
      ramStorage,
      persistent,
      gpu: resourceValue(get(gpu, "units")),
      gpuAttrs: attrs(get(gpu, "attributes")),
      count,
      ips,
      price: amount,
      denom: d,
    };
  });
  return {
    name: String(get(spec, "name") ?? ""),
    attributes: attrs(get(requirements, "attributes")),
    signedBy: { allOf: strList(get(signedBy, "allOf", "all_of")), anyOf: strList(get(signedBy, "anyOf", "any_of")) },
    units,
    denom,
    maxPrice,
  };
}

interface GpuFilter {
  vendor: string;
  model: string;
  ram?: string;
  iface?: string;
}

/** GPU attribute keys as the SDL produces them: vendor/<v>/model/<m>[/ram/<r>][/interface/<i>]. */
export function parseGpuAttrs(list: Attr[]): GpuFilter[] {
  const out: GpuFilter[] = [];
  for (const a of list) {
    if (a.value !== "true") continue;
    const p = a.key.split("/");
    if (p[0] !== "vendor" || !p[1]) continue;
    const f: GpuFilter = { vendor: p[1], model: p[2] === "model" && p[3] ? p[3] : "*" };
    for (let i = 4; i + 1 < p.length; i += 2) {
      if (p[i] === "ram") f.ram = p[i + 1];
      if (p[i] === "interface") f.iface = p[i + 1];
    }
    out.push(f);
  }
  return out;
}

export function gpuMatches(device: GpuDevice, filters: GpuFilter[]): boolean {
  if (filters.length === 0) return true;
  return filters.some(
    (f) =>
      f.vendor === device.vendor &&
      (f.model === "*" || f.model === device.model) &&
      (!f.ram || f.ram.toLowerCase() === device.ram.toLowerCase()) &&
      (!f.iface || f.iface.toLowerCase() === device.interface.toLowerCase() || (f.iface === "sxm" && device.interface.startsWith("sxm"))),
  );
}

export interface Usage {
  /** per node name: used resources */
  nodes: Record<string, { cpu: number; memory: number; ephemeralStorage: number; gpu: number }>;
  /** per storage class: used bytes */
  storage: Record<string, number>;
}

export function emptyUsage(): Usage {
  return { nodes: {}, storage: {} };
}

export interface Decision {
  bid: boolean;
  reason: string;
}

/** `auditors`: addresses that signed (some of) this provider's attributes, with what they signed. */
export function decide(
  profile: ProviderProfile,
  need: GroupNeed,
  auditors: { auditor: string; attributes: Attr[] }[],
  usage: Usage = emptyUsage(),
): Decision {
  // placement attributes: every requested attribute must be one of the provider's
  for (const a of need.attributes) {
    if (!profile.attributes.some((p) => p.key === a.key && p.value === a.value)) {
      return { bid: false, reason: `attribute ${a.key}=${a.value} not satisfied` };
    }
  }
  // signedBy: the auditors must have signed the requested attributes (all of them, when there are any)
  const signedAll = (auditor: string) => {
    const rec = auditors.find((x) => x.auditor === auditor);
    if (!rec) return false;
    return need.attributes.every((a) => rec.attributes.some((s) => s.key === a.key && s.value === a.value));
  };
  for (const auditor of need.signedBy.allOf) {
    if (!signedAll(auditor)) return { bid: false, reason: `attributes not signed by ${auditor}` };
  }
  if (need.signedBy.anyOf.length > 0 && !need.signedBy.anyOf.some(signedAll)) {
    return { bid: false, reason: "attributes not signed by any of the required auditors" };
  }
  // capacity, replica by replica, on the nodes; persistent storage from the class pools
  const free = profile.nodes.map((n: NodeSpec) => {
    const u = usage.nodes[n.name] ?? { cpu: 0, memory: 0, ephemeralStorage: 0, gpu: 0 };
    return {
      node: n,
      cpu: n.cpu - u.cpu,
      memory: n.memory - u.memory,
      ephemeralStorage: n.ephemeralStorage - u.ephemeralStorage,
      gpu: (n.gpu?.count ?? 0) - u.gpu,
    };
  });
  const pools = new Map(profile.persistentStorage.map((s) => [s.class, s.size - (usage.storage[s.class] ?? 0)]));
  for (const u of need.units) {
    if (u.ips > 0 && !profile.ipLeases) return { bid: false, reason: "no IP leases" };
    const filters = parseGpuAttrs(u.gpuAttrs);
    if (u.gpu > 0 && !free.some((f) => f.node.gpu && gpuMatches(f.node.gpu, filters))) {
      return { bid: false, reason: "no matching GPU model" };
    }
    for (const p of u.persistent) {
      const cls = p.class === "default" ? profile.persistentStorage[0]?.class : p.class;
      if (!cls || !pools.has(cls)) return { bid: false, reason: `no persistent storage class ${p.class}` };
      const left = pools.get(cls)! - p.size * u.count;
      if (left < 0) return { bid: false, reason: `insufficient ${cls} storage` };
      pools.set(cls, left);
    }
    for (let r = 0; r < u.count; r++) {
      const slot = free.find(
        (f) =>
          f.cpu >= u.cpu &&
          f.memory >= u.memory + u.ramStorage &&
          f.ephemeralStorage >= u.ephemeralStorage &&
          (u.gpu === 0 || (f.gpu >= u.gpu && f.node.gpu !== undefined && gpuMatches(f.node.gpu, filters))),
      );
      if (!slot) return { bid: false, reason: "insufficient capacity" };
      slot.cpu -= u.cpu;
      slot.memory -= u.memory + u.ramStorage;
      slot.ephemeralStorage -= u.ephemeralStorage;
      slot.gpu -= u.gpu;
    }
  }
  return { bid: true, reason: "ok" };
}

/** Records what a group takes from the provider's inventory (used for leases). */
export function reserve(profile: ProviderProfile, need: GroupNeed, usage: Usage): void {
  for (const u of need.units) {
    const filters = parseGpuAttrs(u.gpuAttrs);
    for (const p of u.persistent) {
      const cls = p.class === "default" ? profile.persistentStorage[0]?.class : p.class;
      if (cls) usage.storage[cls] = (usage.storage[cls] ?? 0) + p.size * u.count;
    }
    for (let r = 0; r < u.count; r++) {
      const node =
        profile.nodes.find((n) => {
          const used = usage.nodes[n.name] ?? { cpu: 0, memory: 0, ephemeralStorage: 0, gpu: 0 };
          return (
            n.cpu - used.cpu >= u.cpu &&
            n.memory - used.memory >= u.memory + u.ramStorage &&
            (u.gpu === 0 || (n.gpu && n.gpu.count - used.gpu >= u.gpu && gpuMatches(n.gpu, filters)))
          );
        }) ?? profile.nodes[0]!;
      const used = (usage.nodes[node.name] ??= { cpu: 0, memory: 0, ephemeralStorage: 0, gpu: 0 });
      used.cpu += u.cpu;
      used.memory += u.memory + u.ramStorage;
      used.ephemeralStorage += u.ephemeralStorage;
      used.gpu += u.gpu;
    }
  }
}

/** The GPU model a provider would allocate for a unit (first matching device), for the bid's resource offer. */
export function chosenGpu(profile: ProviderProfile, u: UnitNeed): GpuDevice | undefined {
  if (u.gpu === 0) return undefined;
  const filters = parseGpuAttrs(u.gpuAttrs);
  return profile.nodes.find((n) => n.gpu && gpuMatches(n.gpu, filters))?.gpu;
}

/**
 * Price per block: resource cost at the provider's rate card, times the provider's factor and a seeded
 * jitter per order. It may exceed the order's maximum: then the provider does not bid (bidAt), as
 * akash-network/provider's bid engine logs "Price too high, not bidding".
 */
export function priceFor(profile: ProviderProfile, need: GroupNeed, seed: number, orderKey: string): number {
  let cost = 0;
  for (const u of need.units) {
    const gpuModel = chosenGpu(profile, u)?.model;
    const gpuRate = gpuModel ? (BASE_RATES.gpu[gpuModel] ?? BASE_RATES.gpu["*"]!) : 0;
    const storageGi = (u.ephemeralStorage + u.persistent.reduce((s, p) => s + p.size, 0)) / 1024 ** 3;
    const perReplica =
      (u.cpu / 1000) * BASE_RATES.cpu +
      ((u.memory + u.ramStorage) / 1024 ** 3) * BASE_RATES.memory +
      storageGi * BASE_RATES.storage +
      u.gpu * gpuRate +
      u.ips * BASE_RATES.ip;
    cost += perReplica * u.count;
  }
  const denomFactor = need.denom === "uakt" ? 0.8 : 1;
  const jitter = 0.9 + 0.2 * unit(seed, "price", profile.account.address, orderKey);
  return Math.max(cost * profile.priceFactor * jitter * denomFactor, 0.000001);
}

/** the price a provider bids for an order, or why it does not: its price above the order's maximum */
export function bidAt(profile: ProviderProfile, need: GroupNeed, seed: number, orderKey: string): { bid: true; price: number } | { bid: false; reason: string } {
  const price = priceFor(profile, need, seed, orderKey);
  if (need.maxPrice > 0 && price > need.maxPrice) return { bid: false, reason: `price too high: ${price.toFixed(6)} > max ${need.maxPrice} ${need.denom}` };
  return { bid: true, price };
}

/** DecCoin amount string with 18 decimals, as the chain stores sdk.Dec. */
export function toDecString(n: number): string {
  const fixed = n.toFixed(6); // 6 significant decimals are plenty for micro-denoms
  const [i, f = ""] = fixed.split(".");
  return `${i}.${f.padEnd(18, "0")}`;
}
