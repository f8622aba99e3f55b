/**
 * CometBFT 0.38 JSON-RPC: HTTP POST (single and batch), HTTP GET /<method>?arg=..., and the /websocket
 * endpoint with subscribe / unsubscribe on the event bus. Response shapes follow what cosmjs's
 * Comet38Client decodes (rpc/core/types in cometbft).
 */
import http from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import type { App, CommittedBlock } from "./app";
import type { BlockRec, IndexedTx, TxResult } from "./blocks";
import type { AbciQueryResult } from "./abci-query";
import { b64, fromB64 } from "./codec";
import { MAX_TX_BYTES } from "./params";
import { eventMap, matches, parseQuery, QueryError } from "./events-query";

export const COMET_VERSION = "0.38.17";

interface RpcDeps {
  app: App;
  abciQuery(path: string, data: Uint8Array): AbciQueryResult;
  validator: { address: string; pubkey: string };
  isStalled(): boolean;
}

class RpcError extends Error {
  constructor(readonly code: number, message: string, readonly data = "") {
    super(message);
  }
}

export function txResultJson(r: TxResult) {
  return {
    code: r.code,
    data: r.data || null,
    log: r.log,
    info: "",
    gas_wanted: String(r.gasWanted),
    gas_used: String(r.gasUsed),
    events: r.events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ key: a.key, value: a.value, index: a.index })) })),
    codespace: r.codespace,
  };
}

const blockIdJson = (hash: string) => ({ hash, parts: { total: hash ? 1 : 0, hash } });

export function headerJson(app: App, b: BlockRec, validatorAddress: string) {
  const empty = toHex(sha256(new Uint8Array())).toUpperCase();
  return {
    version: { block: "11", app: "0" },
    chain_id: app.chainId,
    height: String(b.height),
    time: b.time,
    last_block_id: blockIdJson(b.lastBlockHash),
    last_commit_hash: b.lastBlockHash ? b.lastBlockHash : empty,
    data_hash: b.dataHash || empty,
    validators_hash: validatorAddress.padEnd(64, "0"),
    next_validators_hash: validatorAddress.padEnd(64, "0"),
    consensus_hash: empty,
    app_hash: b.appHash,
    last_results_hash: empty,
    evidence_hash: empty,
    proposer_address: validatorAddress,
  };
}

function blockJson(app: App, b: BlockRec, validatorAddress: string) {
  const prev = b.height > 1 ? app.blocks[b.height - 2] : undefined;
  return {
    header: headerJson(app, b, validatorAddress),
    data: { txs: b.txs },
    evidence: { evidence: [] },
    last_commit: {
      height: String(Math.max(0, b.height - 1)),
      round: 0,
      block_id: blockIdJson(b.lastBlockHash),
      signatures: prev
        ? [{ block_id_flag: 2, validator_address: validatorAddress, timestamp: prev.time, signature: b64(sha256(new TextEncoder().encode(prev.hash))) }]
        : [],
    },
  };
}

function txJson(t: IndexedTx) {
  return { hash: t.hash, height: String(t.height), index: t.index, tx_result: txResultJson(t.result), tx: t.tx };
}

export function txEventMap(t: IndexedTx) {
  return eventMap(t.result.events, { "tm.event": "Tx", "tx.hash": t.hash, "tx.height": String(t.height) });
}

