import { describe, expect, it } from "vitest";
import { cloudCosts, cloudGpusFor, HOURS_PER_MONTH, savingAgainst, sumCloudCosts, workloadOfFootprint, workloadOfGroup } from "@/lib/market/cloud-compare";
import { cloudPrice } from "@/lib/market/cloud-prices";
import { gpusOffered } from "@/lib/market/gpu-attributes";
import { checkSdl, type GroupView } from "@/lib/sdl/check";
import { DEFAULT_SDL } from "@/lib/sdl-default";
import { corpusFile } from "@/test/support/corpus";

const groupOf = async (sdl: string): Promise<GroupView> => {
  const r = await checkSdl(sdl);
  if (!r.valid || !r.groups) throw new Error(`invalid test SDL: ${JSON.stringify(r.diagnostics)}`);
  return r.groups[0]!;
};
/** the corpus's Llama SDL asking for one GPU model (and its memory) instead of three */
const llamaWith = (model: string, ram?: string) =>
  corpusFile("Llama-3.1-8B.yaml").replace(/(\n\s+nvidia:\n)(\s+- model: \w+\n)+/, `$1                - model: ${model}${ram ? `\n                  ram: ${ram}` : ""}\n`);
const at = (costs: ReturnType<typeof cloudCosts>, cloud: string) => costs.find((c) => c.cloud === cloud)!;
const GiB = 1024 ** 3;

describe("the same resources at the big clouds", () => {
  it("a CPU workload: vCPUs, memory and storage at Google Cloud's per-unit prices; no total where a price is missing", async () => {
    const costs = cloudCosts(workloadOfGroup(await groupOf(DEFAULT_SDL)));
    const gcp = at(costs, "gcp");
    // 0.5 vCPU, 512 MiB, 1 GiB of storage
    expect(gcp.usdPerMonth).toBeCloseTo(0.5 * 0.031611 * HOURS_PER_MONTH + 0.5 * 0.004237 * HOURS_PER_MONTH + 1 * 0.1, 9);
    expect(gcp.prices.map((p) => p.kind)).toEqual(["vcpu-hour", "gb-memory-hour", "gb-storage-month"]);
    expect(at(costs, "aws")).toMatchObject({ usdPerMonth: null, missing: "no confirmed price per vCPU and GB of memory" });
    expect(at(costs, "azure").usdPerMonth).toBeNull();
  });

  it("a GPU workload: its GPUs at the cloud's price per GPU-hour (CPU and memory come with the instance), plus storage", async () => {
    const g = await groupOf(llamaWith("h100"));
    const w = workloadOfGroup(g);
    expect(w.gpus).toEqual([{ count: 1, label: "h100", candidates: ["h100"], closest: false }]);
    const aws = at(cloudCosts(w), "aws");
    expect(aws.usdPerMonth).toBeCloseTo(6.88 * HOURS_PER_MONTH + (w.storage / GiB) * 0.08, 9);
    expect(at(cloudCosts(w), "azure")).toMatchObject({ usdPerMonth: null, missing: "no confirmed price for h100" });
  });

  it("an A100 with its memory named is priced as that A100; unnamed, as the cheaper of the two", async () => {
    expect(workloadOfGroup(await groupOf(llamaWith("a100", "80Gi"))).gpus[0]!.candidates).toEqual(["a100-80gb"]);
    const either = workloadOfGroup(await groupOf(llamaWith("a100")));
    expect(either.gpus[0]!.candidates).toEqual(["a100-40gb", "a100-80gb"]);
    expect(at(cloudCosts(either), "aws").prices[0]).toBe(cloudPrice("aws", "gpu-hour", "a100-40gb"));
  });

  it("an RTX 4090 compares with the closest GPU each cloud rents, and says so; a model without a counterpart is not compared", async () => {
    const rtx = cloudCosts(workloadOfGroup(await groupOf(llamaWith("rtx4090"))));
    expect(at(rtx, "aws")).toMatchObject({ closest: true, prices: [cloudPrice("aws", "gpu-hour", "l40s"), cloudPrice("aws", "gb-storage-month")] });
    expect(at(rtx, "gcp").prices[0]).toBe(cloudPrice("gcp", "gpu-hour", "l4"));
    // the corpus SDL takes an H100, an A100 or an RTX A6000: the A6000 has no counterpart, so no cloud total
    const three = cloudCosts(workloadOfGroup(await groupOf(corpusFile("Llama-3.1-8B.yaml"))));
    expect(three.every((c) => c.usdPerMonth === null && c.missing === "no comparable GPU for h100 or a100 or rtxa6000")).toBe(true);
    expect(cloudGpusFor("t4").candidates).toEqual([]);
  });

  it("a bid's footprint compares with the GPU its provider has, with that provider's memory", () => {
    const offered = gpusOffered([{ key: "capabilities/gpu/vendor/nvidia/model/a100/ram/80Gi", value: "true" }]);
    const w = workloadOfFootprint({ cpu: 4000, memory: 16 * GiB, storage: 100 * GiB, ips: 0, gpus: { "nvidia/a100": 2 } }, offered);
    const aws = at(cloudCosts(w), "aws");
    expect(aws.usdPerMonth).toBeCloseTo(2 * 3.43088125 * HOURS_PER_MONTH + 100 * 0.08, 9);
    const unknown = workloadOfFootprint({ cpu: 1000, memory: GiB, storage: 0, ips: 0, gpus: { "?": 1 } }, offered);
    expect(at(cloudCosts(unknown), "aws")).toMatchObject({ usdPerMonth: null, missing: "no comparable GPU for GPU" });
  });

  it("sums groups per cloud, and a saving is the cloud's cost less the lease's, as a share of the cloud's", async () => {
    const one = cloudCosts(workloadOfGroup(await groupOf(DEFAULT_SDL)));
    const two = sumCloudCosts([one, one]);
    expect(at(two, "gcp").usdPerMonth).toBeCloseTo(2 * at(one, "gcp").usdPerMonth!, 9);
    expect(at(two, "aws").usdPerMonth).toBeNull();
    const gcp = at(one, "gcp");
    expect(savingAgainst(gcp, gcp.usdPerMonth! / 4)).toEqual({ usd: gcp.usdPerMonth! * 0.75, share: 0.75 });
    expect(savingAgainst(gcp, gcp.usdPerMonth! * 2)!.share).toBeCloseTo(-1, 9);
    expect(savingAgainst(at(one, "aws"), 1)).toBeNull();
  });
});
