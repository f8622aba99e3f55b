import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSdl } from "@/lib/sdl/check";
import { FUZZ_SEED, fuzzCorpus, mutatedSdl, violatesCheckProperty } from "@/test/support/sdl-fuzz";

/**
 * A property-based test of the full check: mutated corpus SDLs (deleted, duplicated, renamed and retyped keys,
 * unicode, huge numbers, deep nesting, anchors and alias bombs) never make it throw, and every invalid one gets at
 * least one error placed at a line and column. A fixed seed keeps `npm test` reproducible; bench/sdl-fuzz.bench.ts
 * runs the same property for longer with fresh seeds.
 */
describe("checkSdl on mutated corpus SDLs", () => {
  const corpus = fuzzCorpus();

  it("never throws, and gives every invalid input a diagnostic with a line and column", async () => {
    expect(corpus.length).toBeGreaterThan(10);
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(mutatedSdl(corpus), async ({ text, mutation }) => {
        const why = await violatesCheckProperty(text, async (t) => {
          const r = await checkSdl(t);
          if (!r.valid) invalid += 1;
          return r;
        });
        if (why) throw new Error(`${mutation}: ${why}`);
      }),
      { seed: FUZZ_SEED, numRuns: 300, endOnFailure: true },
    );
    // the mutations must mostly break the SDLs, or the property would hold for want of invalid inputs
    expect(invalid).toBeGreaterThan(150);
  }, 120_000);

  it("would catch a check that leaves an invalid input without a placed error", async () => {
    const unplaced = async () => ({ valid: false, diagnostics: [{ severity: "error", range: { startLine: 0, startColumn: 0 } }] });
    expect(await violatesCheckProperty("services: {}", unplaced)).toMatch(/no error placed/);
    expect(await violatesCheckProperty("x", () => Promise.reject(new Error("boom")))).toMatch(/threw: boom/);
  });

  it("places an error when a GPU vendor's model list is retyped (found by the bench: a warning at the node hid chain-sdk's type error)", async () => {
    const comfy = corpus.find((c) => c.name === "comfyui.yaml")!.text;
    const text = comfy.replace(/nvidia:[ \t]*$/m, "nvidia: {}");
    expect(text).not.toBe(comfy);
    expect(await violatesCheckProperty(text, checkSdl)).toBeNull();
  });
});
