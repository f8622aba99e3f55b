import { describe, expect, it } from "vitest";
import { capturedLogFrames } from "@/test/support/devnet-capture";
import { gatewayError, scriptedOpen, type Opening } from "@/test/support/scripted-stream";
import { StreamFollower, type FollowOptions, type StreamLine, type StreamStatus } from "@/lib/logs/follow-stream";
import type { LogFrame } from "@/lib/logs/frames";

const DROP = () => gatewayError("console.unreachable", "The console's connection dropped.");

function follow(openings: Opening<LogFrame>[], opts: Partial<FollowOptions<LogFrame>> = {}) {
  const open = scriptedOpen(openings);
  const lines: StreamLine[] = [];
  const statuses: StreamStatus[] = [];
  const follower = new StreamFollower<LogFrame>({
    open,
    keyOf: (f) => f.name,
    textOf: (f) => f.message,
    onLine: (l) => lines.push(l),
    onStatus: (s) => statuses.push(s),
    initialTail: -1,
    resumeTail: 40,
    settleMs: 20,
    backoffMs: () => 1,
    ...opts,
  });
  return { follower, open, lines, statuses, states: () => statuses.map((s) => s.state) };
}

const until = async (cond: () => boolean, ms = 5000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe("StreamFollower", () => {
  it("resumes a dropped stream with the resume tail and shows every line once (devnet capture)", async () => {
    const truth = capturedLogFrames("truth");
    const f = follow([
      { frames: capturedLogFrames("initial"), then: DROP() },
      { frames: capturedLogFrames("resume"), then: "hang" },
    ]);
    const done = f.follower.run();
    await until(() => f.statuses.filter((s) => s.state === "streaming").length === 2);
    await new Promise((r) => setTimeout(r, 100));
    f.follower.stop();
    await done;

    expect(f.open.tails).toEqual([-1, 40]);
    expect(f.states()).toEqual(["connecting", "streaming", "reconnecting", "connecting", "streaming", "stopped"]);
    expect(f.statuses[2]).toMatchObject({ attempt: 1, maxAttempts: 6, message: "The console's connection dropped." });
    expect(f.lines.some((l) => l.gap)).toBe(false);
    const pods = new Set(truth.map((t) => t.name));
    for (const pod of pods) {
      const shown = f.lines.filter((l) => l.key === pod).map((l) => l.text);
      expect(shown, pod).toEqual(truth.filter((t) => t.name === pod).map((t) => t.message).slice(0, shown.length));
    }
    expect(f.lines.length).toBeGreaterThan(capturedLogFrames("initial").length);
  });

  it("shows the provider's close code and reason and does not reopen", async () => {
    const f = follow([{ frames: [], then: gatewayError("provider.stream_closed", "closed", { closeCode: 4000, reason: "no running pods" }) }]);
    await f.follower.run();
    expect(f.statuses.at(-1)).toEqual({ state: "ended", closeCode: 4000, reason: "no running pods" });
    expect(f.open.tails).toHaveLength(1);
  });

  it("ends when the provider ends the stream", async () => {
    const f = follow([{ frames: capturedLogFrames("initial").slice(0, 3), then: "end" }]);
    await f.follower.run();
    expect(f.lines).toHaveLength(3);
    expect(f.statuses.at(-1)).toEqual({ state: "ended" });
  });

  it("reports a failure with its code and message", async () => {
    const f = follow([{ frames: [], then: gatewayError("provider.tls_pin", "The provider's certificate does not match its on-chain certificate.") }]);
    await f.follower.run();
    expect(f.statuses.at(-1)).toEqual({ state: "failed", code: "provider.tls_pin", message: "The provider's certificate does not match its on-chain certificate." });
  });

  it("gives up after the last attempt with a message that says what to do", async () => {
    const f = follow(Array.from({ length: 4 }, () => ({ frames: [], then: DROP() })), { maxAttempts: 3 });
    await f.follower.run();
    expect(f.open.tails).toHaveLength(4);
    expect(f.states().filter((s) => s === "reconnecting")).toHaveLength(3);
    expect(f.statuses.at(-1)).toMatchObject({ state: "failed", code: "console.unreachable" });
    expect((f.statuses.at(-1) as { message: string }).message).toMatch(/3 attempts to reopen it failed.*retry/);
  });

  it("counts attempts afresh once a reopened stream delivers", async () => {
    const frames = capturedLogFrames("initial").slice(0, 2);
    const f = follow([
      { frames: [], then: DROP() },
      { frames, then: DROP() },
      { frames: [], then: DROP() },
      { frames: [], then: gatewayError("provider.stream_closed", "closed", { closeCode: 4001, reason: "" }) },
    ], { maxAttempts: 2 });
    await f.follower.run();
    const attempts = f.statuses.filter((s) => s.state === "reconnecting").map((s) => (s as { attempt: number }).attempt);
    expect(attempts).toEqual([1, 1, 2]);
    expect(f.statuses.at(-1)).toEqual({ state: "ended", closeCode: 4001, reason: undefined });
  });

  it("truncates a 10 MB line and says how much it left out", async () => {
    const f = follow([{ frames: [{ name: "web-1", message: "x".repeat(10 * 1024 * 1024) }], then: "end" }], { maxLineChars: 1000 });
    await f.follower.run();
    expect(f.lines).toEqual([{ key: "web-1", text: "x".repeat(1000), omitted: 10 * 1024 * 1024 - 1000 }]);
  });

  it("says it is waiting when the stream is open and nothing arrives", async () => {
    const f = follow([{ frames: [], then: "hang" }], { waitingAfterMs: 10 });
    const done = f.follower.run();
    await until(() => f.states().includes("waiting"));
    f.follower.stop();
    await done;
    expect(f.states()).toEqual(["connecting", "waiting", "stopped"]);
  });

  it("marks a gap when the reopened tail does not reach back", async () => {
    const a = { name: "db-0", message: "line 1" };
    const f = follow([
      { frames: [a], then: DROP() },
      { frames: [{ name: "db-0", message: "line 9" }], then: "end" },
    ]);
    await f.follower.run();
    expect(f.lines.map((l) => [l.text.slice(0, 20), l.gap ?? false])).toEqual([
      ["line 1", false],
      ["lines may be missing", true],
      ["line 9", false],
    ]);
  });
});
