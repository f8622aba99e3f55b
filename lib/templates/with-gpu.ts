import { isMap, isSeq, parseDocument } from "yaml";

/**
 * "Deploy with this GPU": a template's SDL with every GPU profile asking for one model (vendor/model) instead of
 * its list. Edited through the YAML document, so the template's comments and layout stay as they were.
 */

export const GPU_TEMPLATE = "llama-3-1-8b";
export const GPU_MODEL_PARAM = /^([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9.-]*)$/;

export function withGpuModel(sdl: string, vendorModel: string): string {
  const m = GPU_MODEL_PARAM.exec(vendorModel.toLowerCase());
  if (!m) throw new Error(`"${vendorModel}" is not a GPU as vendor/model (e.g. nvidia/h100)`);
  const [, vendor, model] = m;
  const doc = parseDocument(sdl);
  const compute = doc.getIn(["profiles", "compute"]);
  if (!isMap(compute)) return sdl;
  // the text of each GPU profile's vendor map is replaced in place (from the end, so earlier offsets hold):
  // re-printing the whole document would refold the template's block scalars
  const edits: { from: number; to: number; indent: number }[] = [];
  for (const item of compute.items) {
    const name = String((item.key as { value?: unknown })?.value ?? item.key);
    const gpu = doc.getIn(["profiles", "compute", name, "resources", "gpu"]);
    const vendors = doc.getIn(["profiles", "compute", name, "resources", "gpu", "attributes", "vendor"], true);
    if (!isMap(gpu) || Number(gpu.get("units")) <= 0 || !isMap(vendors) || !vendors.range) continue;
    const from = vendors.range[0];
    edits.push({ from, to: vendors.range[1], indent: from - (sdl.lastIndexOf("\n", from - 1) + 1) });
  }
  let out = sdl;
  for (const e of edits.sort((a, b) => b.from - a.from)) {
    const pad = " ".repeat(e.indent);
    const tail = out.slice(e.to).startsWith("\n") || e.to >= out.length ? "" : "\n";
    out = `${out.slice(0, e.from)}${vendor}:\n${pad}  - model: ${model}${tail}${out.slice(e.to)}`;
  }
  return out;
}

/** the models a GPU profile lists, for tests and labels */
export function gpuModelsIn(sdl: string): string[] {
  const doc = parseDocument(sdl);
  const compute = doc.getIn(["profiles", "compute"]);
  if (!isMap(compute)) return [];
  const out: string[] = [];
  for (const item of compute.items) {
    const name = String((item.key as { value?: unknown })?.value ?? item.key);
    const vendors = doc.getIn(["profiles", "compute", name, "resources", "gpu", "attributes", "vendor"]);
    if (!isMap(vendors)) continue;
    for (const v of vendors.items) {
      const list = v.value;
      const vendor = String((v.key as { value?: unknown })?.value ?? v.key);
      if (isSeq(list)) for (const e of list.items) out.push(`${vendor}/${String((e as { get?: (k: string) => unknown }).get?.("model") ?? "*")}`);
      else out.push(`${vendor}/*`);
    }
  }
  return out;
}
