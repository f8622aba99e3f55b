import { describe, expect, it } from "vitest";

import { checkSdl } from "@/lib/sdl/check";
import type { SdlDiagnostic } from "@/lib/sdl/diagnostics";

/** A valid SDL; tests change one line of it. Line numbers below refer to this text. */
const BASE = `version: "2.0"
services:
  web:
    image: nginx:1.27
    env:
      - MODE=prod
    expose:
      - port: 80
        as: 80
        to:
          - global: true
profiles:
  compute:
    web:
      resources:
        cpu:
          units: 0.5
        memory:
          size: 512Mi
        storage:
          size: 1Gi
  placement:
    dcloud:
      pricing:
        web:
          denom: uact
          amount: 1000
deployment:
  web:
    dcloud:
      profile: web
      count: 1
`;

function edit(from: string, to: string, text = BASE): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

async function only(text: string, code: string): Promise<SdlDiagnostic> {
  const result = await checkSdl(text);
  const found = result.diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(result.diagnostics, null, 2)).toHaveLength(1);
  return found[0]!;
}

const at = (line: number, column: number, endLine: number, endColumn: number) => ({ startLine: line, startColumn: column, endLine, endColumn });

describe("validateSdl rules", () => {
  it("accepts the base SDL with no diagnostics", async () => {
    const result = await checkSdl(BASE);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.manifestVersion).toMatch(/^[0-9a-f]{64}$/);
  });

  it("points at a service name the provider rejects and offers a rename of both keys", async () => {
    const text = edit("  web:\n    image", "  Web_App:\n    image").replace("deployment:\n  web:", "deployment:\n  Web_App:");
    const d = await only(text, "sdl.service_name");
    expect(d.range).toEqual(at(3, 3, 3, 10));
    expect(d.path).toBe("services.Web_App");
    expect(d.message).toContain("Service name `Web_App` must be lowercase letters");
    expect(d.fixes![0]!.title).toBe("Rename to `web-app`");
    expect(d.fixes![0]!.edits).toEqual([
      { range: at(3, 3, 3, 10), text: "web-app" },
      { range: at(29, 3, 29, 10), text: "web-app" },
    ]);
  });

  it("reports an invalid env var name at the entry, with a fix", async () => {
    const d = await only(edit("- MODE=prod", "- MY VAR=1"), "sdl.env_name");
    expect(d.range).toEqual(at(6, 9, 6, 17));
    expect(d.path).toBe("services.web.env[0]");
    expect(d.fixes![0]!.edits).toEqual([{ range: at(6, 9, 6, 17), text: "MY_VAR=1" }]);
  });

  it("warns about an env entry without `=`", async () => {
    const result = await checkSdl(edit("- MODE=prod", "- DEBUG"));
    expect(result.valid).toBe(true);
    const d = result.diagnostics.find((x) => x.code === "sdl.env_format")!;
    expect(d.severity).toBe("warning");
    expect(d.range).toEqual(at(6, 9, 6, 14));
    expect(d.fixes![0]!.edits[0]!.text).toBe("DEBUG=");
  });

  it("warns when nothing is exposed globally", async () => {
    const result = await checkSdl(edit("- global: true", "- global: false"));
    const d = result.diagnostics.find((x) => x.code === "sdl.no_global_expose")!;
    expect(d.severity).toBe("warning");
    expect(d.range).toEqual(at(2, 1, 2, 9));
    expect(result.valid).toBe(true);
  });

  it("suggests the closest compute profile and a stub for a misspelt reference", async () => {
    const d = await only(edit("profile: web", "profile: wbe"), "sdl.profile_missing");
    expect(d.range).toEqual(at(31, 16, 31, 19));
    expect(d.message).toBe("Compute profile `wbe` is not defined under `profiles.compute`. Did you mean `web`?");
    expect(d.fixes![0]).toEqual({ title: "Change to `web`", edits: [{ range: at(31, 16, 31, 19), text: "web" }] });
    expect(d.fixes![1]!.title).toBe("Add a compute profile stub for `wbe`");
    expect(d.fixes![1]!.edits[0]!.range).toEqual(at(14, 1, 14, 1));
    expect(d.fixes![1]!.edits[0]!.text).toBe(
      "    wbe:\n      resources:\n        cpu:\n          units: 0.5\n        memory:\n          size: 512Mi\n        storage:\n          size: 1Gi\n",
    );
  });

  it("reports a placement that does not exist at the deployment key", async () => {
    const d = await only(edit("  web:\n    dcloud:\n      profile", "  web:\n    dclod:\n      profile"), "sdl.placement_missing");
    expect(d.range).toEqual(at(30, 5, 30, 10));
    expect(d.fixes![0]!.edits[0]!.text).toBe("dcloud");
  });

  it("reports a service without deployment and an unused profile", async () => {
    const text = edit("profiles:", "  worker:\n    image: busybox\nprofiles:");
    const d = await only(text, "sdl.deployment_missing");
    expect(d.range).toEqual(at(12, 3, 12, 9));
    expect(d.message).toContain("Service `worker` has no entry under `deployment`");
    const unused = await checkSdl(edit("  placement:", "    spare:\n      resources: {cpu: {units: 1}, memory: {size: 1Gi}, storage: {size: 1Gi}}\n  placement:"));
    const w = unused.diagnostics.find((x) => x.code === "sdl.profile_unused")!;
    expect(w.severity).toBe("warning");
    expect(w.range).toEqual(at(22, 5, 22, 10));
  });

  it("reports a deployment for an undefined service", async () => {
    const d = await only(edit("deployment:\n  web:", "deployment:\n  web:\n    dcloud:\n      profile: web\n      count: 1\n  wbe:"), "sdl.service_missing");
    expect(d.range).toEqual(at(33, 3, 33, 6));
    expect(d.fixes![0]!.edits[0]!.text).toBe("web");
  });

  it.each([
    ["units: 0.5", "units: 0.005", "sdl.cpu_range", at(17, 18, 17, 23), "0.01"],
    ["units: 0.5", "units: 500", "sdl.cpu_range", at(17, 18, 17, 21), "384"],
    ["size: 512Mi", "size: 512Ki", "sdl.memory_range", at(19, 17, 19, 22), "1Mi"],
    ["size: 512Mi", "size: 3Ti", "sdl.memory_range", at(19, 17, 19, 20), "2Ti"],
    ["size: 1Gi", "size: 1Mi", "sdl.storage_range", at(21, 17, 21, 20), "5Mi"],
    ["size: 1Gi", "size: 33Ti", "sdl.storage_range", at(21, 17, 21, 21), "32Ti"],
  ])("enforces the chain's limit: %s -> %s", async (from, to, code, range, fix) => {
    const d = await only(edit(from, to), code);
    expect(d.range).toEqual(range);
    expect(d.fixes![0]!.edits).toEqual([{ range, text: fix }]);
  });

  it("enforces the GPU count limit and warns about a GPU without model", async () => {
    const gpu = edit("        storage:\n          size: 1Gi", "        gpu:\n          units: 25\n          attributes:\n            vendor:\n              nvidia:\n        storage:\n          size: 1Gi");
    const d = await only(gpu, "sdl.gpu_range");
    expect(d.range).toEqual(at(21, 18, 21, 20));
    expect(d.message).toBe("GPU count 25 is outside the chain's limit of 0 to 24 per replica.");
    const w = await only(gpu, "sdl.gpu_model");
    expect(w.severity).toBe("warning");
    expect(w.range).toEqual(at(24, 15, 24, 21));
  });

  it("says one thing about a node: the chain-limit rule, not chain-sdk's generic range error as well", async () => {
    const result = await checkSdl(edit("units: 0.5", "units: 0"));
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: "sdl.cpu_units", path: "profiles.compute.web.resources.cpu.units", range: at(17, 18, 17, 19) });
  });

  it("replaces a price denom that is not uakt or uact", async () => {
    const d = await only(edit("denom: uact", "denom: usdc"), "sdl.denom");
    expect(d.range).toEqual(at(26, 18, 26, 22));
    expect(d.fixes!.map((f) => f.edits[0]!.text)).toEqual(["uact", "uakt"]);
  });

  it("points at a missing pricing entry", async () => {
    const d = await only(edit("        web:\n          denom", "        api:\n          denom"), "sdl.pricing_missing");
    expect(d.range).toEqual(at(24, 7, 24, 14));
    expect(d.fixes![0]!.edits[0]!.text).toBe("        web:\n          denom: uact\n          amount: 1000\n");
  });
});

