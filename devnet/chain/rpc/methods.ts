/**
 * The CometBFT JSON-RPC methods the devnet answers (rpc/core/routes.go): status, abci_query, broadcast_tx_*, tx,
 * tx_search, block*, commit, validators, genesis. Errors are JSON-RPC errors with CometBFT's codes and data.
 */
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import type { AbciQueryResult } from "../abci-query";
import type { App, CommittedBlock } from "../app";
import type { BlockRec, IndexedTx } from "../blocks";
import { b64, fromB64 } from "../codec";
import { matches, parseQuery } from "../events-query";
import { MAX_TX_BYTES } from "../params";
import { blockIdJson, blockJson, headerJson, txEventMap, txJson, txResultJson } from "./views";

export const COMET_VERSION = "0.38.17";

export interface RpcDeps {
  app: App;
  abciQuery(path: string, data: Uint8Array): AbciQueryResult;
  validator: { address: string; pubkey: string };
  isStalled(): boolean;
}

export class RpcError extends Error {
  constructor(readonly code: number, message: string, readonly data = "") {
    super(message);
  }
}

/** JSON-RPC params as they arrive (named, JSON values or URI strings) */
export type Params = Record<string, unknown>;
type RpcMethods = Record<string, (p: Params) => unknown | Promise<unknown>>;

export interface RpcRequest {
  id?: unknown;
  method?: unknown;
  params?: { query?: unknown } & Params;
}

/**
 * The method table and its JSON-RPC envelope (one request in, one response out, errors included);
 * `listen` is where the node says it listens (status.node_info.other.rpc_address).
 */
export function rpcDispatcher(deps: RpcDeps, listen: () => string): { handleRpc(msg: RpcRequest | undefined): Promise<unknown>; close(): void } {
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

  const methods: RpcMethods = {
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
          other: { tx_index: "on", rpc_address: listen() },
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

  async function handleRpc(msg: RpcRequest | undefined): Promise<unknown> {
    const id = msg?.id ?? -1;
    try {
      const fn = methods[String(msg?.method ?? "")];
      if (!fn) throw new RpcError(-32601, "Method not found", "");
      const params = msg?.params;
      const result = await fn(params && typeof params === "object" ? params : {});
      return { jsonrpc: "2.0", id, result };
    } catch (e) {
      const err = e instanceof RpcError ? e : new RpcError(-32603, "Internal error", (e as Error).message);
      return { jsonrpc: "2.0", id, error: { code: err.code, message: err.message, data: err.data } };
    }
  }
  return { handleRpc, close: unsubscribeCommit };
}
