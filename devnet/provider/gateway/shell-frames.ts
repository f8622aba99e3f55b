/**
 * The lease shell's binary frames (akash-network/provider gateway/rest LeaseShellCode*): the first byte is the
 * code. Provider to client: 100 stdout, 101 stderr, 102 result (json.Encoder output of {"exit_code":N,"message"?},
 * so with a trailing newline), 103 failure (empty: the provider hides the reason). Client to provider: 104 stdin,
 * 105 terminal resize (big-endian uint16 width, then uint16 height).
 */

export const SHELL_STDOUT = 100;
export const SHELL_STDERR = 101;
export const SHELL_RESULT = 102;
export const SHELL_FAILURE = 103;
export const SHELL_STDIN = 104;
export const SHELL_RESIZE = 105;

export function outputFrame(code: typeof SHELL_STDOUT | typeof SHELL_STDERR, text: string): Buffer {
  const body = Buffer.from(text, "utf8");
  const frame = Buffer.allocUnsafe(body.length + 1);
  frame[0] = code;
  body.copy(frame, 1);
  return frame;
}

export function resultFrame(exitCode: number, message?: string): Buffer {
  const json = JSON.stringify(message ? { exit_code: exitCode, message } : { exit_code: exitCode }) + "\n";
  return Buffer.concat([Buffer.from([SHELL_RESULT]), Buffer.from(json, "utf8")]);
}

export function failureFrame(): Buffer {
  return Buffer.from([SHELL_FAILURE]);
}

export type ClientFrame = { kind: "stdin"; data: Buffer } | { kind: "resize"; width: number; height: number } | { kind: "invalid"; code: number };

/** A client frame; anything but stdin or a full resize is invalid (the real gateway then stops reading input). */
export function parseClientFrame(frame: Buffer): ClientFrame | undefined {
  if (frame.length === 0) return undefined; // ignored, as the gateway ignores empty messages
  if (frame[0] === SHELL_STDIN) return { kind: "stdin", data: frame.subarray(1) };
  if (frame[0] === SHELL_RESIZE && frame.length >= 5) return { kind: "resize", width: frame.readUInt16BE(1), height: frame.readUInt16BE(3) };
  return { kind: "invalid", code: frame[0]! };
}
