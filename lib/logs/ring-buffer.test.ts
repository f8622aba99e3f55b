import { describe, expect, it } from "vitest";
import { DEFAULT_CAPACITY, RingBuffer } from "@/lib/logs/ring-buffer";

describe("RingBuffer", () => {
  it("holds 100,000 items by default", () => {
    expect(new RingBuffer<string>().capacity).toBe(100_000);
    expect(DEFAULT_CAPACITY).toBe(100_000);
  });

  it("refuses a capacity that is not a positive whole number", () => {
    expect(() => new RingBuffer(0)).toThrow(/at least 1/);
    expect(() => new RingBuffer(2.5)).toThrow(/whole number/);
  });

  it("gives each pushed item the next id, starting at 0", () => {
    const b = new RingBuffer<string>(10);
    expect([b.push("a"), b.push("b"), b.push("c")]).toEqual([0, 1, 2]);
    expect(b.get(1)).toBe("b");
    expect([...b]).toEqual(["a", "b", "c"]);
  });

  it("evicts the oldest item when full and keeps the ids of the others", () => {
    const b = new RingBuffer<number>(3);
    for (let i = 0; i < 5; i++) b.push(i * 10);
    expect(b.size).toBe(3);
    expect(b.firstId).toBe(2);
    expect(b.dropped).toBe(2);
    expect([...b]).toEqual([20, 30, 40]);
    expect(b.get(1)).toBeUndefined();
    expect(b.get(2)).toBe(20);
    expect(b.get(4)).toBe(40);
    expect(b.has(1)).toBe(false);
    expect(b.at(0)).toBe(20);
    expect(b.at(3)).toBeUndefined();
  });

  it("stays bounded and consistent over a million pushes", () => {
    const b = new RingBuffer<number>(1000);
    for (let i = 0; i < 1_000_000; i++) b.push(i);
    expect(b.size).toBe(1000);
    expect(b.firstId).toBe(999_000);
    expect(b.get(999_000)).toBe(999_000);
    expect(b.get(999_999)).toBe(999_999);
    expect(b.slice(10, 13)).toEqual([999_010, 999_011, 999_012]);
  });

  it("keeps ids increasing after clear, so an old id never names a new item", () => {
    const b = new RingBuffer<string>(4);
    b.push("a");
    b.push("b");
    b.clear();
    expect(b.size).toBe(0);
    expect(b.get(0)).toBeUndefined();
    expect(b.push("c")).toBe(2);
    expect(b.firstId).toBe(2);
  });
});
