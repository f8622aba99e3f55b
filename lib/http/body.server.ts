import "server-only";
import { AppError } from "@/lib/errors/app-error";

/**
 * Reads a request body counting bytes as they arrive and stops at `limit`: a chunked request has no
 * Content-Length, and `req.text()` would buffer all of it before any size check. At most the limit plus the chunk
 * that crossed it is ever held; the rest of the stream is cancelled, not read.
 */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("request.invalid", "The request body is not valid UTF-8 text.");
  }
}

function tooLarge(limit: number) {
  const size = limit >= 1_048_576 ? `${(limit / 1_048_576).toFixed(1)} MiB` : `${Math.round(limit / 1024)} KiB`;
  return new AppError("request.invalid", `The request body exceeds this route's limit of ${size} (an SDL may be at most 1 MiB).`, { status: 413 });
}
