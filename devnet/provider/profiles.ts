/**
 * The simulated providers' hardware, attributes and pricing. Attribute keys follow the conventions real
 * providers use (host/tier/region/organization, capabilities/storage/N/class|persistent,
 * capabilities/gpu/vendor/<v>/model/<m>[/ram/<r>][/interface/<i>], feat-persistent-storage, feat-endpoint-ip...).
 */
import { PROVIDER_ACCOUNTS, type DevnetAccount } from "../accounts";
import { shuffle, hash32 } from "./rng";

const Gi = 1024 ** 3;
const Ti = 1024 ** 4;

export interface GpuDevice {
  vendor: string;
  model: string;
  ram: string;
  interface: string;
}

export interface NodeSpec {
  name: string;
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
  /** bytes */
  ephemeralStorage: number;
  gpu?: GpuDevice & { count: number };
}

export interface StorageClassSpec {
  class: string;
  /** bytes */
  size: number;
}

/** Per-block prices in micro-denom units (before the provider's multiplier). */
export interface RateCard {
  /** per CPU core */
  cpu: number;
  /** per GiB of memory */
  memory: number;
  /** per GiB of storage */
  storage: number;
  /** per GPU, by model; `*` for any other */
  gpu: Record<string, number>;
  /** per leased IP endpoint */
  ip: number;
}

export type Behaviour = "normal" | "late-bids" | "no-bids" | "drop-streams";

export interface ProviderProfile {
  index: number;
  account: DevnetAccount;
  region: string;
  attributes: { key: string; value: string }[];
  /** Attributes the devnet's auditor (AUDITOR1) signs for this provider; empty = not audited. */
  auditedAttributes: { key: string; value: string }[];
  nodes: NodeSpec[];
  /** persistent storage classes with their pool size */
  persistentStorage: StorageClassSpec[];
  ipLeases: boolean;
  /** price multiplier of this provider (0.6..1.6) */
  priceFactor: number;
  behaviour: Behaviour;
  info: { email: string; website: string };
}

export const BASE_RATES: RateCard = {
  cpu: 7,
  memory: 2.5,
  storage: 0.25,
  gpu: { h100: 2500, h200: 3000, a100: 1300, a6000: 700, rtx4090: 500, rtx3090: 350, "*": 800 },
  ip: 20,
};

function gpuAttrs(g: GpuDevice): { key: string; value: string }[] {
  const base = `capabilities/gpu/vendor/${g.vendor}/model/${g.model}`;
  return [
    { key: base, value: "true" },
    { key: `${base}/ram/${g.ram}`, value: "true" },
    { key: `${base}/interface/${g.interface}`, value: "true" },
  ];
}

interface Draft {
  region: string;
  tier: string;
  organization: string;
  nodes: NodeSpec[];
  persistentStorage: StorageClassSpec[];
  ephemeralClass: string;
  ipLeases: boolean;
  audited: boolean;
  priceFactor: number;
}

const H100: GpuDevice = { vendor: "nvidia", model: "h100", ram: "80Gi", interface: "sxm" };
const A100: GpuDevice = { vendor: "nvidia", model: "a100", ram: "80Gi", interface: "pcie" };
const RTX4090: GpuDevice = { vendor: "nvidia", model: "rtx4090", ram: "24Gi", interface: "pcie" };

const DRAFTS: Draft[] = [
  {
    region: "us-west",
    tier: "community",
    organization: "devnet-west-labs",
    nodes: [
      { name: "node1", cpu: 64_000, memory: 512 * Gi, ephemeralStorage: 2 * Ti, gpu: { ...H100, count: 8 } },
      { name: "node2", cpu: 32_000, memory: 128 * Gi, ephemeralStorage: 1 * Ti },
    ],
    persistentStorage: [
      { class: "beta2", size: 4 * Ti },
      { class: "beta3", size: 2 * Ti },
    ],
    ephemeralClass: "beta3",
    ipLeases: true,
    audited: true,
    priceFactor: 1.25,
  },
  {
    region: "eu-central",
    tier: "community",
    organization: "devnet-eu-compute",
    nodes: [
      { name: "node1", cpu: 48_000, memory: 384 * Gi, ephemeralStorage: 2 * Ti, gpu: { ...A100, count: 8 } },
      { name: "node2", cpu: 32_000, memory: 128 * Gi, ephemeralStorage: 1 * Ti },
    ],
    persistentStorage: [{ class: "beta3", size: 3 * Ti }],
    ephemeralClass: "beta3",
    ipLeases: false,
    audited: true,
    priceFactor: 1.0,
  },
  {
    region: "ap-southeast",
    tier: "community",
    organization: "devnet-apac-gpu",
    nodes: [
      { name: "node1", cpu: 32_000, memory: 128 * Gi, ephemeralStorage: 1 * Ti, gpu: { ...RTX4090, count: 4 } },
      { name: "node2", cpu: 32_000, memory: 128 * Gi, ephemeralStorage: 1 * Ti, gpu: { ...RTX4090, count: 4 } },
    ],
    persistentStorage: [],
    ephemeralClass: "beta2",
    ipLeases: false,
    audited: false,
    priceFactor: 0.7,
  },
  {
    region: "us-east",
    tier: "community",
    organization: "devnet-east-cloud",
    nodes: [
      { name: "node1", cpu: 96_000, memory: 384 * Gi, ephemeralStorage: 4 * Ti },
      { name: "node2", cpu: 96_000, memory: 384 * Gi, ephemeralStorage: 4 * Ti },
    ],
    persistentStorage: [{ class: "beta2", size: 8 * Ti }],
    ephemeralClass: "beta2",
    ipLeases: true,
    audited: true,
    priceFactor: 0.85,
  },
  {
    region: "eu-west",
    tier: "community",
    organization: "devnet-eu-west",
    nodes: [
      { name: "node1", cpu: 32_000, memory: 256 * Gi, ephemeralStorage: 2 * Ti, gpu: { ...A100, count: 4 } },
      { name: "node2", cpu: 16_000, memory: 64 * Gi, ephemeralStorage: 1 * Ti, gpu: { ...RTX4090, count: 2 } },
    ],
    persistentStorage: [{ class: "beta3", size: 2 * Ti }],
    ephemeralClass: "beta3",
    ipLeases: false,
    audited: false,
    priceFactor: 0.9,
  },
  {
    region: "us-west",
    tier: "community",
    organization: "devnet-garage",
    nodes: [
      { name: "node1", cpu: 16_000, memory: 64 * Gi, ephemeralStorage: 512 * Gi, gpu: { ...H100, count: 2 } },
    ],
    persistentStorage: [{ class: "beta1", size: 2 * Ti }],
    ephemeralClass: "beta1",
    ipLeases: true,
    audited: false,
    priceFactor: 0.6,
  },
];

