/**
 * The one module that knows where the test data lives: test/data, inside the repository, so that a clone alone
 * has everything its tests read (where each set comes from: test/data/<set>/SOURCE.md).
 * Data that is missing throws with its path: a test without its data fails loudly, it never skips.
 * Lib-free (node: modules only): devnet tests and benches use it too.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const TEST_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../data");
/** 203 SDLs of the awesome-akash template collection */
export const CORPUS_DIR = path.join(TEST_DATA_DIR, "sdl-corpus");
/** akash-network/chain-sdk's testdata/ and its Go parser's fixtures */
export const CHAIN_SDK_DIR = path.join(TEST_DATA_DIR, "chain-sdk");
export const SDL_INPUT_DIR = path.join(CHAIN_SDK_DIR, "testdata/sdl/input");
export const SDL_OUTPUT_DIR = path.join(CHAIN_SDK_DIR, "testdata/sdl/output-fixtures");
export const GO_FIXTURES_DIR = path.join(CHAIN_SDK_DIR, "go/sdl/_testdata");
export const JWT_DIR = path.join(CHAIN_SDK_DIR, "testdata/jwt");

function missing(file: string): Error {
  return new Error(
    `test data missing: ${path.relative(TEST_DATA_DIR, file) || file} (looked for ${file}). ` +
      "It is part of the repository under test/data/; restore it from git rather than skipping the test.",
  );
}

/** The absolute path of a file or folder in test/data; throws when it is not there. */
export function testDataPath(...parts: string[]): string {
  const file = path.resolve(TEST_DATA_DIR, ...parts);
  if (!existsSync(file)) throw missing(file);
  return file;
}

export function readTestData(...parts: string[]): string {
  return readFileSync(testDataPath(...parts), "utf8");
}

/** The YAML files of a folder, sorted, as absolute paths; throws when the folder is missing or has none. */
export function yamlPaths(dir: string): string[] {
  if (!existsSync(dir)) throw missing(dir);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort()
    .map((f) => path.join(dir, f));
  if (files.length === 0) throw new Error(`test data missing: no YAML file in ${dir}`);
  return files;
}
