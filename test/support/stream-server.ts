/**
 * Test support: the console's stream endpoint mounted on a plain http server (what server.ts does around Next),
 * sessions in a given database, and a `connect` for lib/provider-gateway/console-stream.ts that plays the browser
 * (ws in Node, with the session cookie and the console's Origin).
 */
import http from "node:http";
import WebSocket from "ws";
import { sessionCookieName, startSession } from "@/lib/auth/session.server";
import type { SessionsRepository } from "@/lib/db/sessions";
import type { SocketLike } from "@/lib/provider-gateway/console-stream";
import type { Gateway } from "@/lib/provider-gateway/gateway.server";
import { STREAM_PATH } from "@/lib/provider-gateway/stream-protocol";
import { streamSession } from "@/lib/provider-gateway/stream-session.server";
import { StreamLimits } from "@/lib/provider-gateway/stream-limits.server";
import { createStreamUpgrade, type UpgradeDeps } from "@/lib/provider-gateway/stream-upgrade.server";

export interface StreamServer {
  url: string;
  host: string;
  limits: StreamLimits;
  /** the largest bufferedAmount of the server's browser sockets right now */
  maxBuffered(): number;
  /** a session cookie ("name=value") for the address */
  signIn(address: string): Promise<string>;
  /** a browser-like socket factory: cookie (or none) and an Origin (the console's unless given) */
  connect(cookie: string | null, origin?: string): () => SocketLike;
  stop(): Promise<void>;
}

export async function startStreamServer(repo: SessionsRepository, gateway: () => Gateway, opts: { limits?: StreamLimits; relay?: UpgradeDeps["relay"] } = {}): Promise<StreamServer> {
  const limits = opts.limits ?? new StreamLimits();
  const upgrade = createStreamUpgrade({
    gateway,
    limits,
    relay: opts.relay,
    session: (req) => streamSession(req, repo),
  });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    if (!upgrade.handle(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: `ws://${host}${STREAM_PATH}`,
    host,
    limits,
    maxBuffered: () => Math.max(0, ...[...upgrade.clients()].map((c) => c.bufferedAmount)),
    signIn: async (address) => `${sessionCookieName()}=${(await startSession(address, repo)).token}`,
    connect: (cookie, origin = `http://${host}`) => () =>
      new WebSocket(`ws://${host}${STREAM_PATH}`, { headers: { origin, ...(cookie ? { cookie } : {}) }, perMessageDeflate: false }) as unknown as SocketLike,
    async stop() {
      upgrade.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
