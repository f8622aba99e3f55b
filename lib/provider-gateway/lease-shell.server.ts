import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { BoundedQueue } from "@/lib/provider-gateway/bounded-queue";
import { resolveEndpoint, type Gateway } from "@/lib/provider-gateway/gateway.server";
import type { LeaseRef } from "@/lib/provider-gateway/lease-ref";
import { STREAM_CONNECT_TIMEOUT_MS } from "@/lib/provider-gateway/lease-streams.server";
import { openProviderSocket, streamClosedError } from "@/lib/provider-gateway/provider-ws.server";
import { decodeShellOutput, type ShellOutputFrame } from "@/lib/provider-gateway/shell-codec";

/**
 * A command in a lease's container (the provider's /lease/.../shell websocket, binary frames of shell-codec.ts).
 * Output arrives as validated frames, each with its raw bytes so the proxy can pass it on unchanged; it ends after
 * the result (102) or failure (103) frame. The provider closes the socket right after that frame without a close
 * frame (gorilla's Conn.Close), so only a close *before* it is an error.
 */

export interface ShellRequest {
  token: string;
  service: string;
  command: string[];
  tty: boolean;
  stdin: boolean;
  podIndex?: number;
  signal?: AbortSignal;
}

export interface ProviderShell {
  output: AsyncIterable<{ raw: Uint8Array; frame: ShellOutputFrame }>;
  /** an encoded input frame (encodeStdin, encodeResize) */
  send(frame: Uint8Array): void;
  close(): void;
}

const MAX_SHELL_FRAME = 4 * 1024 * 1024;
const MAX_ARGS = 64;

export function shellPath(lease: LeaseRef, req: Pick<ShellRequest, "service" | "command" | "tty" | "stdin" | "podIndex">): string {
  if (req.command.length === 0 || req.command.length > MAX_ARGS || req.command.some((a) => a.length === 0)) {
    throw new AppError("request.invalid", `A shell command is 1 to ${MAX_ARGS} non-empty arguments (the provider stops reading at the first empty one).`);
  }
  const q = new URLSearchParams();
  req.command.forEach((arg, i) => q.set(`cmd${i}`, arg));
  q.set("tty", req.tty ? "1" : "0");
  q.set("stdin", req.stdin ? "1" : "0");
  q.set("podIndex", String(req.podIndex ?? 0));
  q.set("service", req.service);
  return `/lease/${lease.dseq}/${lease.gseq}/${lease.oseq}/shell?${q}`;
}

export async function openLeaseShell(gw: Gateway, lease: LeaseRef, req: ShellRequest): Promise<ProviderShell> {
  const path = shellPath(lease, req);
  const endpoint = await resolveEndpoint(gw, lease.provider, { signal: req.signal });
  const ws = await openProviderSocket({ endpoint, pin: gw.pin, path, token: req.token, timeoutMs: STREAM_CONNECT_TIMEOUT_MS, maxPayload: MAX_SHELL_FRAME, signal: req.signal });
  const queue = new BoundedQueue<{ raw: Uint8Array; frame: ShellOutputFrame }>({
    highWater: 256,
    lowWater: 64,
    maxBytes: 4 * 1024 * 1024,
    sizeOf: (f) => f.raw.byteLength,
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    onCancel: () => ws.terminate(),
  });
  let finished = false;
  ws.on("message", (data: Buffer, isBinary: boolean) => {
    if (finished) return;
    let frame: ShellOutputFrame;
    try {
      if (!isBinary) throw new AppError("provider.bad_response", `Provider ${lease.provider}'s shell sent a text frame; shell frames are binary.`);
      frame = decodeShellOutput(data);
    } catch (err) {
      queue.fail(err);
      ws.terminate();
      return;
    }
    queue.push({ raw: new Uint8Array(data), frame });
    if (frame.kind === "result" || frame.kind === "failure") {
      finished = true;
      queue.end();
    }
  });
  ws.on("error", () => {
    /* the close that follows says how it ended */
  });
  ws.on("close", (code: number, reason: Buffer) => {
    if (finished) return;
    queue.fail(streamClosedError(lease.provider, code, reason.toString("utf8")));
  });
  const onAbort = () => ws.terminate();
  req.signal?.addEventListener("abort", onAbort, { once: true });
  ws.once("close", () => req.signal?.removeEventListener("abort", onAbort));
  return {
    output: queue,
    send(frame) {
      if (ws.readyState === ws.OPEN) ws.send(frame, { binary: true });
    },
    close() {
      ws.terminate();
    },
  };
}
