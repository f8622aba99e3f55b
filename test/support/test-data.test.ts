import { describe, expect, it } from "vitest";
import { corpusFile, corpusPaths } from "@/test/support/corpus";
import { CORPUS_DIR, readTestData, testDataPath, yamlPaths } from "@/test/support/test-data";

describe("test data", () => {
  it("lives inside the repository, each set with a note of its source and licence", () => {
    expect(readTestData("sdl-corpus", "SOURCE.md")).toMatch(/Apache License 2\.0/);
    expect(readTestData("chain-sdk", "SOURCE.md")).toMatch(/Apache License 2\.0/);
    expect(corpusPaths()).toHaveLength(203);
    expect(corpusPaths().every((p) => p.startsWith(CORPUS_DIR))).toBe(true);
  });

  it("fails loudly, naming the file, when a data file is missing", () => {
    expect(() => corpusFile("no-such-template.yaml")).toThrow("test data missing: sdl-corpus/no-such-template.yaml");
    expect(() => testDataPath("chain-sdk", "testdata", "nothing-here")).toThrow(/test data missing: chain-sdk\/testdata\/nothing-here/);
  });

  it("fails loudly when a folder of YAML files is missing or empty, instead of yielding no test cases", () => {
    expect(() => yamlPaths(`${CORPUS_DIR}/no-such-folder`)).toThrow(/test data missing/);
    expect(() => yamlPaths(testDataPath("chain-sdk", "testdata", "jwt"))).toThrow(/no YAML file in/);
  });
});