export function startRpc(deps: RpcDeps, host: string, port: number): Promise<{ server: http.Server; port: number; close(): Promise<void> }> {
  const { app } = deps;
  const blockAt = (h: unknown): BlockRec => {
    const height = h === undefined || h === null || h === "" || h === 0 || h === "0" ? app.height() : Number(h);
    const b = app.blocks[height - 1];
    if (!b) throw new RpcError(-32603, "Internal error", `height ${height} must be less than or equal to the current blockchain height ${app.height()}`);
    return b;
  };
  const hashParam = (h: unknown): string => {
    const s = String(h ?? "");
    if (/^0x/i.test(s)) return s.slice(2).toUpperCase();
    if (/^[0-9A-Fa-f]{64}$/.test(s)) return s.toUpperCase();
    return toHex(fromB64(s)).toUpperCase();
  };
  const txBytesParam = (t: unknown): Uint8Array => {
    const s = String(t ?? "");
    return /^0x/i.test(s) ? new Uint8Array(Buffer.from(s.slice(2), "hex")) : fromB64(s);
  };

  /** CometBFT mempool.CheckTx errors (rpc/core BroadcastTx* return them as JSON-RPC errors) */
  const mempoolAdmit = (bytes: Uint8Array): Uint8Array => {
    const pre = app.mempoolPrecheck(bytes);
    if (pre === "too-large") throw new RpcError(-32603, "Internal error", `Tx too large. Max size is ${MAX_TX_BYTES}, but got ${bytes.length}`);
    if (pre === "in-cache") throw new RpcError(-32603, "Internal error", "tx already exists in cache");
    return bytes;
  };

  const waiters = new Map<string, (t: IndexedTx) => void>();
  const unsubscribeCommit = app.onCommit((c: CommittedBlock) => {
    for (const t of c.txs) waiters.get(t.hash)?.(t);
  });

  function searchTxs(query: string, pageN: number, perPage: number, order: string) {
    let conds;
    try {
      conds = parseQuery(query);
    } catch (e) {
      throw new RpcError(-32603, "Internal error", (e as Error).message);
    }
    const hashCond = conds.find((c) => c.key === "tx.hash" && c.op === "=");
    const candidates = hashCond ? [app.txIndex.get(hashCond.value.toUpperCase())].filter((x): x is IndexedTx => !!x) : [...app.txIndex.values()];
    const found = candidates.filter((t) => matches(conds, txEventMap(t)));
    found.sort((a, b) => a.height - b.height || a.index - b.index);
    if (order === "desc") found.reverse();
    const start = (pageN - 1) * perPage;
    return { txs: found.slice(start, start + perPage).map(txJson), total_count: String(found.length) };
  }

  /** JSON-RPC params as they arrive (named, JSON values or URI strings) */
  type Params = Record<string, unknown>;
  const methods: Record<string, (p: Params) => unknown | Promise<unknown>> = {
    health: () => ({}),
    status: () => {
      const latest = app.latestBlock()!;
      const first = app.blocks[0]!;
      return {
        node_info: {
          protocol_version: { p2p: "8", block: "11", app: "0" },
          id: deps.validator.address.toLowerCase(),
          listen_addr: "tcp://127.0.0.1:26656",
          network: app.chainId,
          version: COMET_VERSION,
          channels: "40202122233038606100",
          moniker: "akash-devnet",
          other: { tx_index: "on", rpc_address: `tcp://${host}:${port}` },
        },
        sync_info: {
          latest_block_hash: latest.hash,
          latest_app_hash: latest.appHash,
          latest_block_height: String(latest.height),
          latest_block_time: latest.time,
          earliest_block_hash: first.hash,
          earliest_app_hash: first.appHash,
          earliest_block_height: String(first.height),
          earliest_block_time: first.time,
          catching_up: false,
        },
        validator_info: {
          address: deps.validator.address,
          pub_key: { type: "tendermint/PubKeyEd25519", value: deps.validator.pubkey },
          voting_power: "100",
        },
      };
    },
    abci_info: () => ({
      response: { data: "akash", version: "v1.0.0-devnet", app_version: "0", last_block_height: String(app.height()), last_block_app_hash: b64(Buffer.from(app.latestBlock()!.appHash, "hex")) },
    }),
    abci_query: (p) => {
      const data = p.data ? new Uint8Array(Buffer.from(String(p.data).replace(/^0x/i, ""), "hex")) : new Uint8Array();
      const r = deps.abciQuery(String(p.path ?? "").replace(/^"|"$/g, ""), data);
      return {
        response: {
          code: r.code,
          log: r.log,
          info: "",
          index: "0",
          key: null,
          value: r.value.length ? b64(r.value) : null,
          proofOps: null,
          height: String(app.height()),
          codespace: r.codespace,
        },
      };
    },
    broadcast_tx_sync: (p) => {
      const r = app.checkTx(mempoolAdmit(txBytesParam(p.tx)));
      return { code: r.code, data: "", log: r.log, codespace: r.codespace, hash: r.hash };
    },
    broadcast_tx_async: (p) => {
      const r = app.checkTx(mempoolAdmit(txBytesParam(p.tx)));
      return { code: 0, data: "", log: "", codespace: "", hash: r.hash };
    },
    broadcast_tx_commit: async (p) => {
      const r = app.checkTx(mempoolAdmit(txBytesParam(p.tx)));
      const check = { ...txResultJson(r) };
      if (r.code !== 0) return { check_tx: check, tx_result: txResultJson({ ...r, events: [] }), hash: r.hash, height: "0" };
      const t = await new Promise<IndexedTx>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(r.hash);
          reject(new RpcError(-32603, "Internal error", "timed out waiting for tx to be included in a block"));
        }, 30_000);
        waiters.set(r.hash, (it) => {
          clearTimeout(timer);
          waiters.delete(r.hash);
          resolve(it);
        });
      });
      return { check_tx: check, tx_result: txResultJson(t.result), hash: t.hash, height: String(t.height) };
    },
    tx: (p) => {
      const hash = hashParam(p.hash);
      const t = app.txIndex.get(hash);
      if (!t) throw new RpcError(-32603, "Internal error", `tx (${hash}) not found`);
      return txJson(t);
    },
    tx_search: (p) =>
      searchTxs(String(p.query ?? "").replace(/^"|"$/g, ""), Number(p.page ?? 1) || 1, Math.min(100, Number(p.per_page ?? 30) || 30), String(p.order_by ?? "asc").replace(/"/g, "")),
    block: (p) => {
      const b = blockAt(p.height);
      return { block_id: blockIdJson(b.hash), block: blockJson(app, b, deps.validator.address) };
    },
    block_by_hash: (p) => {
      const hash = hashParam(p.hash);
      const b = app.blocks.find((x) => x.hash === hash);
      if (!b) return { block_id: blockIdJson(""), block: null };
      return { block_id: blockIdJson(b.hash), block: blockJson(app, b, deps.validator.address) };
    },
    block_results: (p) => {
      const b = blockAt(p.height);
      return {
        height: String(b.height),
        txs_results: b.results.length ? b.results.map(txResultJson) : null,
        finalize_block_events: b.finalizeEvents.map((e) => ({ type: e.type, attributes: e.attributes })),
        validator_updates: null,
        consensus_param_updates: null,
        app_hash: b.appHash,
      };
    },
    blockchain: (p) => {
      const max = Math.min(Number(p.maxHeight ?? p.max_height ?? app.height()) || app.height(), app.height());
      const min = Math.max(1, Number(p.minHeight ?? p.min_height ?? 1) || 1, max - 19);
      const metas = [];
      for (let h = max; h >= min; h--) {
        const b = app.blocks[h - 1]!;
        metas.push({ block_id: blockIdJson(b.hash), block_size: String(b.txs.reduce((s, t) => s + t.length, 200)), header: headerJson(app, b, deps.validator.address), num_txs: String(b.txs.length) });
      }
      return { last_height: String(app.height()), block_metas: metas };
    },
    commit: (p) => {
      const b = blockAt(p.height);
      return {
        signed_header: {
          header: headerJson(app, b, deps.validator.address),
          commit: { height: String(b.height), round: 0, block_id: blockIdJson(b.hash), signatures: [{ block_id_flag: 2, validator_address: deps.validator.address, timestamp: b.time, signature: b64(sha256(new TextEncoder().encode(b.hash))) }] },
        },
        canonical: true,
      };
    },
    validators: () => ({
      block_height: String(app.height()),
      validators: [{ address: deps.validator.address, pub_key: { type: "tendermint/PubKeyEd25519", value: deps.validator.pubkey }, voting_power: "100", proposer_priority: "0" }],
      count: "1",
      total: "1",
    }),
    genesis: () => ({
      genesis: {
        genesis_time: app.genesisTime.toISOString(),
        chain_id: app.chainId,
        initial_height: "1",
        consensus_params: { block: { max_bytes: "22020096", max_gas: "-1" }, evidence: { max_age_num_blocks: "100000", max_age_duration: "172800000000000" } },
        validators: [{ address: deps.validator.address, pub_key: { type: "tendermint/PubKeyEd25519", value: deps.validator.pubkey }, power: "100", name: "devnet" }],
        app_hash: "",
      },
    }),
    num_unconfirmed_txs: () => ({ n_txs: "0", total: "0", total_bytes: "0", txs: null }),
  };

  async function call(method: string, params: unknown): Promise<unknown> {
    const fn = methods[method];
    if (!fn) throw new RpcError(-32601, "Method not found", "");
    return fn(params && typeof params === "object" ? (params as Params) : {});
  }

  interface RpcRequest {
    id?: unknown;
    method?: unknown;
    params?: { query?: unknown } & Params;
  }

  async function handleRpc(msg: RpcRequest | undefined): Promise<unknown> {
    const id = msg?.id ?? -1;
    try {
      const result = await call(String(msg?.method ?? ""), msg?.params);
      return { jsonrpc: "2.0", id, result };
    } catch (e) {
      const err = e instanceof RpcError ? e : new RpcError(-32603, "Internal error", (e as Error).message);
      return { jsonrpc: "2.0", id, error: { code: err.code, message: err.message, data: err.data } };
    }
  }

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

  // ---- websocket event bus ----
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
        block: blockJson(app, b, deps.validator.address),
        block_id: blockIdJson(b.hash),
        result_finalize_block: { events: b.finalizeEvents, txs_results: b.results.map(txResultJson), validator_updates: null, app_hash: b.appHash },
      },
    };
    const newHeader = { type: "tendermint/event/NewBlockHeader", value: { header: headerJson(app, b, deps.validator.address) } };
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
            unsubscribeCommit();
            unsubscribeBus();
            for (const ws of wss.clients) ws.terminate();
            wss.close();
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}
