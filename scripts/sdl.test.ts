import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { checkSdl } from "@/lib/sdl/check";
import { testDataPath } from "@/test/support/test-data";
import { readFileSync } from "node:fs";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");

async function sdl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/sdl.ts", ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const valid = testDataPath("sdl-corpus", "AUTOMATIC1111.yaml");
const invalid = testDataPath("sdl-corpus", "wordpress.yaml");

describe("sdl CLI", () => {
  it("prints one JSON array, one object per file in order, and exits 1 when one is invalid", async () => {
    const { code, stdout } = await sdl("check", valid, invalid, "/nonexistent/deploy.yaml", "--json");
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as { file: string; valid: boolean; diagnostics: Record<string, unknown>[]; manifestVersion: string | null }[];
    expect(out.map((o) => [o.file, o.valid])).toEqual([[valid, true], [invalid, false], ["/nonexistent/deploy.yaml", false]]);
    const expected = await checkSdl(readFileSync(valid, "utf8"));
    expect(out[0]!.manifestVersion).toBe(expected.manifestVersion);
    expect(out[0]!.manifestVersion).toMatch(/^[0-9a-f]{64}$/);
    expect(out[1]!.manifestVersion).toBeNull();
    expect(out[1]!.diagnostics[0]).toMatchObject({ severity: "error", line: 6, column: 5, path: "services.wordpress.depends_on" });
    expect(Object.keys(out[1]!.diagnostics[0]!).sort()).toEqual(["code", "column", "line", "message", "path", "severity"]);
    expect(out[2]!.diagnostics[0]).toMatchObject({ severity: "error", code: "io", line: 1, column: 1 });
  });

  it("exits 0 when every file is valid and prints human lines without --json", async () => {
    const { code, stdout } = await sdl("check", valid, testDataPath("chain-sdk/testdata/sdl/input/v2.0/simple/input.yaml"));
    expect(code).toBe(0);
    expect(stdout).toMatch(/AUTOMATIC1111\.yaml:\d+:\d+ warning /);
    expect(stdout).toContain("2 files checked: 2 valid, 0 invalid");
  });

  it.each([[["lint", valid]], [["check"]], [["check", valid, "--yaml"]], [[]]])("exits 2 with a usage line for %j", async (args) => {
    const { code, stderr, stdout } = await sdl(...args);
    expect(code).toBe(2);
    expect(stderr).toContain("usage: npm run --silent sdl -- check <file>...");
    expect(stdout).toBe("");
  });
});
