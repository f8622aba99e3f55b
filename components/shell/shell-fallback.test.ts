import { describe, expect, it } from "vitest";
import { isMissingProgram } from "@/components/shell/shell-fallback";

describe("isMissingProgram", () => {
  it("recognises the provider's ErrExecCommandDoesNotExist result", () => {
    expect(isMissingProgram({ exitCode: 0, message: "remote command execute error: command could not be executed because it does not exist" }, false)).toBe(true);
  });

  it("recognises exit codes 126 and 127 when the program printed nothing", () => {
    expect(isMissingProgram({ exitCode: 127 }, false)).toBe(true);
    expect(isMissingProgram({ exitCode: 126 }, false)).toBe(true);
  });

  it("does not take a user's own exit 127 after a prompt for a missing shell", () => {
    expect(isMissingProgram({ exitCode: 127 }, true)).toBe(false);
  });

  it("does not retry other endings: a normal exit, or a service that is not running", () => {
    expect(isMissingProgram({ exitCode: 0 }, false)).toBe(false);
    expect(isMissingProgram({ exitCode: 1 }, false)).toBe(false);
    expect(isMissingProgram({ exitCode: 0, message: "remote command execute error: service with that name is not running: the service is not ready" }, false)).toBe(false);
  });
});
