import { describe, expect, it } from "vitest";
import { filterTakes, gpuFilterLabel, gpuFiltersOf, gpusOffered, offersWanted, takesModel } from "@/lib/market/gpu-attributes";

const yes = (key: string) => ({ key, value: "true" });

describe("GPU attributes", () => {
  it("reads the SDL's filters as chain-sdk writes them: any model, a model, memory and interface", () => {
    expect(gpuFiltersOf([yes("vendor/nvidia/model/*"), yes("vendor/NVIDIA/model/H100/ram/80Gi/interface/sxm"), yes("vendor/amd")])).toEqual([
      { vendor: "nvidia", model: null, ram: null, iface: null },
      { vendor: "nvidia", model: "h100", ram: "80gi", iface: "sxm" },
      { vendor: "amd", model: null, ram: null, iface: null },
    ]);
    expect(gpuFiltersOf([{ key: "vendor/nvidia/model/a100", value: "false" }, yes("region"), yes("vendor")])).toEqual([]);
    expect(gpuFiltersOf(undefined)).toEqual([]);
    expect(gpuFilterLabel(gpuFiltersOf([yes("vendor/nvidia/model/h100/ram/80Gi")])[0]!)).toBe("nvidia h100 80gi");
    expect(gpuFilterLabel(gpuFiltersOf([yes("vendor/nvidia/model/*")])[0]!)).toBe("nvidia (any model)");
  });

  it("reads a provider's advertised GPUs once per model, memory kept as written, an attribute set to false offers nothing", () => {
    const offered = gpusOffered([
      yes("capabilities/gpu/vendor/nvidia/model/h100"),
      yes("capabilities/gpu/vendor/nvidia/model/h100/ram/80Gi"),
      yes("capabilities/gpu/vendor/nvidia/model/H100/interface/SXM5"),
      { key: "capabilities/gpu/vendor/nvidia/model/a100", value: "false" },
      yes("capabilities/gpu/vendor/nvidia/model/rtx4090/ram/24Gi"),
      yes("capabilities/storage/1/class"),
    ]);
    expect([...offered.keys()]).toEqual(["nvidia/h100", "nvidia/rtx4090"]);
    expect(offered.get("nvidia/h100")).toMatchObject({ vendor: "nvidia", model: "h100", memory: new Set(["80Gi"]), interfaces: new Set(["sxm5"]) });
  });

  it("matches a filter against what is advertised: model, memory, interface (sxm takes any SXM generation)", () => {
    const h100 = gpusOffered([yes("capabilities/gpu/vendor/nvidia/model/h100/ram/80Gi"), yes("capabilities/gpu/vendor/nvidia/model/h100/interface/sxm5")]).get("nvidia/h100")!;
    const takes = (key: string) => filterTakes(gpuFiltersOf([yes(key)])[0]!, h100);
    expect(takes("vendor/nvidia/model/*")).toBe(true);
    expect(takes("vendor/nvidia/model/h100/ram/80Gi")).toBe(true);
    expect(takes("vendor/nvidia/model/h100/interface/sxm")).toBe(true);
    expect(takes("vendor/nvidia/model/h100/ram/40Gi")).toBe(false);
    expect(takes("vendor/nvidia/model/h100/interface/pcie")).toBe(false);
    expect(takes("vendor/nvidia/model/a100")).toBe(false);
    expect(takes("vendor/amd")).toBe(false);
  });

  it("an SDL with no filter takes any GPU, from a provider that advertises one", () => {
    expect(offersWanted(gpusOffered([yes("capabilities/gpu/vendor/nvidia/model/t4")]), [])).toBe(true);
    expect(offersWanted(gpusOffered([yes("region")]), [])).toBe(false);
    expect(offersWanted(gpusOffered([yes("capabilities/gpu/vendor/nvidia/model/t4")]), gpuFiltersOf([yes("vendor/nvidia/model/a100")]))).toBe(false);
  });

  it("tells which of a node's models the filters take, by model only", () => {
    const filters = gpuFiltersOf([yes("vendor/nvidia/model/h100/ram/80Gi"), yes("vendor/amd/model/*")]);
    expect(takesModel(filters, "nvidia/h100")).toBe(true);
    expect(takesModel(filters, "amd/mi300x")).toBe(true);
    expect(takesModel(filters, "nvidia/a100")).toBe(false);
    expect(takesModel([], "nvidia/a100")).toBe(true);
  });
});
