/**
 * HTTPS and websocket clients for the simulated providers' gateways, as a tenant's tools reach them: the gateways'
 * self-signed certificates accepted, optional client certificates, the peer certificate and every frame recorded.
 * Lib-free: devnet tests and benches use it too.
 */
import https from "node:https";
import type { TLSSocket } from "node:tls";
import WebSocket from "ws";

export interface HttpResult {
  status: number;
  body: string;
  json: () => unknown;
  headers: Record<string, unknown>;
  peerCert?: { subject: Record<string, string>; valid_to: string; serialNumber: string };
}

export function request(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string>; cert?: string; key?: string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: init.method ?? "GET", headers: init.headers, rejectUnauthorized: false, agent: false, cert: init.cert, key: init.key },
      (res) => {
        const chunks: Buffer[] = [];
        const sock = res.socket as TLSSocket;
        const peer = sock.getPeerCertificate?.();
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: res.statusCode ?? 0,
            body,
            json: () => JSON.parse(body),
            headers: res.headers,
            peerCert: peer && Object.keys(peer).length ? (peer as never) : undefined,
          });
        });
      },
    );
    req.on("error", reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

export interface WsResult {
  frames: string[];
  code: number;
  reason: string;
  /** HTTP status when the upgrade was refused */
  status?: number;
  body?: string;
}

/** Connects, collects frames until close (or `untilMs`), returns them with the close code. */
export function wsCollect(
  url: string,
  init: { headers?: Record<string, string>; cert?: string; key?: string; untilMs?: number; onFrame?: (f: string, ws: WebSocket) => void; onOpen?: (ws: WebSocket) => void } = {},
): Promise<WsResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^https/, "wss"), { headers: init.headers, rejectUnauthorized: false, cert: init.cert, key: init.key });
    const frames: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    ws.on("message", (d) => {
      const f = d.toString();
      frames.push(f);
      init.onFrame?.(f, ws);
    });
    ws.on("unexpected-response", (_req, res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ frames, code: 0, reason: "", status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    ws.on("close", (code, reason) => {
      if (timer) clearTimeout(timer);
      resolve({ frames, code, reason: reason.toString() });
    });
    ws.on("error", (e) => {
      if (!("unexpected" in e)) {
        /* close follows */
      }
    });
    ws.on("open", () => {
      if (init.untilMs) timer = setTimeout(() => ws.close(1000), init.untilMs);
      init.onOpen?.(ws);
    });
    setTimeout(() => reject(new Error("ws timeout")), 60_000).unref();
  });
}
