/**
 * checkSdl (parse with positions + all rules + manifest + version hash) against chain-sdk's own pipeline on the
 * same text in the same run: load (chain-sdk's js-yaml `yaml` tag) + validateSDL + generateManifest +
 * generateManifestVersion. Both take text and return a verdict and a version, so the ratio is like for like.
 *
 * Per corpus file: warm-up, then N rounds alternating ours/theirs (so drift hits both), median per file;
 * p50/p95 across files for both, and the ratio ours/theirs of each. Target: p95 ratio <= 1.5.
 *
 *   npx tsx bench/sdl-validate.bench.ts    (SDL_BENCH_ROUNDS=n to change N)
 */
import { readFileSync } from "node:fs";

import { generateManifest, generateManifestVersion, validateSDL, type SDLInput } from "@akashnetwork/chain-sdk";

import { checkSdl } from "@/lib/sdl/check";
import { chainSdkLoad } from "@/test/support/chain-sdk-reference";
import { corpusPaths } from "@/test/support/corpus";
import { record } from "./lib/report";

const ROUNDS = Number(process.env.SDL_BENCH_ROUNDS ?? 40);
const WARMUP = 5;
const TARGET = 1.5;

async function theirs(text: string): Promise<string | null> {
  let sdl: SDLInput;
  try {
    sdl = chainSdkLoad(text) as SDLInput;
  } catch {
    return null;
  }
  try {
    if (validateSDL(sdl, "mainnet")) return null;
    const result = generateManifest(sdl, "mainnet");
    if (!result.ok) return null;
    return Buffer.from(await generateManifestVersion(result.value.groups)).toString("hex");
  } catch {
    return null;
  }
}

async function ours(text: string): Promise<string | null> {
  return (await checkSdl(text)).manifestVersion;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: (t: string) => Promise<unknown>, text: string): Promise<number> {
  const t0 = performance.now();
  await fn(text);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const files = corpusPaths();
  const started = performance.now();
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  let mismatches = 0;

  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (let i = 0; i < WARMUP; i++) {
      await ours(text);
      await theirs(text);
    }
    const [a, b] = [await ours(text), await theirs(text)];
    if (a !== b && b !== null) mismatches++;
    const o: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      if (i % 2 === 0) {
        o.push(await time(ours, text));
        t.push(await time(theirs, text));
      } else {
        t.push(await time(theirs, text));
        o.push(await time(ours, text));
      }
    }
    oursMs.push(median(o));
    theirsMs.push(median(t));
  }

  const so = [...oursMs].sort((a, b) => a - b);
  const st = [...theirsMs].sort((a, b) => a - b);
  const fmt = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;
  const p50 = percentile(so, 50) / percentile(st, 50);
  const p95 = percentile(so, 95) / percentile(st, 95);
  console.log(`sdl-validate: ${files.length} corpus files, ${ROUNDS} interleaved rounds each (median per file)`);
  console.log(`  checkSdl (ours)                          p50 ${fmt(percentile(so, 50))}   p95 ${fmt(percentile(so, 95))}`);
  console.log(`  chain-sdk load+validate+manifest+version p50 ${fmt(percentile(st, 50))}   p95 ${fmt(percentile(st, 95))}`);
  console.log(`  ratio ours/theirs                        p50 ${p50.toFixed(2)}x     p95 ${p95.toFixed(2)}x   target <= ${TARGET}x: ${p95 <= TARGET ? "PASS" : "MISS"}`);
  record({ bench: "sdl-validate", figure: "checkSdl p95 vs chain-sdk", value: percentile(so, 95) * 1000, unit: "µs", baseline: percentile(st, 95) * 1000, target: { op: "<=", limit: TARGET, of: "ratio" }, valid: mismatches === 0 });
  if (mismatches > 0) console.log(`  WARNING: ${mismatches} files where our manifest version differs from chain-sdk's`);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

void main();
