import { describe, expect, it } from "vitest";
import { decodeShellInput, decodeShellOutput, encodeResize, encodeStdin, SHELL_CODE } from "@/lib/provider-gateway/shell-codec";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);
const frame = (code: number, payload: Uint8Array | string) => new Uint8Array([code, ...(typeof payload === "string" ? text(payload) : payload)]);

describe("shell frame codes", () => {
  it("are the provider's LeaseShellCode values", () => {
    expect(SHELL_CODE).toEqual({ stdout: 100, stderr: 101, result: 102, failure: 103, stdin: 104, resize: 105 });
  });
});

describe("encodeStdin", () => {
  it("prefixes the bytes with 104, from text as UTF-8 or from bytes as they are", () => {
    expect(encodeStdin("ls\n")).toEqual(bytes(104, 0x6c, 0x73, 0x0a));
    expect(encodeStdin("é")).toEqual(bytes(104, 0xc3, 0xa9));
    expect(encodeStdin(bytes(0, 255, 3))).toEqual(bytes(104, 0, 255, 3));
    expect(encodeStdin("")).toEqual(bytes(104));
  });
});

describe("encodeResize", () => {
  it("writes 105 then width and height as big-endian uint16", () => {
    expect(encodeResize(80, 24)).toEqual(bytes(105, 0, 80, 0, 24));
    expect(encodeResize(0x1234, 0xabcd)).toEqual(bytes(105, 0x12, 0x34, 0xab, 0xcd));
    expect(encodeResize(65535, 1)).toEqual(bytes(105, 0xff, 0xff, 0, 1));
  });

  it("refuses sizes a uint16 cannot carry", () => {
    expect(() => encodeResize(0, 24)).toThrow(/terminal width is a whole number from 1 to 65535, not 0/);
    expect(() => encodeResize(80, 70_000)).toThrow(/height .* not 70000/);
    expect(() => encodeResize(80.5, 24)).toThrow(/width/);
  });
});

describe("decodeShellOutput", () => {
  it("reads stdout and stderr payloads byte for byte", () => {
    expect(decodeShellOutput(frame(100, "hello\n"))).toEqual({ kind: "stdout", data: text("hello\n") });
    expect(decodeShellOutput(frame(101, bytes(0xff, 0)))).toEqual({ kind: "stderr", data: bytes(0xff, 0) });
    expect(decodeShellOutput(bytes(100))).toEqual({ kind: "stdout", data: bytes() });
  });

  it("reads the result JSON as json.Encoder writes it (trailing newline, message only when set)", () => {
    expect(decodeShellOutput(frame(102, '{"exit_code":0}\n'))).toEqual({ kind: "result", result: { exitCode: 0 } });
    expect(decodeShellOutput(frame(102, '{"exit_code":127,"message":"command not found"}\n'))).toEqual({
      kind: "result",
      result: { exitCode: 127, message: "command not found" },
    });
  });

  it("reads a failure frame, whose payload the provider leaves empty", () => {
    expect(decodeShellOutput(bytes(103))).toEqual({ kind: "failure" });
  });

  it("refuses empty frames, unknown codes, client codes and malformed results", () => {
    expect(() => decodeShellOutput(bytes())).toThrow(/an empty frame/);
    expect(() => decodeShellOutput(frame(99, "x"))).toThrow(/unknown code 99/);
    expect(() => decodeShellOutput(frame(104, "x"))).toThrow(/unknown code 104/);
    expect(() => decodeShellOutput(frame(102, "not json"))).toThrow(/result frame that is not JSON/);
    expect(() => decodeShellOutput(frame(102, '{"message":"x"}'))).toThrow(/without an exit_code/);
  });
});

describe("decodeShellInput", () => {
  it("round-trips what encodeStdin and encodeResize write", () => {
    expect(decodeShellInput(encodeStdin("echo hi\r"))).toEqual({ kind: "stdin", data: text("echo hi\r") });
    expect(decodeShellInput(encodeResize(132, 43))).toEqual({ kind: "resize", cols: 132, rows: 43 });
    // a frame that is a view into a larger buffer (as ws hands them over) decodes from its own offset
    const big = new Uint8Array(16);
    big.set(encodeResize(300, 2), 7);
    expect(decodeShellInput(big.subarray(7, 12))).toEqual({ kind: "resize", cols: 300, rows: 2 });
  });

  it("refuses output codes, truncated resizes and empty frames from a client", () => {
    expect(() => decodeShellInput(frame(100, "x"))).toThrow(/not code 100/);
    expect(() => decodeShellInput(bytes(105, 0, 80))).toThrow(/resize \(105, 5 bytes\), not code 105 with 3 bytes/);
    expect(() => decodeShellInput(bytes())).toThrow(/empty shell frame/);
  });
});
