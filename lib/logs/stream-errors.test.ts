import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { classifyStreamEnd, describeCloseCode } from "@/lib/logs/stream-errors";

/** Errors shaped as lib/provider-gateway throws them (its codes are added to AppError's list by that work). */
function streamError(code: string, message: string, details?: Record<string, unknown>) {
  return Object.assign(new AppError("internal", message, { details }), { code });
}

describe("classifyStreamEnd", () => {
  it("resumes when the console's socket dropped", () => {
    expect(classifyStreamEnd(streamError("console.unreachable", "The console's connection dropped."))).toEqual({
      kind: "drop",
      message: "The console's connection dropped.",
    });
  });

  it("resumes when the provider's socket died without a close frame (1006) or is going away (1001)", () => {
    expect(classifyStreamEnd(streamError("provider.stream_closed", "x", { closeCode: 1006, reason: "" })).kind).toBe("drop");
    expect(classifyStreamEnd(streamError("provider.stream_closed", "x", { closeCode: 1001 })).kind).toBe("drop");
  });

  it("reports the provider's own close with its code and reason instead of retrying", () => {
    expect(classifyStreamEnd(streamError("provider.stream_closed", "x", { closeCode: 4000, reason: "no running pods" }))).toEqual({
      kind: "closed",
      closeCode: 4000,
      reason: "no running pods",
    });
    expect(classifyStreamEnd(streamError("provider.stream_closed", "x", { closeCode: 4001, reason: "" }))).toEqual({ kind: "closed", closeCode: 4001, reason: undefined });
  });

  it("reports any other error with its code and message", () => {
    expect(classifyStreamEnd(new AppError("provider.tls_pin", "The provider's certificate is not on chain."))).toEqual({
      kind: "failed",
      code: "provider.tls_pin",
      message: "The provider's certificate is not on chain.",
    });
    expect(classifyStreamEnd(new Error(""))).toEqual({ kind: "failed", code: "internal", message: "The stream failed." });
  });

  it("recognises an abort as ours, not a failure", () => {
    expect(classifyStreamEnd(new DOMException("aborted", "AbortError"))).toEqual({ kind: "aborted" });
  });
});

describe("describeCloseCode", () => {
  it("names the provider's close codes", () => {
    expect(describeCloseCode(4001)).toBe("lease not found");
    expect(describeCloseCode(4999)).toBeUndefined();
  });
});
