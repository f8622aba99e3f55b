import { describe, expect, it } from "vitest";
import { BoundedQueue } from "@/lib/provider-gateway/bounded-queue";

function source() {
  const log: string[] = [];
  return { log, pause: () => log.push("pause"), resume: () => log.push("resume"), onCancel: () => log.push("cancel") };
}

describe("BoundedQueue", () => {
  it("delivers items in order and ends after the queued ones", async () => {
    const q = new BoundedQueue<number>({ highWater: 10, lowWater: 2, ...source() });
    q.push(1);
    q.push(2);
    setTimeout(() => (q.push(3), q.end()), 5);
    const got: number[] = [];
    for await (const n of q) got.push(n);
    expect(got).toEqual([1, 2, 3]);
  });

  it("pauses the source above the high-water mark and resumes it once drained below the low-water mark", async () => {
    const s = source();
    const q = new BoundedQueue<number>({ highWater: 3, lowWater: 1, ...s });
    for (let i = 0; i < 4; i++) q.push(i);
    expect(s.log).toEqual(["pause"]);
    expect(q.isPaused).toBe(true);
    q.push(4); // what the source had already read after pause() is kept, not dropped
    const it = q[Symbol.asyncIterator]();
    await it.next();
    await it.next();
    await it.next();
    expect(s.log).toEqual(["pause"]); // 2 left
    await it.next();
    expect(s.log).toEqual(["pause", "resume"]); // 1 left
    expect(await it.next()).toEqual({ done: false, value: 4 });
  });

  it("pauses on queued bytes as well as on the item count", () => {
    const s = source();
    const q = new BoundedQueue<string>({ highWater: 1000, lowWater: 10, maxBytes: 100, sizeOf: (x) => x.length, ...s });
    q.push("x".repeat(60));
    expect(s.log).toEqual([]);
    q.push("x".repeat(60));
    expect(s.log).toEqual(["pause"]);
    expect(q.queuedBytes).toBe(120);
  });

  it("a slow consumer keeps at most the high-water mark queued from a source that respects pause", async () => {
    let paused = false;
    let produced = 0;
    let maxQueued = 0;
    const q: BoundedQueue<number> = new BoundedQueue<number>({
      highWater: 50,
      lowWater: 10,
      pause: () => (paused = true),
      resume: () => ((paused = false), pump()),
    });
    const pump = () => {
      while (!paused && produced < 10_000) {
        q.push(produced++);
        maxQueued = Math.max(maxQueued, q.length);
      }
      if (produced === 10_000) q.end();
    };
    pump();
    let sum = 0;
    let n = 0;
    for await (const v of q) {
      sum += v;
      if (++n % 100 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    expect(n).toBe(10_000);
    expect(sum).toBe((9_999 * 10_000) / 2);
    expect(maxQueued).toBeLessThanOrEqual(51);
  });

  it("gives the queued items, then the failure", async () => {
    const q = new BoundedQueue<number>({ highWater: 10, lowWater: 2, ...source() });
    q.push(1);
    q.fail(new Error("closed with 4001"));
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const n of q) got.push(n);
      })(),
    ).rejects.toThrow("closed with 4001");
    expect(got).toEqual([1]);
  });

  it("releases the source when the consumer stops early", async () => {
    const s = source();
    const q = new BoundedQueue<number>({ highWater: 10, lowWater: 2, ...s });
    q.push(1);
    q.push(2);
    for await (const n of q) if (n === 1) break;
    expect(s.log).toEqual(["cancel"]);
    q.push(3);
    expect(q.length).toBe(0);
  });
});
