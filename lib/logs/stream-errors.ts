/**
 * How a follow stream ended, from what `streamFromConsole` threw (lib/provider-gateway): a drop the viewer resumes
 * from, the provider closing the stream (shown with its close code and reason), or a failure with its message.
 */
export type StreamEnd =
  | { kind: "drop"; message: string }
  | { kind: "closed"; closeCode?: number; reason?: string }
  | { kind: "failed"; code: string; message: string }
  | { kind: "aborted" };

/**
 * Close codes that mean the connection died rather than that the provider ended the stream: 1006 (no close frame:
 * the socket dropped), 1001 (going away: the provider restarts), 1012 (service restart), 1013 (try again later).
 * The provider's own codes (4000 internal / no running pods, 4001 lease not found, 4002 service unavailable) and a
 * normal 1000 are its decision, not a drop: the viewer shows them instead of retrying.
 */
const RESUMABLE_CLOSE_CODES = new Set([1001, 1006, 1012, 1013]);

function field(err: unknown, name: string): unknown {
  return err && typeof err === "object" ? (err as Record<string, unknown>)[name] : undefined;
}

export function classifyStreamEnd(err: unknown): StreamEnd {
  if (field(err, "name") === "AbortError") return { kind: "aborted" };
  const code = field(err, "code");
  const message = typeof field(err, "message") === "string" && field(err, "message") ? String(field(err, "message")) : "The stream failed.";
  if (code === "console.unreachable") return { kind: "drop", message };
  if (code === "provider.stream_closed") {
    const details = field(err, "details");
    const closeCode = field(details, "closeCode");
    const reason = field(details, "reason");
    const c = typeof closeCode === "number" ? closeCode : undefined;
    if (c !== undefined && RESUMABLE_CLOSE_CODES.has(c)) return { kind: "drop", message };
    return { kind: "closed", closeCode: c, reason: typeof reason === "string" && reason ? reason : undefined };
  }
  return { kind: "failed", code: typeof code === "string" ? code : "internal", message };
}

/** The provider's close codes in words (akash-network/provider gateway/rest: websocket close codes). */
export function describeCloseCode(code: number | undefined): string | undefined {
  switch (code) {
    case 1000:
      return "normal close";
    case 4000:
      return "provider internal error or no running pods";
    case 4001:
      return "lease not found";
    case 4002:
      return "service unavailable";
    default:
      return undefined;
  }
}
