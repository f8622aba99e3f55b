import { describe, expect, it } from "vitest";
import { readTemplateSdl } from "@/lib/templates/catalog.server";
import { checkSdl } from "@/lib/sdl/check";
import { GPU_TEMPLATE, gpuModelsIn, withGpuModel } from "@/lib/templates/with-gpu";

describe("withGpuModel", () => {
  it("makes the GPU template ask for exactly the chosen model, still a valid SDL with its comments", async () => {
    const sdl = (await readTemplateSdl(GPU_TEMPLATE))!;
    expect(gpuModelsIn(sdl)).toEqual(["nvidia/h100", "nvidia/a100", "nvidia/rtxa6000"]);
    const h100 = withGpuModel(sdl, "nvidia/h100");
    expect(gpuModelsIn(h100)).toEqual(["nvidia/h100"]);
    const check = await checkSdl(h100);
    expect(check.valid).toBe(true);
    const gpuAttrs = check.groups!.flatMap((g) => g.resources.flatMap((r) => r.resource.gpu?.attributes ?? []));
    expect(gpuAttrs).toEqual([{ key: "vendor/nvidia/model/h100", value: "true" }]);
    // only the GPU list changed
    expect(h100.split("\n").filter((l) => !sdl.includes(l))).toEqual([]);
  });

  it("narrows a template that takes any NVIDIA GPU (vendor with no model list) to the chosen one", async () => {
    const sdl = (await readTemplateSdl("ollama-gpu"))!;
    expect(gpuModelsIn(sdl)).toEqual(["nvidia/*"]);
    const a100 = withGpuModel(sdl, "nvidia/a100");
    expect(gpuModelsIn(a100)).toEqual(["nvidia/a100"]);
    expect((await checkSdl(a100)).valid).toBe(true);
  });

  it("refuses a GPU that is not vendor/model, and leaves an SDL without GPUs as it was", () => {
    expect(() => withGpuModel("version: '2.0'", "h100")).toThrow(/vendor\/model/);
    expect(() => withGpuModel("version: '2.0'", "nvidia/../../etc")).toThrow(/vendor\/model/);
    const cpu = "version: '2.0'\nprofiles:\n  compute:\n    web:\n      resources:\n        cpu: { units: 1 }\n";
    expect(withGpuModel(cpu, "nvidia/h100")).toBe(cpu);
  });
});