describe("chain-sdk schema errors", () => {
  it("reports docker-compose keys as errors that say what Akash does instead (deliberately, like chain-sdk)", async () => {
    // The Go parser ignores unknown keys, but chain-sdk, which builds the manifest this console signs, refuses them.
    const d = await only(edit("    image: nginx:1.27", "    image: nginx:1.27\n    depends_on:\n      - db"), "sdl.unknown_key");
    expect(d.severity).toBe("error");
    expect(d.range).toEqual(at(5, 5, 5, 15));
    expect(d.message).toBe(
      "`depends_on` is not an Akash SDL key: services start independently on Akash; reach another service by using its name as the hostname (expose its port with `to: - service: <name>`).",
    );
    expect(d.fixes).toEqual([{ title: "Remove `depends_on`", edits: [{ range: at(5, 1, 7, 1), text: "" }] }]);
    expect(d.message).not.toMatch(/must NOT have additional properties|Additional property/);
  });

  it.each([
    ["volumes", "use `params.storage`"],
    ["restart", "providers always restart containers"],
    ["container_name", "the service key is the container's name"],
  ])("explains `%s`", async (key, words) => {
    const d = await only(edit("    image: nginx:1.27", `    image: nginx:1.27\n    ${key}: x`), "sdl.unknown_key");
    expect(d.message).toContain(words);
    expect(d.range).toEqual(at(5, 5, 5, 5 + key.length));
  });

  it("offers `env` for `environment` and did-you-mean for a typo", async () => {
    const env = await only(edit("    image: nginx:1.27", "    image: nginx:1.27\n    environment:\n      - A=1"), "sdl.unknown_key");
    expect(env.fixes![0]).toEqual({ title: "Rename to `env`", edits: [{ range: at(5, 5, 5, 16), text: "env" }] });
    const typo = await only(edit("    image: nginx:1.27", "    imgae: nginx:1.27"), "sdl.unknown_key");
    expect(typo.message).toContain("Did you mean `image`?");
  });

  it("refuses params.tee: the repository's chain-sdk accepts it, the 1.0.0-alpha.25 package we build with does not", async () => {
    const d = await only(edit("    env:", "    params:\n      tee:\n        type: cpu\n    env:"), "sdl.tee_unsupported");
    expect(d.severity).toBe("error");
    expect(d.range).toEqual(at(6, 7, 6, 10));
    expect(d.message).toContain("not supported by this console's chain-sdk version");
  });

  it("maps a missing key to the parent's key and a bad enum to the value with fixes", async () => {
    const missing = await only(edit("    image: nginx:1.27\n", ""), "sdl.missing_key");
    expect(missing.range).toEqual(at(3, 3, 3, 6));
    expect(missing.message).toBe("`services.web` is missing `image`: the container image to run, e.g. `nginx:1.27`");
    const proto = await only(edit("        as: 80", "        as: 80\n        proto: tpc"), "sdl.enum");
    expect(proto.range).toEqual(at(10, 16, 10, 19));
    expect(proto.fixes![0]!.edits[0]!.text).toBe("tcp");
  });
});

