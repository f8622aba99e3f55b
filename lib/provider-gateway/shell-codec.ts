import { AppError } from "@/lib/errors/app-error";
import { shellResultWire, type ShellResult } from "@/lib/provider-gateway/schemas";

/**
 * The lease shell's binary frames (akash-network/provider gateway/rest: LeaseShellCode*, router_shell.go): the first
 * byte is the code, the rest the payload. Provider to client: 100 stdout, 101 stderr, 102 result (JSON
 * {"exit_code":N,"message"?}, the last frame), 103 failure (the provider hides the reason). Client to provider:
 * 104 stdin, 105 terminal resize (big-endian uint16 width, uint16 height). The same frames cross the console's
 * own socket between browser and server, so this file is shared by both sides.
 */

export const SHELL_CODE = { stdout: 100, stderr: 101, result: 102, failure: 103, stdin: 104, resize: 105 } as const;

export type ShellOutputFrame =
  | { kind: "stdout" | "stderr"; data: Uint8Array }
  | { kind: "result"; result: ShellResult }
  | { kind: "failure" };

export type ShellInputFrame = { kind: "stdin"; data: Uint8Array } | { kind: "resize"; cols: number; rows: number };

const UINT16_MAX = 0xffff;

export function encodeStdin(data: Uint8Array | string): Uint8Array {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const frame = new Uint8Array(bytes.byteLength + 1);
  frame[0] = SHELL_CODE.stdin;
  frame.set(bytes, 1);
  return frame;
}

export function encodeResize(cols: number, rows: number): Uint8Array {
  for (const [name, v] of [
    ["width", cols],
    ["height", rows],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > UINT16_MAX) throw new AppError("request.invalid", `A terminal ${name} is a whole number from 1 to ${UINT16_MAX}, not ${v}.`);
  }
  const frame = new Uint8Array(5);
  const view = new DataView(frame.buffer);
  frame[0] = SHELL_CODE.resize;
  view.setUint16(1, cols, false);
  view.setUint16(3, rows, false);
  return frame;
}

/** What the provider sends; throws AppError provider.bad_response on anything else. */
export function decodeShellOutput(frame: Uint8Array): ShellOutputFrame {
  if (frame.byteLength === 0) throw bad("an empty frame");
  const payload = frame.subarray(1);
  switch (frame[0]) {
    case SHELL_CODE.stdout:
      return { kind: "stdout", data: payload };
    case SHELL_CODE.stderr:
      return { kind: "stderr", data: payload };
    case SHELL_CODE.failure:
      return { kind: "failure" };
    case SHELL_CODE.result: {
      let json: unknown;
      try {
        // json.Encoder ends the object with a newline
        json = JSON.parse(new TextDecoder().decode(payload));
      } catch {
        throw bad("a result frame that is not JSON");
      }
      const r = shellResultWire.safeParse(json);
      if (!r.success) throw bad("a result frame without an exit_code");
      return { kind: "result", result: r.data };
    }
    default:
      throw bad(`a frame with the unknown code ${frame[0]}`);
  }
}

/** What a client (the browser, through the console) may send; throws request.invalid on anything else. */
export function decodeShellInput(frame: Uint8Array): ShellInputFrame {
  const payload = frame.subarray(1);
  if (frame[0] === SHELL_CODE.stdin && frame.byteLength >= 1) return { kind: "stdin", data: payload };
  if (frame[0] === SHELL_CODE.resize && frame.byteLength === 5) {
    const view = new DataView(frame.buffer, frame.byteOffset + 1, 4);
    return { kind: "resize", cols: view.getUint16(0, false), rows: view.getUint16(2, false) };
  }
  throw new AppError("request.invalid", frame.byteLength === 0 ? "An empty shell frame was sent." : `Shell frames from the browser are stdin (104) or resize (105, 5 bytes), not code ${frame[0]} with ${frame.byteLength} bytes.`);
}

function bad(what: string): AppError {
  return new AppError("provider.bad_response", `The provider's shell sent ${what}.`);
}
