import "server-only";
import type WebSocket from "ws";
import { AppError } from "@/lib/errors/app-error";
import { BoundedQueue } from "@/lib/provider-gateway/bounded-queue";
import { resolveEndpoint, type Gateway } from "@/lib/provider-gateway/gateway.server";
import type { LeaseRef } from "@/lib/provider-gateway/lease-ref";
import { openProviderSocket, streamClosedError } from "@/lib/provider-gateway/provider-ws.server";
import { kubeEventFrameWire, type KubeEventFrame, type LogFrame } from "@/lib/provider-gateway/schemas";

/**
 * Logs and Kubernetes events of a lease as async iterables: `for await (const f of streamLeaseLogs(gw, lease,
 * { follow, tail, services, token, signal }))`. Each frame is parsed at the edge; a slow consumer pauses the
 * provider's socket (bounded-queue.ts), so the server never holds more than a bounded backlog per stream.
 * The iterable ends when the provider ends the stream, and throws provider.stream_closed (with the close code)
 * when the provider closes it otherwise. Aborting the signal or leaving the loop closes the provider's socket.
 */

export interface StreamOptions {
  /** the tenant's token for this provider (checked by the caller) */
  token: string;
  follow: boolean;
  services?: string[];
  signal?: AbortSignal;
  timeoutMs?: number;
  /** called once the provider accepted the stream (before the first frame) */
  onOpen?: () => void;
  /** queue bounds; defaults suit one browser tab */
  queue?: { highWater: number; lowWater: number; maxBytes: number };
}

export interface LogStreamOptions extends StreamOptions {
  /** lines per container to start with; -1 for all */
  tail: number;
}

/** a line longer than this is cut, with a marker saying how much was dropped (a 10 MB line must not stall a tab) */
export const MAX_LINE_CHARS = 64 * 1024;
/** a provider frame larger than this closes the stream (1009); big enough for a 10 MB line to arrive and be cut */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
export const STREAM_CONNECT_TIMEOUT_MS = 15_000;
const DEFAULT_QUEUE = { highWater: 2_000, lowWater: 500, maxBytes: 4 * 1024 * 1024 };

const leasePath = (l: LeaseRef) => `/lease/${l.dseq}/${l.gseq}/${l.oseq}`;

export function truncateLine(message: string): string {
  if (message.length <= MAX_LINE_CHARS) return message;
  return `${message.slice(0, MAX_LINE_CHARS)} … [line truncated by the console: ${message.length - MAX_LINE_CHARS} more characters]`;
}

function parseLog(text: string): LogFrame | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  // checked by hand rather than with zod: this is the firehose's hot path, and two string fields are the whole schema
  if (!v || typeof v !== "object") return null;
  const { name, message } = v as { name?: unknown; message?: unknown };
  if (typeof name !== "string" || typeof message !== "string") return null;
  return { name, message: truncateLine(message) };
}

function parseEvent(text: string): KubeEventFrame | null {
  try {
    const r = kubeEventFrameWire.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function streamLeaseLogs(gw: Gateway, lease: LeaseRef, opts: LogStreamOptions): AsyncIterable<LogFrame> {
  const q = new URLSearchParams({ follow: String(opts.follow), tail: String(opts.tail) });
  if (opts.services?.length) q.set("service", opts.services.join(","));
  return frames(gw, lease, `${leasePath(lease)}/logs?${q}`, opts, parseLog, (f) => f.name.length + f.message.length);
}

export function streamLeaseEvents(gw: Gateway, lease: LeaseRef, opts: StreamOptions): AsyncIterable<KubeEventFrame> {
  const q = new URLSearchParams({ follow: String(opts.follow) });
  if (opts.services?.length) q.set("service", opts.services.join(","));
  return frames(gw, lease, `${leasePath(lease)}/kubeevents?${q}`, opts, parseEvent, (f) => f.note.length + 200);
}

async function* frames<T>(gw: Gateway, lease: LeaseRef, path: string, opts: StreamOptions, parse: (text: string) => T | null, sizeOf: (f: T) => number): AsyncGenerator<T> {
  const endpoint = await resolveEndpoint(gw, lease.provider, { signal: opts.signal });
  if (opts.signal?.aborted) return;
  const ws = await openProviderSocket({
    endpoint,
    pin: gw.pin,
    path,
    token: opts.token,
    timeoutMs: opts.timeoutMs ?? STREAM_CONNECT_TIMEOUT_MS,
    maxPayload: MAX_FRAME_BYTES,
    signal: opts.signal,
  });
  opts.onOpen?.();
  const queue = new BoundedQueue<T>({ ...(opts.queue ?? DEFAULT_QUEUE), sizeOf, pause: () => ws.pause(), resume: () => ws.resume() });
  wire(ws, queue, lease.provider, opts.follow, parse);
  const onAbort = () => queue.end();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    for await (const f of queue) {
      if (opts.signal?.aborted) return;
      yield f;
    }
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    ws.terminate();
  }
}

function wire<T>(ws: WebSocket, queue: BoundedQueue<T>, provider: string, follow: boolean, parse: (text: string) => T | null): void {
  let protocolError: AppError | null = null;
  ws.on("message", (data: Buffer, isBinary: boolean) => {
    const f = isBinary ? null : parse(data.toString("utf8"));
    if (f === null) {
      protocolError = new AppError("provider.bad_response", `Provider ${provider} sent a stream frame the console cannot read: "${data.toString("utf8", 0, 120)}".`, { details: { provider } });
      ws.terminate();
      return;
    }
    queue.push(f);
  });
  ws.on("error", (err) => {
    if (/max payload/i.test(err.message)) protocolError = streamClosedError(provider, 1009, "");
  });
  ws.on("close", (code: number, reason: Buffer) => {
    if (protocolError) return queue.fail(protocolError);
    // A finished follow=false log stream is closed without a close frame by the real gateway (gorilla's Conn.Close
    // in wsLogWriter), which reads as 1006: for a stream that was meant to end, any end is the end.
    if (code === 1000 || code === 1005 || (!follow && code === 1006)) return queue.end();
    queue.fail(streamClosedError(provider, code, reason.toString("utf8")));
  });
}
