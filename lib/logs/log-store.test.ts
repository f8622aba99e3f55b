import { describe, expect, it } from "vitest";
import { capturedLogFrames, CAPTURED_SERVICES } from "@/test/support/devnet-capture";
import { LogStore, type NewLine } from "@/lib/logs/log-store";
import { serviceOf } from "@/lib/logs/pod-service";
import { truncateLine } from "@/lib/logs/truncate";

const AT = Date.UTC(2026, 11, 2, 17, 48, 26, 442);
const captured = (): NewLine[] =>
  capturedLogFrames("truth").map((f) => ({ source: f.name, service: serviceOf(f.name, CAPTURED_SERVICES), text: f.message, omitted: 0, at: AT }));

describe("LogStore", () => {
  it("holds at most its capacity, the newest lines, under stable ids", () => {
    const store = new LogStore(100);
    const lines = captured();
    store.append(lines);
    expect(store.received).toBe(lines.length);
    expect(store.size).toBe(100);
    expect(store.lineAt(0)!.id).toBe(lines.length - 100);
    expect(store.lineAt(99)!.text).toBe(lines[lines.length - 1]!.text);
    expect(store.indexOf(lines.length - 1)).toBe(99);
    expect(store.indexOf(0)).toBe(-1);
  });

  it("keeps the visible text of coloured lines for search and export", () => {
    const store = new LogStore();
    store.append(captured());
    const coloured = [...store.viewLines()].find((l) => l.text.includes("\u001b["))!;
    expect(coloured.plain).not.toContain("\u001b");
    expect(store.toText()).not.toContain("\u001b");
  });

  it("filters by service and keeps the filter while lines arrive and leave", () => {
    const store = new LogStore(150);
    const lines = captured();
    store.append(lines.slice(0, 100));
    store.setFilter(["db"]);
    expect([...store.viewLines()].every((l) => l.service === "db")).toBe(true);
    store.append(lines.slice(100));
    const kept = lines.slice(lines.length - 150).filter((l) => l.service === "db");
    expect(store.size).toBe(kept.length);
    expect([...store.viewLines()].map((l) => l.text)).toEqual(kept.map((l) => l.text));
    const last = store.lineAt(store.size - 1)!;
    expect(store.indexOf(last.id)).toBe(store.size - 1);
    store.setFilter(null);
    expect(store.size).toBe(150);
  });

  it("searches only the lines the filter shows", () => {
    const store = new LogStore();
    store.append(captured());
    store.setQuery("LOG:");
    const all = store.search.size;
    store.setFilter(["web"]);
    expect(all).toBeGreaterThan(0);
    expect(store.search.size).toBe(0);
  });

  it("exports receipt time, pod, visible text and the truncation marker, one line each", () => {
    const store = new LogStore();
    const huge = truncateLine("x".repeat(20_000));
    store.append([
      { source: "web-1", service: "web", text: "\u001b[32mok\u001b[39m", omitted: 0, at: AT },
      { source: "web-1", service: "web", text: huge.text, omitted: huge.omitted, at: AT },
    ]);
    const [first, second] = store.toText().split("\n");
    expect(first).toBe("2026-12-02T17:48:26.442Z [web-1] ok");
    expect(second!.endsWith(" … [3,616 more characters not shown]")).toBe(true);
  });
});