/**
 * Behaviours are dealt with the seed: one provider bids late, one never bids, one drops log streams.
 * Providers 1 and 2 (the audited GPU providers) always behave, so that every GPU model keeps a normal bidder.
 */
export function assignBehaviours(count: number, seed: number): Behaviour[] {
  const out: Behaviour[] = Array.from({ length: count }, () => "normal");
  const candidates = shuffle(
    Array.from({ length: count }, (_, i) => i).filter((i) => i >= 2),
    hash32(seed, "behaviours"),
  );
  const special: Behaviour[] = ["late-bids", "no-bids", "drop-streams"];
  special.forEach((b, k) => {
    const i = candidates[k];
    if (i !== undefined) out[i] = b;
  });
  return out;
}

export function buildProfiles(seed: number, accounts: readonly DevnetAccount[] = PROVIDER_ACCOUNTS, behaviours = true): ProviderProfile[] {
  const assigned = behaviours ? assignBehaviours(accounts.length, seed) : accounts.map(() => "normal" as Behaviour);
  return accounts.map((account, index) => {
    const d = DRAFTS[index % DRAFTS.length]!;
    const attributes: { key: string; value: string }[] = [
      { key: "host", value: "akash" },
      { key: "tier", value: d.tier },
      { key: "region", value: d.region },
      { key: "organization", value: d.organization },
      { key: "capabilities/cpu", value: "intel" },
      { key: "capabilities/cpu/arch", value: "x86-64" },
      { key: "capabilities/memory", value: "ddr5ecc" },
    ];
    const classes = [d.ephemeralClass, ...d.persistentStorage.map((s) => s.class)].filter((c, i, a) => a.indexOf(c) === i);
    classes.forEach((cls, i) => {
      attributes.push({ key: `capabilities/storage/${i + 1}/class`, value: cls });
      attributes.push({ key: `capabilities/storage/${i + 1}/persistent`, value: String(d.persistentStorage.some((s) => s.class === cls)) });
    });
    if (d.persistentStorage.length > 0) {
      attributes.push({ key: "feat-persistent-storage", value: "true" });
      attributes.push({ key: "feat-persistent-storage-type", value: d.persistentStorage[0]!.class });
    }
    if (d.ipLeases) attributes.push({ key: "feat-endpoint-ip", value: "true" });
    attributes.push({ key: "feat-endpoint-custom-domain", value: "true" });
    const gpus = new Map<string, GpuDevice>();
    for (const n of d.nodes) if (n.gpu) gpus.set(`${n.gpu.vendor}/${n.gpu.model}`, n.gpu);
    for (const g of gpus.values()) attributes.push(...gpuAttrs(g));
    const audited = d.audited
      ? attributes.filter((a) => ["host", "tier", "region", "organization"].includes(a.key) || a.key.startsWith("capabilities/gpu/"))
      : [];
    return {
      index,
      account,
      region: d.region,
      attributes,
      auditedAttributes: audited,
      nodes: d.nodes.map((n) => ({ ...n, gpu: n.gpu ? { ...n.gpu } : undefined })),
      persistentStorage: d.persistentStorage.map((s) => ({ ...s })),
      ipLeases: d.ipLeases,
      priceFactor: d.priceFactor,
      behaviour: assigned[index]!,
      info: { email: `ops@${account.name}.devnet.local`, website: `https://${account.name}.devnet.local` },
    };
  });
}
