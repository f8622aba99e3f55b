/**
 * The fuzz property of lib/sdl/fuzz.test.ts with a longer budget and a fresh seed each run: mutated corpus SDLs
 * through the full check (lib/sdl/check.ts). Prints inputs checked, the share that was invalid, checks per second,
 * p95 time per input, and violations (must be 0: a throw, or an invalid input without a placed error). The seed is
 * printed so that a violation can be replayed: SDL_FUZZ_SEED=n.
 *
 *   npx tsx bench/sdl-fuzz.bench.ts    (SDL_FUZZ_SECONDS=n, default 60)
 */
import fc from "fast-check";
import { checkSdl } from "@/lib/sdl/check";
import {
  fuzzCorpus,
  mutatedSdl,
  violatesCheckProperty,
} from "@/test/support/sdl-fuzz";
import { record } from "./lib/report";
import { fmtMs, percentile } from "./lib/stats";

const SECONDS = Number(process.env.SDL_FUZZ_SECONDS ?? 60);
const SEED = Number(process.env.SDL_FUZZ_SEED ?? Date.now() % 2 ** 31);

async function main(): Promise<void> {
  const corpus = fuzzCorpus();
  const deadline = Date.now() + SECONDS * 1000;
  const times: number[] = [];
  const violations: string[] = [];
  let invalid = 0;
  const arbitrary = mutatedSdl(corpus);
  // generated in batches of 100 (seed, seed+1, …): fc.sample makes its whole sample up front
  for (let batch = 0; Date.now() < deadline; batch++)
    for (const { text, mutation } of fc.sample(arbitrary, {
      seed: SEED + batch,
      numRuns: 100,
    })) {
      if (Date.now() > deadline) break;
      const t0 = performance.now();
      const why = await violatesCheckProperty(text, async (t) => {
        const r = await checkSdl(t);
        if (!r.valid) invalid += 1;
        return r;
      });
      times.push(performance.now() - t0);
      if (why) violations.push(`${mutation}: ${why}`);
    }
  const n = times.length;
  console.log(
    `sdl fuzz: seed ${SEED}, ${corpus.length} corpus SDLs, ${SECONDS} s`,
  );
  console.log(
    `  inputs checked      ${n} (${((100 * invalid) / Math.max(1, n)).toFixed(1)}% invalid)`,
  );
  console.log(`  checks per second   ${(n / SECONDS).toFixed(0)}`);
  console.log(
    `  time per input      p50 ${fmtMs(percentile(times, 50))}, p95 ${fmtMs(percentile(times, 95))}, max ${fmtMs(Math.max(...times))}`,
  );
  const verdict = record({ bench: "sdl-fuzz", figure: `violations over ${n} fuzzed inputs`, value: violations.length, unit: "violations", target: { op: "<=", limit: 0 } });
  console.log(`  violations          ${violations.length}   ${verdict} (target 0)`);
  for (const v of violations.slice(0, 5)) console.log(`    ${v.slice(0, 300)}`);
}

await main();
