import { describe, expect, it } from "vitest";
import { formatBytes, formatMillicores, formatUsd } from "./units";

describe("formatBytes", () => {
  it("uses binary prefixes as SDL sizes do", () => {
    expect(formatBytes("2147483648")).toBe("2 GiB");
    expect(formatBytes(512 * 1024 * 1024)).toBe("512 MiB");
    expect(formatBytes(1536)).toBe("1.5 KiB");
  });
  it("passes through what is not a number", () => {
    expect(formatBytes("n/a")).toBe("n/a");
  });
});

describe("formatMillicores", () => {
  it("shows CPUs", () => {
    expect(formatMillicores("1000")).toBe("1 CPU");
    expect(formatMillicores(500)).toBe("0.5 CPU");
  });
});

describe("formatUsd", () => {
  it("keeps cents, and more precision below a dollar", () => {
    expect(formatUsd(12.5)).toBe("$12.50");
    expect(formatUsd(0.0123)).toBe("$0.0123");
  });
});
