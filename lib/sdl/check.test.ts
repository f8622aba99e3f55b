/**
 * Golden conformance: every SDL of the corpus and of chain-sdk's testdata gives chain-sdk's verdict and manifest
 * version, the output fixtures' manifest and group specs, and every rejected SDL an error at a real position.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { checkSdl } from "@/lib/sdl/check";
import { chainSdkReference, outputFixtures } from "@/test/support/chain-sdk-reference";
import { corpusPaths } from "@/test/support/corpus";
import { GO_FIXTURES_DIR, SDL_INPUT_DIR, TEST_DATA_DIR, yamlPaths } from "@/test/support/test-data";

const rel = (file: string) => path.relative(TEST_DATA_DIR, file);

const FILES = [
  ...corpusPaths(),
  ...outputFixtures().map((f) => f.input),
  ...yamlPaths(path.join(SDL_INPUT_DIR, "invalid")),
  ...yamlPaths(path.join(SDL_INPUT_DIR, "schema-only-invalid")),
  // The Go parser's fixtures: chain-sdk (and so the console) rejects some that Go accepts, e.g. numeric signedBy
  // entries; the verdict we compare with is chain-sdk's, since it builds the manifest the console signs.
  ...yamlPaths(GO_FIXTURES_DIR),
];

/**
 * SDLs chain-sdk accepts and we reject, each with the rule that rejects it. Empty today: no corpus file breaks the
 * provider-side rules (service names, env names, chain limits, denoms). Listed so that the test fails if that
 * changes in either direction.
 */
const STRICTER_THAN_CHAIN_SDK: Record<string, string> = {};

/**
 * Where our outputs differ from the output fixtures of the chain-sdk repository, on purpose:
 * - `params.tee`: the repository (and its fixtures) accept it, the published 1.0.0-alpha.25 we build with does not,
 *   so these SDLs are errors here (`sdl.tee_unsupported`) and have no manifest;
 * - group spec endpoints: the fixtures come from the Go implementation, which keeps declaration order; chain-sdk
 *   sorts a resource's endpoints by kind and sequence number. We return chain-sdk's order (what gets signed), and
 *   compare the fixtures order-insensitively.
 */
const TEE_FIXTURES = ["v2.1/tee-cpu", "v2.1/tee-cpu-gpu"];

describe("checkSdl conformance with chain-sdk", () => {
  it("reads the whole corpus and every output fixture from test/data", () => {
    expect(corpusPaths()).toHaveLength(203);
    expect(outputFixtures().length).toBe(15);
  });

  it("gives chain-sdk's verdict and manifest version for every corpus file and fixture", async () => {
    const stricter: Record<string, string> = {};
    const problems: string[] = [];
    for (const file of FILES) {
      const text = readFileSync(file, "utf8");
      const [ref, ours] = await Promise.all([chainSdkReference(text), checkSdl(text)]);
      if (ref.valid && !ours.valid) {
        stricter[rel(file)] = ours.diagnostics.find((d) => d.severity === "error")!.code;
        continue;
      }
      if (ref.valid !== ours.valid) problems.push(`${rel(file)}: chain-sdk ${ref.valid ? "accepts" : "rejects"}, we ${ours.valid ? "accept" : "reject"}`);
      if (ours.manifestVersion !== ref.manifestVersion) problems.push(`${rel(file)}: version ${ours.manifestVersion} != ${ref.manifestVersion}`);
    }
    expect(problems).toEqual([]);
    expect(stricter).toEqual(STRICTER_THAN_CHAIN_SDK);
  });

  it("puts every rejection at a real position inside the file", async () => {
    const problems: string[] = [];
    for (const file of FILES) {
      const text = readFileSync(file, "utf8");
      const ours = await checkSdl(text);
      if (ours.valid) continue;
      const lines = text.split("\n");
      const errors = ours.diagnostics.filter((d) => d.severity === "error");
      if (errors.length === 0) problems.push(`${rel(file)}: no error`);
      for (const d of errors) {
        const { startLine, startColumn, endLine, endColumn } = d.range;
        const inside =
          startLine >= 1 && endLine <= lines.length && startColumn >= 1 && (startLine < endLine || endColumn > startColumn);
        if (!inside) problems.push(`${rel(file)}: ${d.code} range ${JSON.stringify(d.range)} outside the file`);
        // 1:1 only when the finding is about the document itself (or its first key really starts there).
        if (startLine === 1 && startColumn === 1 && d.path !== "" && !lines[0]!.startsWith(String(d.path.split(/[.[]/)[0]))) {
          problems.push(`${rel(file)}: ${d.code} at 1:1 for ${d.path}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  describe.each(outputFixtures())("output fixture $name", (fixture) => {
    it(TEE_FIXTURES.includes(fixture.name) ? "is refused: params.tee is not in chain-sdk 1.0.0-alpha.25" : "equals manifest.json and group-specs.json", async () => {
      const result = await checkSdl(readFileSync(fixture.input, "utf8"));
      if (TEE_FIXTURES.includes(fixture.name)) {
        expect(result.valid).toBe(false);
        expect(result.diagnostics.map((d) => d.code)).toContain("sdl.tee_unsupported");
        expect(result.manifest).toBeNull();
        return;
      }
      expect(result.valid).toBe(true);
      expect(result.manifest).toEqual(JSON.parse(readFileSync(fixture.manifest, "utf8")));
      expect(JSON.parse(result.manifestJson!)).toEqual(result.manifest);
      expect(sortEndpoints(result.groups)).toEqual(sortEndpoints(JSON.parse(readFileSync(fixture.groups, "utf8"))));
    });
  });
});

type Endpoint = { kind?: number; sequence_number: number };
function sortEndpoints(groups: unknown): unknown {
  const copy = structuredClone(groups) as { resources: { resource: { endpoints?: Endpoint[] } }[] }[];
  for (const g of copy) {
    for (const r of g.resources) {
      r.resource.endpoints?.sort((a, b) => (a.kind ?? 0) - (b.kind ?? 0) || a.sequence_number - b.sequence_number);
    }
  }
  return copy;
}
