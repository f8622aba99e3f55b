import { describe, expect, it } from "vitest";
import { parseAnsi } from "@/lib/logs/ansi";
import { MAX_LINE_CHARS, truncateLine, truncationMarker } from "@/lib/logs/truncate";

describe("truncateLine", () => {
  it("keeps a line within the bound as it is", () => {
    const line = "x".repeat(MAX_LINE_CHARS);
    expect(truncateLine(line)).toEqual({ text: line, omitted: 0 });
  });

  it("cuts a 10 MB single line to the bound and counts what it left out, quickly", () => {
    const huge = "{\"k\":\"" + "v".repeat(10 * 1024 * 1024) + "\"}";
    const t0 = performance.now();
    const r = truncateLine(huge);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(r.text.length).toBe(MAX_LINE_CHARS);
    expect(r.text).toBe(huge.slice(0, MAX_LINE_CHARS));
    expect(r.omitted).toBe(huge.length - MAX_LINE_CHARS);
    expect(truncationMarker(r.omitted)).toBe(` … [${(huge.length - MAX_LINE_CHARS).toLocaleString("en-US")} more characters not shown]`);
  });

  it("never splits a surrogate pair", () => {
    const r = truncateLine("ab😀cd", 3);
    expect(r).toEqual({ text: "ab", omitted: 4 });
  });

  it("leaves an escape sequence cut at the bound for the ANSI parser to drop", () => {
    const r = truncateLine("ok\u001b[38;5;19", 6);
    expect(parseAnsi(r.text).map((s) => s.text).join("")).toBe("ok");
  });
});
