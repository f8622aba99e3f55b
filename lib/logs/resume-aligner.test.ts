import { describe, expect, it } from "vitest";
import { eventKey, eventText } from "@/lib/logs/event-line";
import { capturedEventFrames, capturedLogFrames } from "@/test/support/devnet-capture";
import type { LogFrame } from "@/lib/logs/frames";
import { ResumeAligner, type Aligned } from "@/lib/logs/resume-aligner";

function byPod(frames: LogFrame[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const f of frames) m.set(f.name, [...(m.get(f.name) ?? []), f.message]);
  return m;
}

/** Feeds frames through the aligner and collects what it lets through, per key. */
function run(aligner: ResumeAligner, frames: LogFrame[], out: Map<string, string[]>, gaps: Set<string>) {
  const take = (r: Aligned | null) => {
    if (!r) return;
    if (r.gap) gaps.add(r.key);
    out.set(r.key, [...(out.get(r.key) ?? []), ...r.lines]);
  };
  for (const f of frames) take(aligner.accept(f.name, f.message));
  return take;
}

describe("ResumeAligner", () => {
  it("rebuilds the provider's history from a dropped stream and its reopening with a tail (captured on the devnet)", () => {
    const aligner = new ResumeAligner(1000);
    const shown = new Map<string, string[]>();
    const gaps = new Set<string>();
    run(aligner, capturedLogFrames("initial"), shown, gaps);
    aligner.beginResume();
    const take = run(aligner, capturedLogFrames("resume"), shown, gaps);
    aligner.flush().forEach(take);

    const truth = byPod(capturedLogFrames("truth"));
    expect(shown.size).toBe(truth.size);
    for (const [pod, lines] of shown) {
      // no line twice, none lost: exactly the start of the pod's real history
      expect(lines, pod).toEqual(truth.get(pod)!.slice(0, lines.length));
      expect(lines.length).toBeGreaterThan(byPod(capturedLogFrames("initial")).get(pod)!.length);
    }
    expect(gaps.size).toBe(0);
  });

  it("drops every resumed line when nothing new was printed during the drop", () => {
    const aligner = new ResumeAligner(100);
    for (const l of ["a", "b", "c", "d"]) aligner.accept("pod", l);
    aligner.beginResume();
    expect([aligner.accept("pod", "b"), aligner.accept("pod", "c"), aligner.accept("pod", "d")].filter(Boolean)).toEqual([
      { key: "pod", lines: [], gap: false },
    ]);
    expect(aligner.accept("pod", "e")).toEqual({ key: "pod", lines: ["e"], gap: false });
  });

  it("aligns each pod on its own lines, whatever the interleaving", () => {
    const aligner = new ResumeAligner(100);
    aligner.accept("web-1", "GET /");
    aligner.accept("web-2", "GET /");
    aligner.accept("web-1", "GET /a");
    aligner.beginResume();
    const got = [
      aligner.accept("web-2", "GET /"),
      aligner.accept("web-1", "GET /"),
      aligner.accept("web-2", "GET /b"),
      aligner.accept("web-1", "GET /a"),
      aligner.accept("web-1", "GET /c"),
    ].filter(Boolean);
    expect(got).toEqual([
      { key: "web-2", lines: [], gap: false },
      { key: "web-2", lines: ["GET /b"], gap: false },
      { key: "web-1", lines: [], gap: false },
      { key: "web-1", lines: ["GET /c"], gap: false },
    ]);
  });

  it("says lines may be missing when the tail does not reach back to the last line shown", () => {
    const truth = capturedLogFrames("truth");
    const pod = truth[truth.length - 1]!.name;
    const history = truth.filter((f) => f.name === pod).map((f) => f.message);
    const aligner = new ResumeAligner(1000);
    history.slice(0, 10).forEach((l) => aligner.accept(pod, l));
    aligner.beginResume();
    // reopened with tail 5 after the pod printed far more than 5 lines
    const resumed = history.slice(25, 30);
    const results = resumed.map((l) => aligner.accept(pod, l)).filter(Boolean);
    expect(results[0]).toEqual({ key: pod, lines: [history[25]], gap: true });
    expect(results.flatMap((r) => r!.lines)).toEqual(resumed);
  });

  it("passes a pod it has never seen straight through", () => {
    const aligner = new ResumeAligner(10);
    aligner.accept("old", "x");
    aligner.beginResume();
    expect(aligner.accept("new-pod", "x")).toEqual({ key: "new-pod", lines: ["x"], gap: false });
  });

  it("releases lines held for a longer overlap when the resume ends", () => {
    const aligner = new ResumeAligner(10);
    ["a", "b", "a", "b"].forEach((l) => aligner.accept("pod", l));
    aligner.beginResume();
    // "a b" matches the last two lines, and could still be the start of a longer overlap "a b a b"
    expect(aligner.accept("pod", "a")).toBeNull();
    expect(aligner.accept("pod", "b")).toBeNull();
    expect(aligner.flush()).toEqual([]);
    expect(aligner.accept("pod", "a")).toEqual({ key: "pod", lines: ["a"], gap: false });
  });

  it("treats lines after the overlap as live, even when they repeat earlier ones", () => {
    const aligner = new ResumeAligner(10);
    ["ping", "pong"].forEach((l) => aligner.accept("pod", l));
    aligner.beginResume();
    aligner.accept("pod", "pong");
    expect(aligner.accept("pod", "ping")).toEqual({ key: "pod", lines: ["ping"], gap: false });
    expect(aligner.accept("pod", "pong")).toEqual({ key: "pod", lines: ["pong"], gap: false });
  });

  it("cannot tell identical lines apart at the seam (the documented limit)", () => {
    // the pod printed x twice more while the stream was down: history a x x x x, reopened with tail 3
    const aligner = new ResumeAligner(10);
    ["a", "x", "x"].forEach((l) => aligner.accept("pod", l));
    aligner.beginResume();
    const shown = ["x", "x", "x"].flatMap((l) => aligner.accept("pod", l)?.lines ?? []);
    expect(shown).toEqual(["x"]); // one of the two new copies is taken for one already shown
  });

  it("drops the kube events a reopened events stream sends again (captured on the devnet)", () => {
    const aligner = new ResumeAligner(1000);
    const first = capturedEventFrames("initial").flatMap((e) => aligner.accept(eventKey(e), eventText(e))?.lines ?? []);
    aligner.beginResume();
    const again = capturedEventFrames("resume").flatMap((e) => aligner.accept(eventKey(e), eventText(e))?.lines ?? []);
    expect(first.length).toBe(capturedEventFrames("initial").length);
    expect(again).toEqual([]);
    expect(aligner.flush()).toEqual([]);
  });
});
