/** Websocket helpers of the gateway's streams: batched sends, abnormal drops, keepalive pings. */
import type { Socket } from "node:net";
import { WebSocket } from "ws";

/** Private websocket close codes of the real gateway (gateway/rest/router.go). */
export const WS_INTERNAL_ERROR = 4000;
export const WS_LEASE_NOT_FOUND = 4001;
export const WS_SERVICE_UNAVAILABLE = 4002;

/** Sends many frames with the socket corked, so they go out in few TLS records / syscalls. */
export function sendBatch(ws: WebSocket, frames: string[]): void {
  if (frames.length === 0 || ws.readyState !== WebSocket.OPEN) return;
  const sock = (ws as unknown as { _socket?: Socket })._socket;
  sock?.cork();
  for (const f of frames) ws.send(f);
  if (sock) process.nextTick(() => sock.uncork());
}

/** Abnormal close (no close frame: the client sees 1006), as when a provider's stream dies. */
export function scheduleDrop(ws: WebSocket, afterMs: number): void {
  const t = setTimeout(() => ws.terminate(), afterMs);
  ws.on("close", () => clearTimeout(t));
}

/** Keepalive pings, as the real gateway sends every 10 s (pingPeriod). */
export function keepAlive(ws: WebSocket, intervalMs: number): void {
  const ping = setInterval(() => ws.readyState === WebSocket.OPEN && ws.ping(), intervalMs);
  ws.on("close", () => clearInterval(ping));
}

/**
 * Ends the connection after what was sent so far, without a close frame (the client sees 1006): a stream that
 * dies mid-way, and how the real gateway ends a shell session (gorilla's Conn.Close sends no close frame).
 */
export function endWithoutCloseFrame(ws: WebSocket): void {
  const sock = (ws as unknown as { _socket?: Socket })._socket;
  if (!sock) return ws.terminate();
  // Writable.end flushes what is corked or buffered, then FIN; destroy only if the peer never finishes
  sock.end();
  setTimeout(() => sock.destroy(), 5_000).unref();
}
