import { describe, expect, it } from "vitest";
import { FrameBatcher, type Schedule } from "@/lib/logs/frame-batcher";

/** A hand-cranked frame clock: `tick()` runs what was scheduled, as the browser does at the next frame. */
function frameClock() {
  let queued: (() => void)[] = [];
  const schedule: Schedule = (run) => {
    queued.push(run);
    return () => (queued = queued.filter((r) => r !== run));
  };
  return {
    schedule,
    get scheduled() {
      return queued.length;
    },
    tick() {
      const q = queued;
      queued = [];
      q.forEach((r) => r());
    },
  };
}

describe("FrameBatcher", () => {
  it("hands over everything pushed during a frame as one batch, at the frame", () => {
    const clock = frameClock();
    const batches: number[][] = [];
    const b = new FrameBatcher<number>((items) => batches.push(items), clock.schedule, 100);
    for (let i = 0; i < 50; i++) b.push(i);
    expect(batches).toEqual([]);
    expect(clock.scheduled).toBe(1);
    clock.tick();
    expect(batches).toEqual([Array.from({ length: 50 }, (_, i) => i)]);
    b.push(50);
    clock.tick();
    expect(batches[1]).toEqual([50]);
  });

  it("schedules nothing when nothing was pushed", () => {
    const clock = frameClock();
    const b = new FrameBatcher<number>(() => {}, clock.schedule, 10);
    b.flushNow();
    expect(clock.scheduled).toBe(0);
  });

  it("keeps only the newest items when frames stop coming, and counts the rest", () => {
    const clock = frameClock();
    const got: { items: number[]; dropped: number }[] = [];
    const b = new FrameBatcher<number>((items, dropped) => got.push({ items, dropped }), clock.schedule, 1000);
    for (let i = 0; i < 1_000_000; i++) b.push(i);
    expect(b.size).toBeLessThan(2000);
    clock.tick();
    expect(got).toHaveLength(1);
    expect(got[0]!.items).toHaveLength(1000);
    expect(got[0]!.items[0]).toBe(999_000);
    expect(got[0]!.items[999]).toBe(999_999);
    expect(got[0]!.dropped).toBe(999_000);
  });

  it("flushes at once on demand and cancels the scheduled frame", () => {
    const clock = frameClock();
    const batches: string[][] = [];
    const b = new FrameBatcher<string>((items) => batches.push(items), clock.schedule, 10);
    b.push("a");
    b.flushNow();
    expect(batches).toEqual([["a"]]);
    expect(clock.scheduled).toBe(0);
  });

  it("drops what is queued when disposed", () => {
    const clock = frameClock();
    const batches: string[][] = [];
    const b = new FrameBatcher<string>((items) => batches.push(items), clock.schedule, 10);
    b.push("a");
    b.dispose();
    clock.tick();
    expect(batches).toEqual([]);
  });
});
