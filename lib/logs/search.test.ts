import { describe, expect, it } from "vitest";
import { stripAnsi } from "@/lib/logs/ansi";
import { capturedLogFrames } from "@/test/support/devnet-capture";
import { findOccurrences, SearchIndex, type SearchableLine } from "@/lib/logs/search";

const lines = (texts: string[], firstId = 0): SearchableLine[] => texts.map((plain, i) => ({ id: firstId + i, plain }));

describe("findOccurrences", () => {
  it("finds every occurrence, case-insensitively, as literal text", () => {
    expect(findOccurrences("GET /a?x=1 get /b?x=1", "?X=1")).toEqual([
      [6, 10],
      [17, 21],
    ]);
    expect(findOccurrences("a.b", ".")).toEqual([[1, 2]]);
    expect(findOccurrences("abc", "")).toEqual([]);
  });
});

describe("SearchIndex", () => {
  it("counts the matches in the devnet's log lines", () => {
    const captured = capturedLogFrames("truth").map((f, id) => ({ id, plain: stripAnsi(f.message) }));
    const idx = new SearchIndex();
    idx.setQuery("ready", captured);
    const expected = captured.reduce((n, l) => n + (l.plain.toLowerCase().split("ready").length - 1), 0);
    expect(expected).toBeGreaterThan(0);
    expect(idx.size).toBe(expected);
  });

  it("steps through occurrences with next and previous, wrapping at both ends", () => {
    const idx = new SearchIndex();
    idx.setQuery("x", lines(["x and x", "none", "x"]));
    expect(idx.size).toBe(3);
    expect(idx.next()).toEqual({ lineId: 0, occurrence: 0 });
    expect(idx.next()).toEqual({ lineId: 0, occurrence: 1 });
    expect(idx.position()).toBe(2);
    expect(idx.next()).toEqual({ lineId: 2, occurrence: 0 });
    expect(idx.next()).toEqual({ lineId: 0, occurrence: 0 });
    expect(idx.previous()).toEqual({ lineId: 2, occurrence: 0 });
    expect(idx.previous()).toEqual({ lineId: 0, occurrence: 1 });
    expect(idx.position()).toBe(2);
  });

  it("starts previous from the last occurrence", () => {
    const idx = new SearchIndex();
    idx.setQuery("x", lines(["x", "xx"]));
    expect(idx.previous()).toEqual({ lineId: 1, occurrence: 1 });
  });

  it("takes in appended lines and forgets evicted ones", () => {
    const idx = new SearchIndex();
    idx.setQuery("err", lines(["err 1", "ok"]));
    idx.append(lines(["err 2", "ERR 3"], 2));
    expect(idx.size).toBe(3);
    idx.next();
    expect(idx.current).toEqual({ lineId: 0, occurrence: 0 });
    idx.evictBefore(1);
    expect(idx.size).toBe(2);
    expect(idx.current).toBeNull();
    expect(idx.next()).toEqual({ lineId: 2, occurrence: 0 });
  });

  it("has nothing to step through without a query or a match", () => {
    const idx = new SearchIndex();
    idx.setQuery("", lines(["a"]));
    expect(idx.next()).toBeNull();
    idx.setQuery("zzz", lines(["a"]));
    expect(idx.previous()).toBeNull();
    expect(idx.position()).toBe(0);
  });
});
