/** The HTTP routes of akash-network/provider's gateway/rest router, with its auth and its error bodies. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { AuthError } from "../auth";
import { authenticate, type GatewayContext } from "./context";
import { HttpError, send, sendText } from "./http-io";
import { parseLeasePath } from "./lease-runtime";
import { serviceStatus, leaseStatus } from "./lease-status";
import { getManifest, putManifest } from "./manifest";
import { providerStatus, versionInfo } from "./provider-info";

export async function handleHttp(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (ctx.fault() === "http500") return sendText(res, 500, "internal server error\n");
    const url = new URL(req.url ?? "/", "https://gateway");
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (method === "GET" && path === "/version") return send(res, 200, versionInfo());
    if (method === "GET" && path === "/address") return send(res, 200, { address: ctx.address });
    if (method === "GET" && path === "/status") return send(res, 200, providerStatus(ctx));

    const dm = /^\/deployment\/(\d+)\/manifest$/.exec(path);
    if (dm) {
      if (method !== "PUT") return sendText(res, 405, "");
      const principal = await authenticate(ctx, req, req.socket as TLSSocket);
      return await putManifest(ctx, req, res, principal, BigInt(dm[1]!));
    }
    const lm = parseLeasePath(path);
    if (lm) {
      if (method !== "GET") return sendText(res, 405, "");
      const principal = await authenticate(ctx, req, req.socket as TLSSocket);
      if (lm.rest === "/status") return await leaseStatus(ctx, res, principal, lm);
      if (lm.rest === "/manifest") return getManifest(ctx, res, principal, lm);
      const sm = /^\/service\/([^/]+)\/status$/.exec(lm.rest);
      if (sm) return await serviceStatus(ctx, res, principal, lm, decodeURIComponent(sm[1]!));
      if (lm.rest === "/logs" || lm.rest === "/kubeevents" || lm.rest === "/shell") return sendText(res, 400, "Bad Request\n"); // websocket only
    }
    return sendText(res, 404, "404 page not found\n");
  } catch (e) {
    if (e instanceof AuthError) return send(res, e.status, { message: e.message });
    if (e instanceof HttpError) return sendText(res, e.status, e.message + "\n");
    return send(res, 500, { message: e instanceof Error ? e.message : String(e) });
  }
}
