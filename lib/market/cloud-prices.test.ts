import { describe, expect, it } from "vitest";
import table from "@/lib/market/data/cloud-prices.json";
import { CLOUD_TABLE, cloudPrice, cloudTableSchema, describePrice } from "@/lib/market/cloud-prices";

describe("the cloud price table", () => {
  it("every price has a source with its list, publication date, snapshot and page, and the table its reading date", () => {
    expect(CLOUD_TABLE.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(CLOUD_TABLE.prices.length).toBeGreaterThanOrEqual(10);
    for (const p of CLOUD_TABLE.prices) {
      const s = CLOUD_TABLE.sources[p.source]!;
      expect(s.published <= CLOUD_TABLE.read, `${p.instance}: published after it was read`).toBe(true);
      expect(s.snapshot).toMatch(/^github\.com\/[\w.-]+\/[\w.-]+ at [0-9a-f]{40}, /);
      expect(p.quote.length).toBeGreaterThan(0);
    }
  });

  it("refuses a row without a source, without a date, or whose GPU-hour is not its instance's price over its GPUs", () => {
    const first = table.prices[0]!;
    const withRow = (row: object) => ({ ...table, prices: [row, ...table.prices.slice(1)] });
    expect(cloudTableSchema.safeParse(withRow({ ...first, source: "nowhere" })).success).toBe(false);
    expect(cloudTableSchema.safeParse({ ...table, read: "recently" }).success).toBe(false);
    expect(cloudTableSchema.safeParse({ ...table, sources: { ...table.sources, "aws-2026-09-25": { ...table.sources["aws-2026-09-25"], published: "" } } }).success).toBe(false);
    expect(cloudTableSchema.safeParse(withRow({ ...first, usd: first.usd * 2 })).success).toBe(false);
    expect(cloudTableSchema.safeParse(withRow({ ...first, gpu: undefined })).success).toBe(false);
    expect(cloudTableSchema.safeParse(table).success).toBe(true);
  });

  it("the per-unit N2 prices reproduce the machine prices they were solved from, and a third that checks them", () => {
    const cpu = cloudPrice("gcp", "vcpu-hour")!.usd;
    const gb = cloudPrice("gcp", "gb-memory-hour")!.usd;
    expect(8 * cpu + 32 * gb).toBeCloseTo(0.388472, 9); // n2-standard-8
    expect(8 * cpu + 8 * gb).toBeCloseTo(0.286784, 9); // n2-highcpu-8
    expect(4 * cpu + 16 * gb).toBeCloseTo(0.194236, 9); // n2-standard-4
  });

  it("leaves out what could not be confirmed: Azure, and AWS per vCPU", () => {
    expect(CLOUD_TABLE.prices.some((p) => p.cloud === "azure")).toBe(false);
    expect(cloudPrice("aws", "vcpu-hour")).toBeNull();
    expect(describePrice(cloudPrice("aws", "gpu-hour", "h100")!)).toBe(
      "p5.4xlarge, us-east-1: $6.88 per GPU-hour (AWS Price List API, AmazonEC2 offer for us-east-1, published 2026-09-25; read 2026-12-03 from github.com/abarmper/US-Foundation)",
    );
  });
});
