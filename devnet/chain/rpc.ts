/**
 * CometBFT 0.38 JSON-RPC: HTTP POST (single and batch), HTTP GET /<method>?arg=..., and the /websocket
 * endpoint with subscribe / unsubscribe on the event bus. Response shapes follow what cosmjs's
 * Comet38Client decodes (rpc/core/types in cometbft). The methods are in rpc/methods.ts, the shapes in
 * rpc/views.ts, the websocket in rpc/event-bus.ts.
 */
import http from "node:http";
import { attachEventBus } from "./rpc/event-bus";
import { rpcDispatcher, type RpcDeps, type RpcRequest } from "./rpc/methods";

export function startRpc(deps: RpcDeps, host: string, port: number): Promise<{ server: http.Server; port: number; close(): Promise<void> }> {
  const dispatcher = rpcDispatcher(deps, () => `tcp://${host}:${port}`);
  const handleRpc = dispatcher.handleRpc;

  const server = http.createServer(async (req, res) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Headers", "*");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
    const url = new URL(req.url ?? "/", "http://x");
    let out: unknown;
    if (req.method === "POST") {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      let body: RpcRequest | RpcRequest[] | undefined;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        out = { jsonrpc: "2.0", id: -1, error: { code: -32700, message: "Parse error", data: "invalid JSON" } };
      }
      if (!out) out = Array.isArray(body) ? await Promise.all(body.map(handleRpc)) : await handleRpc(body);
    } else {
      const method = url.pathname.replace(/^\//, "");
      const params: Record<string, string> = {};
      for (const [k, v] of url.searchParams) params[k] = v.replace(/^"(.*)"$/, "$1");
      out = await handleRpc({ id: -1, method, params });
    }
    const text = JSON.stringify(out);
    res.writeHead(200, { "content-type": "application/json" }).end(text);
  });

  const bus = attachEventBus(server, deps.app, deps.validator.address, handleRpc);

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = (server.address() as { port: number }).port;
      port = actual;
      resolve({
        server,
        port: actual,
        close: () =>
          new Promise<void>((r) => {
            dispatcher.close();
            bus.close();
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}
