import { describe, expect, it } from "vitest";
import { EventResumer, LogResumer } from "@/lib/provider-gateway/resume-dedup";
import type { LogFrame } from "@/lib/provider-gateway/schemas";

const line = (name: string, message: string): LogFrame => ({ name, message });
const history = (pod: string, from: number, to: number) => Array.from({ length: to - from }, (_, i) => line(pod, `${pod} line ${from + i}`));

/** delivers `before`, then resumes with the provider's tail of `history`, returns what the consumer gets after */
function resume(r: LogResumer, before: LogFrame[], reopened: LogFrame[], now = 0): LogFrame[] {
  for (const f of before) r.record(f);
  r.beginResume(now);
  const out: LogFrame[] = [];
  for (const f of reopened) out.push(...r.accept(f, now));
  out.push(...r.flushStalled(now + 10_000));
  return out;
}

describe("LogResumer", () => {
  it("drops the lines of the reopened tail that were delivered before the drop, per pod", () => {
    const r = new LogResumer(5);
    // delivered lines 0..9 of web; lines 10..11 were written while the stream was down; the tail of 5 is lines 7..11
    const got = resume(r, history("web", 0, 10), history("web", 7, 12));
    expect(got.map((f) => f.message)).toEqual(["web line 10", "web line 11"]);
  });

  it("delivers everything when more lines than the tail were written in between (nothing overlaps)", () => {
    const r = new LogResumer(3);
    const got = resume(r, history("web", 0, 5), history("web", 20, 23));
    expect(got.map((f) => f.message)).toEqual(["web line 20", "web line 21", "web line 22"]);
  });

  it("keeps pods apart and passes new pods through at once", () => {
    const r = new LogResumer(4);
    for (const f of [...history("a", 0, 4), ...history("b", 0, 4)]) r.record(f);
    r.beginResume(0);
    expect(r.accept(line("c", "first line of a new pod"))).toEqual([line("c", "first line of a new pod")]);
    const out: LogFrame[] = [];
    for (const f of [...history("b", 2, 5), ...history("a", 1, 6)]) out.push(...r.accept(f, 0));
    expect(out.map((f) => f.message)).toEqual(["b line 4", "a line 4", "a line 5"]);
    expect(r.pending).toBe(0);
  });

  it("holds a pod's lines while they still match, and releases them when the pod goes quiet", () => {
    const r = new LogResumer(5, 1_000);
    for (const f of history("web", 0, 5)) r.record(f);
    r.beginResume(0);
    // the pod wrote nothing new: its tail is exactly what was delivered, and it stops after 3 of the 5 lines
    expect(r.accept(line("web", "web line 2"), 0)).toEqual([]);
    expect(r.accept(line("web", "web line 3"), 0)).toEqual([]);
    expect(r.pending).toBe(2);
    expect(r.flushStalled(500)).toEqual([]);
    // 3,4 match the recorded suffix completely: nothing to deliver
    expect(r.accept(line("web", "web line 4"), 600)).toEqual([]);
    expect(r.pending).toBe(0);
    expect(r.accept(line("web", "web line 5"), 700)).toEqual([line("web", "web line 5")]);
  });

  it("chooses the longest overlap when lines repeat, so no duplicate is shown", () => {
    const r = new LogResumer(5);
    const got = resume(r, [line("p", "x"), line("p", "x"), line("p", "x")], [line("p", "x"), line("p", "x"), line("p", "x"), line("p", "x"), line("p", "y")]);
    expect(got).toEqual([line("p", "x"), line("p", "y")]);
  });

  it("remembers at most twice its tail per pod", () => {
    const r = new LogResumer(3);
    for (const f of history("web", 0, 1000)) r.record(f);
    r.beginResume(0);
    const out = [...history("web", 997, 1001)].flatMap((f) => r.accept(f, 0));
    expect(out.map((f) => f.message)).toEqual(["web line 1000"]);
  });
});

describe("EventResumer", () => {
  it("passes an event once and drops it when a reopened stream repeats it", () => {
    const r = new EventResumer();
    const ev = { type: "Normal", reason: "Pulled", note: "pulled nginx", reportingController: "kubelet", reportingInstance: "node1", object: { kind: "Pod", namespace: "ns", name: "web-1" } };
    expect(r.fresh(ev)).toBe(true);
    expect(r.fresh({ ...ev })).toBe(false);
    expect(r.fresh({ ...ev, reason: "Started" })).toBe(true);
  });
});
