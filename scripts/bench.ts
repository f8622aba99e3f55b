/**
 * `npm run bench`: runs every bench in bench/ (or the files given), each in its own process, even when one misses
 * or crashes; then prints one table of every figure (value, baseline, ratio, target, PASS/MISS) and writes the same
 * rows as JSON to bench-results.json (not committed), so two runs can be compared.
 * Exit code: 0 when every bench ran (a MISS is a figure, not a failure: timing on a shared machine is not a test),
 * 1 when a bench crashed.
 *
 *   npm run bench                                 every bench
 *   npm run bench -- bench/sdl-validate.bench.ts  one
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchRowSchema, type BenchRow } from "../bench/lib/report";
import { summary, tableLines, type BenchRun } from "./bench-table";

const root = path.resolve(import.meta.dirname, "..");
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(path.join(root, "bench"))
      .filter((f) => f.endsWith(".bench.ts"))
      .sort()
      .map((f) => `bench/${f}`);

const dir = mkdtempSync(path.join(os.tmpdir(), "bench-"));
const runs: BenchRun[] = [];
try {
  for (const file of files) {
    console.log(`\n== ${file}`);
    const results = path.join(dir, `${path.basename(file)}.jsonl`);
    const started = performance.now();
    const child = spawnSync("npx", ["tsx", file], { cwd: root, stdio: "inherit", env: { ...process.env, BENCH_RESULTS: results } });
    const seconds = (performance.now() - started) / 1000;
    const rows: BenchRow[] = existsSync(results)
      ? readFileSync(results, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => benchRowSchema.parse(JSON.parse(l)))
      : [];
    runs.push({ file, exitCode: child.status ?? 1, seconds, rows });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log("\n== summary");
for (const l of tableLines(runs)) console.log(l);
const s = summary(runs);
console.log(`\n${s.pass} PASS, ${s.miss} MISS, ${s.errors} bench(es) failed to run`);
writeFileSync(path.join(root, "bench-results.json"), JSON.stringify({ at: new Date().toISOString(), runs }, null, 2) + "\n");
console.log("rows written to bench-results.json");
process.exit(s.errors > 0 ? 1 : 0);
