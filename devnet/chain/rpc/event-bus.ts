/**
 * CometBFT's /websocket: JSON-RPC over a websocket, plus subscribe / unsubscribe / unsubscribe_all on the event
 * bus. Each committed block is matched against every subscription's query (NewBlock, NewBlockHeader, Tx events).
 */
import type http from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import type { App } from "../app";
import { eventMap, matches, parseQuery, QueryError } from "../events-query";
import { blockIdJson, blockJson, headerJson, txEventMap, txResultJson } from "./views";
import type { RpcRequest } from "./methods";

export function attachEventBus(
  server: http.Server,
  app: App,
  validatorAddress: string,
  handleRpc: (msg: RpcRequest) => Promise<unknown>,
): { close(): void } {
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://x").pathname !== "/websocket") return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws));
  });
  const subs = new Map<WebSocket, { id: unknown; query: string; conds: ReturnType<typeof parseQuery> }[]>();
  wss.on("connection", (ws) => {
    subs.set(ws, []);
    ws.on("close", () => subs.delete(ws));
    ws.on("message", async (raw) => {
      let msg: RpcRequest;
      try {
        msg = JSON.parse(raw.toString());
      } catch {
        return ws.send(JSON.stringify({ jsonrpc: "2.0", id: -1, error: { code: -32700, message: "Parse error", data: "" } }));
      }
      const list = subs.get(ws) ?? [];
      if (msg.method === "subscribe") {
        try {
          const query = String(msg.params?.query ?? "");
          list.push({ id: msg.id, query, conds: parseQuery(query) });
          ws.send(JSON.stringify({ jsonrpc: "2.0", id: msg.id, result: {} }));
        } catch (e) {
          const m = e instanceof QueryError ? e.message : String(e);
          ws.send(JSON.stringify({ jsonrpc: "2.0", id: msg.id, error: { code: -32603, message: "Internal error", data: m } }));
        }
        return;
      }
      if (msg.method === "unsubscribe") {
        const query = String(msg.params?.query ?? "");
        subs.set(ws, list.filter((s) => s.query !== query));
        return ws.send(JSON.stringify({ jsonrpc: "2.0", id: msg.id, result: {} }));
      }
      if (msg.method === "unsubscribe_all") {
        subs.set(ws, []);
        return ws.send(JSON.stringify({ jsonrpc: "2.0", id: msg.id, result: {} }));
      }
      ws.send(JSON.stringify(await handleRpc(msg)));
    });
  });

  const unsubscribeBus = app.onCommit((c) => {
    if (subs.size === 0) return;
    const b = c.block;
    const blockEvents = eventMap(b.finalizeEvents, { "tm.event": "NewBlock", "block.height": String(b.height) });
    const headerEvents = eventMap(b.finalizeEvents, { "tm.event": "NewBlockHeader", "block.height": String(b.height) });
    const newBlock = {
      type: "tendermint/event/NewBlock",
      value: {
        block: blockJson(app, b, validatorAddress),
        block_id: blockIdJson(b.hash),
        result_finalize_block: { events: b.finalizeEvents, txs_results: b.results.map(txResultJson), validator_updates: null, app_hash: b.appHash },
      },
    };
    const newHeader = { type: "tendermint/event/NewBlockHeader", value: { header: headerJson(app, b, validatorAddress) } };
    for (const [ws, list] of subs) {
      for (const s of list) {
        const send = (data: unknown, events: Map<string, string[]>) =>
          ws.send(JSON.stringify({ jsonrpc: "2.0", id: s.id, result: { query: s.query, data, events: Object.fromEntries(events) } }));
        if (matches(s.conds, blockEvents)) send(newBlock, blockEvents);
        if (matches(s.conds, headerEvents)) send(newHeader, headerEvents);
        for (const t of c.txs) {
          const m = txEventMap(t);
          if (matches(s.conds, m)) {
            send({ type: "tendermint/event/Tx", value: { TxResult: { height: String(t.height), index: t.index, tx: t.tx, result: txResultJson(t.result) } } }, m);
          }
        }
      }
    }
  });
  return {
    close() {
      unsubscribeBus();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
