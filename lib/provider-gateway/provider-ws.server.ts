import "server-only";
import WebSocket from "ws";
import { AppError, isAppError } from "@/lib/errors/app-error";
import type { PinVerifier } from "@/lib/provider-gateway/pin.server";
import { statusError } from "@/lib/provider-gateway/provider-api.server";
import { connectError, connectPinned, describeEndpoint, type ProviderEndpoint } from "@/lib/provider-gateway/provider-socket.server";

/**
 * A websocket to a provider's gateway (logs, kubeevents, shell) over the same pinned TLS connection as the REST
 * calls. A refused upgrade reads as the provider's HTTP status and body; a close as the provider's close code
 * (gateway/rest/router.go: 4000 internal error or no running pods, 4001 lease not found, 4002 service
 * unavailable). Pings from the provider (every 10 s) are answered by ws itself while the socket is read.
 */

export const WS_INTERNAL_ERROR = 4000;
export const WS_LEASE_NOT_FOUND = 4001;
export const WS_SERVICE_UNAVAILABLE = 4002;

export interface ProviderSocketRequest {
  endpoint: ProviderEndpoint;
  pin: PinVerifier;
  /** path and query, e.g. /lease/1/1/1/logs?follow=true */
  path: string;
  token: string;
  /** connect, handshake, pin check and upgrade */
  timeoutMs: number;
  /** largest frame accepted; a larger one closes the socket with 1009 */
  maxPayload: number;
  signal?: AbortSignal;
}

const MAX_REFUSAL_BODY = 4096;

export async function openProviderSocket(req: ProviderSocketRequest): Promise<WebSocket> {
  const started = Date.now();
  const { provider } = req.endpoint;
  const where = describeEndpoint(req.endpoint);
  const socket = await connectPinned(req.endpoint, { pin: req.pin, timeoutMs: req.timeoutMs, signal: req.signal });
  const url = `wss://${req.endpoint.target.url.host}${req.path}`;
  const ws = new WebSocket(url, {
    createConnection: () => socket,
    headers: { authorization: `Bearer ${req.token}`, "user-agent": "akash-tenant-console" },
    perMessageDeflate: false,
    maxPayload: req.maxPayload,
    handshakeTimeout: Math.max(1, req.timeoutMs - (Date.now() - started)),
  });
  return new Promise<WebSocket>((resolve, reject) => {
    let settled = false;
    const settle = (err: AppError | null) => {
      if (settled) return;
      settled = true;
      req.signal?.removeEventListener("abort", onAbort);
      ws.off("error", onError);
      if (err) {
        // terminate() while connecting emits one more error; nobody is listening for it any more
        ws.on("error", () => {});
        ws.terminate();
        reject(err);
      } else resolve(ws);
    };
    const onAbort = () => settle(new AppError("internal", "The stream was cancelled.", { cause: req.signal?.reason }));
    req.signal?.addEventListener("abort", onAbort, { once: true });
    const onError = (err: NodeJS.ErrnoException) => {
      if (isAppError(err)) return settle(err);
      if (/timed out/i.test(err.message)) {
        return settle(new AppError("provider.timeout", `Provider ${provider} at ${where} did not accept the stream within ${req.timeoutMs / 1000} s.`, { details: { provider, stage: "upgrade" } }));
      }
      settle(connectError(provider, where, err));
    };
    ws.on("error", onError);
    ws.once("open", () => settle(null));
    ws.once("unexpected-response", (r, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        if (size < MAX_REFUSAL_BODY) chunks.push(c);
        size += c.length;
      });
      const done = () => {
        r.destroy();
        settle(statusError(provider, `the stream ${req.path.split("?")[0]}`, { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, MAX_REFUSAL_BODY) }));
      };
      res.once("end", done);
      res.once("error", done);
      res.once("close", done);
    });
  });
}

/** How the provider ended a stream, in the tenant's words; the close code and reason travel in details. */
export function streamClosedError(provider: string, code: number, reason: string): AppError {
  const said = reason ? `: ${reason}` : "";
  const what =
    code === WS_INTERNAL_ERROR
      ? `with an internal error (${code}${said})${/no running pods/i.test(reason) ? "; the lease has no running containers" : ""}`
      : code === WS_LEASE_NOT_FOUND
        ? `because it knows no such lease (${code}${said}); the manifest may not have reached it, or the lease is gone`
        : code === WS_SERVICE_UNAVAILABLE
          ? `because the service is unavailable (${code}${said})`
          : code === 1006
            ? "without closing it (the connection dropped, 1006)"
            : code === 1009
              ? "because it sent a frame larger than the console accepts (1009)"
              : `with code ${code}${said}`;
  return new AppError("provider.stream_closed", `Provider ${provider} closed the stream ${what}.`, { details: { provider, closeCode: code, reason } });
}
