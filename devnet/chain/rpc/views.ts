/** CometBFT 0.38 JSON shapes of blocks, headers and tx results (rpc/core/types), as cosmjs's Comet38Client decodes them. */
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import type { App } from "../app";
import type { BlockRec, IndexedTx, TxResult } from "../blocks";
import { b64 } from "../codec";
import { eventMap } from "../events-query";

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

export const blockIdJson = (hash: string) => ({ hash, parts: { total: hash ? 1 : 0, hash } });

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

export function blockJson(app: App, b: BlockRec, validatorAddress: string) {
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

export function txJson(t: IndexedTx) {
  return { hash: t.hash, height: String(t.height), index: t.index, tx_result: txResultJson(t.result), tx: t.tx };
}

export function txEventMap(t: IndexedTx) {
  return eventMap(t.result.events, { "tm.event": "Tx", "tx.hash": t.hash, "tx.height": String(t.height) });
}
