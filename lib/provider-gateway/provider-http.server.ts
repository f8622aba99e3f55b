import "server-only";
import http from "node:http";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { PinVerifier } from "@/lib/provider-gateway/pin.server";
import { connectPinned, connectError, describeEndpoint, type ProviderEndpoint } from "@/lib/provider-gateway/provider-socket.server";

/**
 * One HTTP request to a provider's REST gateway over a pinned connection, with one deadline for all of it
 * (connect, handshake, pin check, answer). The answer is returned whatever its status, body capped: the callers
 * (provider-api.server.ts) decide what a 404 or a 422 means for their route.
 */

export interface ProviderRequest {
  method: "GET" | "PUT";
  path: string;
  token: string;
  body?: string;
  timeoutMs: number;
  /** largest answer accepted; a provider is not allowed to make the console buffer without bound */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface ProviderAnswer {
  status: number;
  contentType: string;
  body: string;
}

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

export async function providerRequest(ep: ProviderEndpoint, pin: PinVerifier, req: ProviderRequest): Promise<ProviderAnswer> {
  const started = Date.now();
  const where = describeEndpoint(ep);
  const socket = await connectPinned(ep, { pin, timeoutMs: req.timeoutMs, signal: req.signal });
  const left = Math.max(1, req.timeoutMs - (Date.now() - started));
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise<ProviderAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (err: AppError | null, answer?: ProviderAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      if (err) reject(err);
      else resolve(answer!);
    };
    const headers: Record<string, string> = {
      host: ep.target.url.host,
      accept: "application/json",
      authorization: `Bearer ${req.token}`,
      "user-agent": "akash-tenant-console",
      connection: "close",
    };
    if (req.body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(req.body));
    }
    const r = http.request({ method: req.method, path: req.path, headers, createConnection: () => socket });
    const timer = setTimeout(
      () => finish(new AppError("provider.timeout", `Provider ${ep.provider} at ${where} did not answer ${req.method} ${req.path} within ${req.timeoutMs / 1000} s.`, { details: { provider: ep.provider, stage: "answer" } })),
      left,
    );
    const onAbort = () => finish(new AppError("internal", "The request was cancelled.", { cause: req.signal?.reason }));
    req.signal?.addEventListener("abort", onAbort, { once: true });
    r.on("error", (err: NodeJS.ErrnoException) => finish(isAppError(err) ? err : connectError(ep.provider, where, err)));
    r.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          finish(new AppError("provider.bad_response", `Provider ${ep.provider}'s answer to ${req.method} ${req.path} exceeds ${Math.round(maxBytes / 1024)} KiB; the console stopped reading it.`, { details: { provider: ep.provider } }));
          return;
        }
        chunks.push(c);
      });
      res.on("end", () => finish(null, { status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (err: NodeJS.ErrnoException) => finish(connectError(ep.provider, where, err)));
    });
    r.end(req.body);
  });
}

/** A provider's error body for a message: its JSON `message` when there is one, else the text; short and printable. */
export function bodyExcerpt(body: string, max = 300): string {
  let text = body;
  try {
    const m = (JSON.parse(body) as { message?: unknown }).message;
    if (typeof m === "string") text = m;
  } catch {
    /* plain text, as most gateway errors are (http.Error) */
  }
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
