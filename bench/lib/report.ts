/**
 * One row of the benchmark table: a figure a bench measured, the baseline it measured in the same run, and the
 * target it is held to. Each bench prints its own detail as it goes and calls `record()` for the figures that have
 * a target or a baseline; `scripts/bench.ts` (`npm run bench`) runs every bench and prints all rows as one table
 * (and writes them as JSON), so a bench that misses or crashes does not hide the others.
 *
 * Rows travel from a bench process to the runner as JSON lines appended to the file named by BENCH_RESULTS: one
 * file per run, so two benches never interleave a partial line (each append is one write of one short line).
 */
import { appendFileSync } from "node:fs";
import { z } from "zod";

export const benchRowSchema = z.object({
  bench: z.string(),
  figure: z.string(),
  value: z.number(),
  unit: z.string(),
  /** the same figure for the baseline measured in the same run (a bare keystroke frame, chain-sdk, polling...) */
  baseline: z.number().nullable(),
  /** what the target is held against: the value itself, or the ratio value / baseline */
  targetOf: z.enum(["value", "ratio"]).nullable(),
  target: z.object({ op: z.enum(["<", "<=", ">=", ">"]), limit: z.number() }).nullable(),
  /** PASS/MISS when there is a target; INFO when the row is a figure without one */
  verdict: z.enum(["PASS", "MISS", "INFO"]),
});
export type BenchRow = z.infer<typeof benchRowSchema>;

export interface RecordInput {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: number;
  /** e.g. { op: "<", limit: 300 } held against the value, or with `of: "ratio"` against value / baseline */
  target?: { op: "<" | "<=" | ">=" | ">"; limit: number; of?: "value" | "ratio" };
  /** extra conditions the target needs besides the number (e.g. enough samples measured); false makes it a MISS */
  valid?: boolean;
}

function meets(x: number, op: "<" | "<=" | ">=" | ">", limit: number): boolean {
  if (!Number.isFinite(x)) return false;
  if (op === "<") return x < limit;
  if (op === "<=") return x <= limit;
  if (op === ">=") return x >= limit;
  return x > limit;
}

/** Ratio of a value to its baseline, or null when there is none (or it is zero). */
export function ratioOf(row: Pick<BenchRow, "value" | "baseline">): number | null {
  return row.baseline === null || row.baseline === 0 ? null : row.value / row.baseline;
}

export function toRow(input: RecordInput): BenchRow {
  const baseline = input.baseline ?? null;
  const targetOf = input.target ? (input.target.of ?? "value") : null;
  const row: BenchRow = {
    bench: input.bench,
    figure: input.figure,
    value: input.value,
    unit: input.unit,
    baseline,
    targetOf,
    target: input.target ? { op: input.target.op, limit: input.target.limit } : null,
    verdict: "INFO",
  };
  if (input.target) {
    const measured = targetOf === "ratio" ? ratioOf(row) : row.value;
    row.verdict = measured !== null && input.valid !== false && meets(measured, input.target.op, input.target.limit) ? "PASS" : "MISS";
  }
  return row;
}

/** Records a row for the runner's table and returns its verdict, so a bench can print it on its own line too. */
export function record(input: RecordInput): BenchRow["verdict"] {
  const row = toRow(input);
  const file = process.env.BENCH_RESULTS;
  if (file) appendFileSync(file, JSON.stringify(row) + "\n");
  return row.verdict;
}
