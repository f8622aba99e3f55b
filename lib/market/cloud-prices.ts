import { z } from "zod";
import table from "@/lib/market/data/cloud-prices.json";

/**
 * The big clouds' on-demand prices the console compares leases with: a dated, sourced table in the repository
 * (lib/market/data/cloud-prices.json), read through this schema so that a row without its source, date or arithmetic
 * cannot ship. Nothing is fetched at run time: the console talks to no pricing service.
 */

export const CLOUDS = ["aws", "gcp", "azure"] as const;
export type Cloud = (typeof CLOUDS)[number];
export const CLOUD_NAMES: Record<Cloud, string> = { aws: "AWS", gcp: "Google Cloud", azure: "Azure" };

/** GPUs the table prices; the Akash model names that map to them are in gpuKeysFor */
export const CLOUD_GPUS = ["h100", "a100-80gb", "a100-40gb", "l40s", "l4"] as const;
export type CloudGpu = (typeof CLOUD_GPUS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a YYYY-MM-DD date");

const priceSchema = z
  .object({
    cloud: z.enum(CLOUDS),
    kind: z.enum(["gpu-hour", "vcpu-hour", "gb-memory-hour", "gb-storage-month"]),
    gpu: z.enum(CLOUD_GPUS).optional(),
    usd: z.number().positive(),
    instance: z.string().min(1),
    gpusPerInstance: z.number().int().positive().optional(),
    instanceUsdPerHour: z.number().positive().optional(),
    region: z.string().min(1),
    source: z.string().min(1),
    /** the figure as the source has it */
    quote: z.string().min(1),
  })
  .refine((p) => (p.kind === "gpu-hour") === (p.gpu !== undefined), { message: "a GPU-hour price names its GPU, and only it does" })
  .refine((p) => p.kind !== "gpu-hour" || (p.gpusPerInstance !== undefined && p.instanceUsdPerHour !== undefined), { message: "a GPU-hour price gives its instance's price and GPU count" })
  .refine((p) => p.kind !== "gpu-hour" || Math.abs(p.usd - p.instanceUsdPerHour! / p.gpusPerInstance!) < 1e-9, { message: "a GPU-hour price is its instance's price over its GPUs" });

const sourceSchema = z.object({ list: z.string().min(1), published: isoDate, snapshot: z.string().min(1), page: z.string().url() });

export const cloudTableSchema = z
  .object({ read: isoDate, about: z.string().min(1), sources: z.record(z.string(), sourceSchema), prices: z.array(priceSchema).min(1) })
  .refine((t) => t.prices.every((p) => p.source in t.sources), { message: "every price names one of the table's sources" })
  .refine((t) => new Set(t.prices.map((p) => `${p.cloud}/${p.kind}/${p.gpu ?? ""}`)).size === t.prices.length, { message: "one price per cloud, kind and GPU" });

export type CloudTable = z.infer<typeof cloudTableSchema>;
export type CloudPrice = CloudTable["prices"][number];
export type CloudSource = CloudTable["sources"][string];

export const CLOUD_TABLE: CloudTable = cloudTableSchema.parse(table);

export function cloudPrice(cloud: Cloud, kind: CloudPrice["kind"], gpu?: CloudGpu, t: CloudTable = CLOUD_TABLE): CloudPrice | null {
  return t.prices.find((p) => p.cloud === cloud && p.kind === kind && p.gpu === gpu) ?? null;
}

/** "p5.4xlarge, us-east-1: $6.88 per GPU-hour (AWS Price List API, published 2026-09-25; read 2026-12-03)" */
export function describePrice(p: CloudPrice, t: CloudTable = CLOUD_TABLE): string {
  const s = t.sources[p.source]!;
  const unit = { "gpu-hour": "per GPU-hour", "vcpu-hour": "per vCPU-hour", "gb-memory-hour": "per GB-hour of memory", "gb-storage-month": "per GB-month" }[p.kind];
  const instance = p.gpusPerInstance && p.gpusPerInstance > 1 ? `${p.instance} ($${p.instanceUsdPerHour}/h for ${p.gpusPerInstance} GPUs)` : p.instance;
  return `${instance}, ${p.region}: $${p.usd} ${unit} (${s.list.split(" (")[0]}, published ${s.published}; read ${t.read} from ${s.snapshot.split(" ")[0]})`;
}
