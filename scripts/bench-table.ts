/**
 * The benchmark table `npm run bench` ends with: one line per figure, every bench included, with the verdict of
 * each target. Pure (rows in, text out) so the runner and its test share it.
 */
import { ratioOf, type BenchRow } from "../bench/lib/report";

export interface BenchRun {
  /** the bench file, e.g. bench/sdl-validate.bench.ts */
  file: string;
  exitCode: number;
  seconds: number;
  rows: BenchRow[];
}

const HEADERS = ["bench", "figure", "value", "baseline", "ratio", "target", "verdict"] as const;

function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toLocaleString("en-US");
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

function cells(run: BenchRun, row: BenchRow): string[] {
  const ratio = ratioOf(row);
  const target = row.target ? `${row.targetOf === "ratio" ? "ratio " : ""}${row.target.op} ${num(row.target.limit)}${row.targetOf === "ratio" ? "x" : ` ${row.unit}`}` : "";
  return [
    run.file.replace(/^bench\//, "").replace(/\.bench\.ts$/, ""),
    row.figure,
    `${num(row.value)} ${row.unit}`,
    row.baseline === null ? "" : `${num(row.baseline)} ${row.unit}`,
    ratio === null ? "" : `${ratio.toFixed(2)}x`,
    target,
    row.verdict,
  ];
}

/** Rows of every run; a bench that crashed or recorded nothing gets a row that says so (ERROR / NONE). */
export function tableLines(runs: readonly BenchRun[]): string[] {
  const body: string[][] = [];
  for (const run of runs) {
    const name = run.file.replace(/^bench\//, "").replace(/\.bench\.ts$/, "");
    for (const row of run.rows) body.push(cells(run, row));
    if (run.exitCode !== 0) body.push([name, `(the bench exited with code ${run.exitCode} after ${run.seconds.toFixed(0)} s)`, "", "", "", "", "ERROR"]);
    else if (run.rows.length === 0) body.push([name, "(no figures recorded)", "", "", "", "", "NONE"]);
  }
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(HEADERS), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
}

export function summary(runs: readonly BenchRun[]): { pass: number; miss: number; errors: number } {
  const rows = runs.flatMap((r) => r.rows);
  return {
    pass: rows.filter((r) => r.verdict === "PASS").length,
    miss: rows.filter((r) => r.verdict === "MISS").length,
    errors: runs.filter((r) => r.exitCode !== 0).length,
  };
}
