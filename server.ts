/**
 * The console's HTTP server: Next.js (pages, route handlers, middleware, all unchanged) plus the one websocket
 * endpoint route handlers cannot offer (lib/provider-gateway/stream-upgrade.server.ts). A browser holds one socket
 * per stream there: logs and events with real backpressure, a shell with both directions on one connection. It also
 * runs the providers' probe job (lib/market/probe-job.server.ts): uptime is sampled whether or not anyone looks.
 *
 * Bundled by scripts/build-server.mjs into dist/console-server.mjs (so `import "server-only"` in lib/*.server.ts
 * resolves to its empty module, as Next's own build does for server code) and run by `npm start`, `npm run dev`
 * and the e2e server:  node dist/console-server.mjs [--dev] [--port 3000] [--hostname 127.0.0.1]
 */
import http from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createRestClient } from "@/lib/chain/rest";
import { getDb } from "@/lib/db/client";
import { providersRepository } from "@/lib/db/providers";
import { getServerEnv } from "@/lib/env/server";
import { forwardedForWithPeer } from "@/lib/http/peer-address";
import { startProbeJob } from "@/lib/market/probe-job.server";
import { getNetworkFromEnv } from "@/lib/networks";
import { getGateway } from "@/lib/provider-gateway/gateway.server";
import { streamSession } from "@/lib/provider-gateway/stream-session.server";
import { createStreamUpgrade } from "@/lib/provider-gateway/stream-upgrade.server";

const { values } = parseArgs({
  options: { dev: { type: "boolean", default: false }, port: { type: "string" }, hostname: { type: "string" }, dir: { type: "string" } },
});
const dev = values.dev ?? false;
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;
// `next start` and `next dev` set NODE_ENV themselves; a custom server has to, before Next is loaded
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";
getServerEnv(); // a bad configuration stops the start, with its reason, instead of the first request

const { default: next } = await import("next");
const server = http.createServer();
const app = next({ dev, dir: values.dir ?? fileURLToPath(new URL("..", import.meta.url)), hostname: hostname ?? "localhost", port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
const streams = createStreamUpgrade({ gateway: getGateway, session: (req) => streamSession(req) });

server.on("request", (req, res) => {
  req.headers["x-forwarded-for"] = forwardedForWithPeer(req.headers["x-forwarded-for"], req.socket.remoteAddress);
  void handle(req, res);
});
server.on("upgrade", (req, socket, head) => {
  if (streams.handle(req, socket, head)) return;
  // Next listens for its own upgrades (the dev server's hot reload at /_next/webpack-hmr); nothing else is a socket
  if (!req.url?.startsWith("/_next/")) socket.destroy();
});

server.listen(port, hostname, () => {
  console.log(`console on http://${hostname ?? "localhost"}:${port}${dev ? " (development)" : ""}`);
});
const network = getNetworkFromEnv();
const probes = startProbeJob({ network, rest: createRestClient(network.restUrl), repo: providersRepository(getDb()) });

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  probes.stop();
  streams.close();
  server.close();
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
