import { describe, expect, it } from "vitest";
import { toRow } from "../bench/lib/report";
import { summary, tableLines } from "./bench-table";

describe("bench rows", () => {
  it("holds a value target against the value", () => {
    expect(toRow({ bench: "b", figure: "p95", value: 280, unit: "ms", target: { op: "<", limit: 300 } }).verdict).toBe("PASS");
    expect(toRow({ bench: "b", figure: "p95", value: 300, unit: "ms", target: { op: "<", limit: 300 } }).verdict).toBe("MISS");
  });

  it("holds a ratio target against value / baseline", () => {
    const row = toRow({ bench: "b", figure: "p95", value: 33, unit: "ms", baseline: 30, target: { op: "<=", limit: 1.1, of: "ratio" } });
    expect(row.verdict).toBe("PASS");
    expect(toRow({ bench: "b", figure: "p95", value: 34, unit: "ms", baseline: 30, target: { op: "<=", limit: 1.1, of: "ratio" } }).verdict).toBe("MISS");
  });

  it("misses a target whose other conditions fail, and a ratio without a baseline", () => {
    expect(toRow({ bench: "b", figure: "p95", value: 1, unit: "ms", target: { op: "<", limit: 300 }, valid: false }).verdict).toBe("MISS");
    expect(toRow({ bench: "b", figure: "x", value: 1, unit: "ms", target: { op: "<", limit: 2, of: "ratio" } }).verdict).toBe("MISS");
  });

  it("marks a figure without a target as INFO", () => {
    expect(toRow({ bench: "b", figure: "rss", value: 90, unit: "MB" }).verdict).toBe("INFO");
  });
});

describe("tableLines", () => {
  const ok = { file: "bench/sdl-validate.bench.ts", exitCode: 0, seconds: 12, rows: [toRow({ bench: "sdl", figure: "checkSdl p95", value: 502, unit: "µs", baseline: 361, target: { op: "<=", limit: 1.5, of: "ratio" } })] };
  const crashed = { file: "bench/bids-row.bench.ts", exitCode: 2, seconds: 40, rows: [] };
  const silent = { file: "bench/quiet.bench.ts", exitCode: 0, seconds: 1, rows: [] };

  it("lists every bench: its figures, a crash as ERROR, a bench without figures as NONE", () => {
    const lines = tableLines([ok, crashed, silent]);
    expect(lines[0]).toMatch(/^bench\s+figure\s+value\s+baseline\s+ratio\s+target\s+verdict$/);
    expect(lines[2]).toMatch(/^sdl-validate\s+checkSdl p95\s+502 µs\s+361 µs\s+1\.39x\s+ratio <= 1\.50x\s+PASS$/);
    expect(lines[3]).toMatch(/^bids-row\s+\(the bench exited with code 2 after 40 s\)\s+ERROR$/);
    expect(lines[4]).toMatch(/^quiet\s+\(no figures recorded\)\s+NONE$/);
  });

  it("counts passes, misses and benches that failed to run", () => {
    expect(summary([ok, crashed, silent])).toEqual({ pass: 1, miss: 0, errors: 1 });
  });
});
