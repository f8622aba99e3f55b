import "server-only";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Gateway } from "@/lib/provider-gateway/gateway.server";
import { STREAM_PATH } from "@/lib/provider-gateway/stream-protocol";
import { StreamLimits } from "@/lib/provider-gateway/stream-limits.server";
import { relayStream, type RelayOptions } from "@/lib/provider-gateway/stream-relay.server";

/**
 * The console's one websocket endpoint (STREAM_PATH), for an http server's "upgrade" event. Next.js route handlers
 * cannot take an upgrade, so the custom server (server.ts) hands upgrades here first; anything else goes to Next.
 * A cross-site page could open a websocket with the tenant's cookies (SameSite does not apply to a same-site
 * attacker, and an old browser may send them anyway), so the Origin must be this console's own host; middleware
 * and its CSP do not run for upgrades, so the check is here.
 */

export interface UpgradeDeps {
  gateway: () => Gateway;
  /** the live session of the request (cookie), and the key its stream limit counts by */
  session(req: IncomingMessage): Promise<{ address: string; key: string } | null>;
  limits?: StreamLimits;
  relay?: Partial<Omit<RelayOptions, "gateway" | "session" | "sessionKey" | "limits">>;
}

/** frames from a browser are small: JSON control messages and keystrokes */
const MAX_CLIENT_FRAME = 64 * 1024;

export function createStreamUpgrade(deps: UpgradeDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME, perMessageDeflate: false });
  const limits = deps.limits ?? new StreamLimits();

  return {
    limits,
    /** the browser sockets this endpoint holds (their bufferedAmount is what a slow tab costs the server) */
    clients: (): ReadonlySet<{ bufferedAmount: number }> => wss.clients,
    /** true when the upgrade was this endpoint's (handled or refused here); false to let another handler have it */
    handle(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const url = new URL(req.url ?? "/", "http://console.invalid");
      if (url.pathname !== STREAM_PATH) return false;
      socket.on("error", () => socket.destroy());
      if (!sameOrigin(req)) {
        refuse(socket, 403, "This stream may only be opened by the console's own pages.");
        return true;
      }
      deps.session(req).then(
        (session) => {
          wss.handleUpgrade(req, socket, head, (ws) =>
            relayStream(ws, { ...deps.relay, gateway: deps.gateway(), session: session?.address ?? null, sessionKey: session?.key ?? null, limits }),
          );
        },
        (err: unknown) => {
          console.error("[provider-stream] session lookup failed", err);
          refuse(socket, 500, "The console could not read your session.");
        },
      );
      return true;
    },
    close(): void {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const forwarded = req.headers["x-forwarded-host"];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0]?.trim()) || req.headers.host;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: { code: status === 403 ? "unauthorized" : "internal", message } });
  const reason = status === 403 ? "Forbidden" : "Internal Server Error";
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