describe("broken YAML", () => {
  it("reports a tab in the indentation with a fix", async () => {
    const result = await checkSdl(edit("    image: nginx:1.27", "\timage: nginx:1.27"));
    expect(result.valid).toBe(false);
    const d = result.diagnostics[0]!;
    expect(d.code).toBe("yaml.tab");
    expect(d.range.startLine).toBe(4);
    expect(d.fixes![0]!.edits[0]!.text).toBe("  ");
  });

  it("reports a duplicate key at the second occurrence", async () => {
    const d = (await checkSdl(edit("    env:", "    image: redis\n    env:"))).diagnostics[0]!;
    expect(d.code).toBe("yaml.duplicate_key");
    expect(d.range.startLine).toBe(5);
    expect(d.message).toContain("`image`");
  });

  it("reports bad indentation on its line", async () => {
    const d = (await checkSdl(edit("    env:", "     env:"))).diagnostics[0]!;
    expect(d.code).toMatch(/^yaml\./);
    expect(d.range.startLine).toBe(5);
  });

  it("points at the opening quote of an unclosed string", async () => {
    const d = (await checkSdl(edit("image: nginx:1.27", 'image: "nginx:1.27'))).diagnostics[0]!;
    expect(d.code).toBe("yaml.unclosed_quote");
    expect(d.range.startLine).toBe(4);
    expect(d.range.startColumn).toBe(12);
  });

  it("refuses a 5 MB paste before parsing, quickly", async () => {
    const huge = BASE + "#".repeat(5 * 1024 * 1024);
    const started = performance.now();
    const result = await checkSdl(huge);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.code).toBe("sdl.too_large");
    expect(result.diagnostics[0]!.message).toContain("1 MiB");
  });

  it("counts UTF-8 bytes, not characters, against the 1 MiB limit", async () => {
    const result = await checkSdl("# " + "é".repeat(600_000));
    expect(result.diagnostics[0]!.code).toBe("sdl.too_large");
  });

  it("refuses an alias bomb instead of hanging", async () => {
    let text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (let i = 0; i < 8; i++) text += `${"b" + i}: &b${i} [${Array(10).fill(i === 0 ? "*a" : `*b${i - 1}`).join(", ")}]\n`;
    const result = await checkSdl(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["sdl.too_large"]);
  });

  it("never throws on odd documents", async () => {
    for (const text of ["", "---", "42", "- a\n- b", "version: [", "services: !!binary x", "{a: 1, a: 2}", "\u0000"]) {
      const result = await checkSdl(text);
      expect(result.valid).toBe(false);
      expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
