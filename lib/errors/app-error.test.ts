import { describe, expect, it } from "vitest";
import { AppError, errorBodySchema, isAppError, toErrorBody } from "@/lib/errors/app-error";

describe("AppError", () => {
  it("carries a code, a human message, the HTTP status of its code and optional details", () => {
    const err = new AppError("chain.insufficient_funds", "Not enough AKT.", { details: { needed: "5200000uakt" } });
    expect(err).toBeInstanceOf(Error);
    expect(isAppError(err)).toBe(true);
    expect(err.code).toBe("chain.insufficient_funds");
    expect(err.status).toBe(402);
    expect(err.details).toEqual({ needed: "5200000uakt" });
    expect(err.name).toBe("AppError");
  });

  it("lets a caller override the status and keeps the cause", () => {
    const cause = new Error("socket hang up");
    const err = new AppError("provider.unreachable", "The provider did not answer.", { status: 504, cause });
    expect(err.status).toBe(504);
    expect(err.cause).toBe(cause);
  });
});

describe("toErrorBody", () => {
  it("serializes an AppError as { error: { code, message } } that the schema accepts", () => {
    const body = toErrorBody(new AppError("not_found", "No deployment 42 for this wallet."));
    expect(body).toEqual({ error: { code: "not_found", message: "No deployment 42 for this wallet." } });
    expect(errorBodySchema.parse(body)).toEqual(body);
  });

  it("hides the text of unexpected errors behind `internal`", () => {
    const body = toErrorBody(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(body.error.code).toBe("internal");
    expect(body.error.message).not.toContain("secret");
  });
});
