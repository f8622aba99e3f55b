/**
 * Websocket routes (/lease/.../logs, /lease/.../kubeevents and /lease/.../shell): the stream parameters are checked
 * before the upgrade (400 with Go's messages), then auth and scope (401/403), then the stream; a lease without a
 * manifest closes with 4001 right after the upgrade, an unreachable Kubernetes API with 4002, as the real gateway.
 */
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import type { WebSocketServer } from "ws";
import { AuthError, type AccessScope } from "../auth";
import { activeLease, authenticate, requireScope, type GatewayContext } from "./context";
import { streamEvents } from "./event-stream";
import { rejectUpgrade, TEXT_TYPE } from "./http-io";
import { leaseKey, parseLeasePath } from "./lease-runtime";
import { streamLogs } from "./log-stream";
import { upgradeShell } from "./shell-session";
import { keepAlive, scheduleDrop, WS_LEASE_NOT_FOUND, WS_SERVICE_UNAVAILABLE } from "./ws-util";

const TRUE = ["true", "1", "t", "TRUE", "True"];
const BOOLS = [...TRUE, "false", "0", "f", "FALSE", "False"];

export async function handleUpgrade(ctx: GatewayContext, wss: WebSocketServer, req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
  socket.on("error", () => socket.destroy());
  try {
    if (ctx.fault() === "http500") return rejectUpgrade(socket, 500, "internal server error\n", TEXT_TYPE);
    const url = new URL(req.url ?? "/", "https://gateway");
    const m = parseLeasePath(url.pathname);
    if (!m || (m.rest !== "/logs" && m.rest !== "/kubeevents" && m.rest !== "/shell")) return rejectUpgrade(socket, 404, "404 page not found\n", TEXT_TYPE);
    const q = url.searchParams;
    if (m.rest === "/shell") {
      const principal = await authenticate(ctx, req, socket as TLSSocket);
      requireScope(ctx, principal, m.dseq, "shell", m.gseq, m.oseq);
      return upgradeShell(ctx, wss, req, socket, head, m, principal.owner, q);
    }
    const service = q.get("service") ?? "";
    if (service.endsWith(",")) return rejectUpgrade(socket, 400, 'parameter "service" must not contain trailing comma\n', "text/plain");
    const followRaw = q.get("follow");
    if (followRaw && !BOOLS.includes(followRaw)) return rejectUpgrade(socket, 400, `strconv.ParseBool: parsing "${followRaw}": invalid syntax\n`, "text/plain");
    const follow = followRaw ? TRUE.includes(followRaw) : false;
    const tailRaw = q.get("tail");
    const tail = tailRaw === null || tailRaw === "" ? -1 : Number(tailRaw);
    if (!Number.isInteger(tail) || tail < -1) return rejectUpgrade(socket, 400, 'parameter "tail" contains invalid value\n', "text/plain");

    const principal = await authenticate(ctx, req, socket as TLSSocket);
    const scope: AccessScope = m.rest === "/logs" ? "logs" : "events";
    requireScope(ctx, principal, m.dseq, scope, m.gseq, m.oseq);
    const lease = activeLease(ctx, principal.owner, m);
    const services = service ? service.split(",") : [];
    wss.handleUpgrade(req, socket, head, (ws) => {
      ctx.streams.add(ws);
      ws.on("close", () => ctx.streams.delete(ws));
      ws.on("error", () => ws.terminate());
      const rt = lease ? ctx.runtimes.get(leaseKey(lease)) : undefined;
      if (!lease || !rt) {
        ws.close(WS_LEASE_NOT_FOUND, "");
        return;
      }
      if (ctx.faults.kubeUnavailable) {
        ws.close(WS_SERVICE_UNAVAILABLE, "");
        return;
      }
      keepAlive(ws, ctx.o.pingIntervalMs);
      if (ctx.fault() === "drop-streams") scheduleDrop(ws, ctx.o.faultDropAfterMs);
      else if (ctx.o.profile.behaviour === "drop-streams" && scope === "logs") scheduleDrop(ws, ctx.o.behaviourDropAfterMs);
      if (scope === "logs") streamLogs(ctx, ws, lease, rt, { services, follow, tail });
      else streamEvents(ctx, ws, lease, rt, services, follow);
    });
  } catch (e) {
    if (e instanceof AuthError) return rejectUpgrade(socket, e.status, JSON.stringify({ message: e.message }));
    return rejectUpgrade(socket, 500, JSON.stringify({ message: e instanceof Error ? e.message : String(e) }));
  }
}
