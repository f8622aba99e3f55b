import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterMs, createLatestBatcher, FRAME_FALLBACK_MS, nextAnimationFrame, type FlushScheduler } from "@/lib/market/latest-batcher";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("createLatestBatcher", () => {
  it("publishes only the latest value of a burst, once, when the window ends", () => {
    const published: number[] = [];
    const batcher = createLatestBatcher<number>((v) => published.push(v), afterMs(100));
    batcher.push(1);
    batcher.push(2);
    vi.advanceTimersByTime(99);
    batcher.push(3);
    expect(published).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(published).toEqual([3]);
  });

  it("starts the window at the first value, so a steady stream is published every window, not starved", () => {
    const published: number[] = [];
    const batcher = createLatestBatcher<number>((v) => published.push(v), afterMs(100));
    for (let t = 0; t < 350; t += 10) {
      batcher.push(t);
      vi.advanceTimersByTime(10);
    }
    expect(published).toEqual([90, 190, 290]);
  });

  it("publishes a value that arrives after a quiet spell in a window of its own", () => {
    const published: string[] = [];
    const batcher = createLatestBatcher<string>((v) => published.push(v), afterMs(100));
    batcher.push("a");
    vi.advanceTimersByTime(500);
    batcher.push("b");
    vi.advanceTimersByTime(100);
    expect(published).toEqual(["a", "b"]);
  });

  it("publishes nothing once cancelled, not even the pending value", () => {
    const published: number[] = [];
    const batcher = createLatestBatcher<number>((v) => published.push(v), afterMs(100));
    batcher.push(1);
    batcher.cancel();
    batcher.push(2);
    vi.advanceTimersByTime(1000);
    expect(published).toEqual([]);
  });

  it("on animation frames, publishes each frame's latest value in that frame, and nothing for a frame without values", () => {
    const frames: (() => void)[] = [];
    const frame: FlushScheduler = (fire) => {
      frames.push(fire);
      return () => frames.splice(frames.indexOf(fire), 1);
    };
    const runFrame = () => frames.splice(0).forEach((f) => f());
    const published: string[] = [];
    const batcher = createLatestBatcher<string>((v) => published.push(v), frame);
    batcher.push("bid a (event)");
    batcher.push("bids a, b (event)");
    expect(frames).toHaveLength(1);
    runFrame();
    expect(published).toEqual(["bids a, b (event)"]);
    runFrame();
    expect(published).toHaveLength(1);
    batcher.push("bids a, b (confirmed)");
    batcher.cancel();
    expect(frames).toHaveLength(0);
    runFrame();
    expect(published).toEqual(["bids a, b (event)"]);
  });

  it("flushes on the next frame, or after FRAME_FALLBACK_MS when no frame comes (a throttled window), once", () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal("cancelAnimationFrame", (id: number) => frames.splice(id - 1, 1, () => undefined));
    try {
      const published: string[] = [];
      const batcher = createLatestBatcher<string>((v) => published.push(v), nextAnimationFrame);
      batcher.push("a");
      frames.shift()!(0);
      expect(published).toEqual(["a"]);
      vi.advanceTimersByTime(FRAME_FALLBACK_MS);
      expect(published).toEqual(["a"]); // the timer of a flushed batch does not fire again
      batcher.push("b");
      vi.advanceTimersByTime(FRAME_FALLBACK_MS - 1);
      expect(published).toEqual(["a"]);
      vi.advanceTimersByTime(1);
      expect(published).toEqual(["a", "b"]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
