/** Blocks and indexed tx results as CometBFT 0.38 stores them, in memory. */
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import type { AbciEvent } from "./context";

export interface TxResult {
  code: number;
  codespace: string;
  log: string;
  /** base64 TxMsgData */
  data: string;
  gasWanted: number;
  gasUsed: number;
  events: AbciEvent[];
}

export interface BlockRec {
  height: number;
  /** RFC 3339 with nanoseconds */
  time: string;
  hash: string;
  lastBlockHash: string;
  appHash: string;
  dataHash: string;
  txs: string[];
  results: TxResult[];
  finalizeEvents: AbciEvent[];
}

export interface IndexedTx {
  hash: string;
  height: number;
  index: number;
  tx: string;
  result: TxResult;
}

export const txHash = (bytes: Uint8Array) => toHex(sha256(bytes)).toUpperCase();

export function rfc3339Nanos(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");
}

/** A stand-in for the header merkle root: stable, unique per block, 32 bytes. */
export function blockHash(parts: (string | number)[]): string {
  return toHex(sha256(new TextEncoder().encode(parts.join("|")))).toUpperCase();
}

/** The block record of height `height` on top of `prev`: its txs (base64), results and stand-in hashes. */
export function assembleBlock(b: {
  chainId: string;
  prev: BlockRec | undefined;
  height: number;
  time: Date;
  txs: { bytes: Uint8Array; hash: string }[];
  results: TxResult[];
  finalizeEvents: AbciEvent[];
}): BlockRec {
  const hashes = b.txs.map((t) => t.hash);
  const dataHash = hashes.length ? blockHash(hashes) : "";
  return {
    height: b.height,
    time: rfc3339Nanos(b.time),
    hash: blockHash([b.chainId, b.height, b.time.getTime(), dataHash, b.prev?.hash ?? ""]),
    lastBlockHash: b.prev?.hash ?? "",
    appHash: blockHash(["app", b.height, ...hashes, b.prev?.appHash ?? ""]),
    dataHash,
    txs: b.txs.map((t) => Buffer.from(t.bytes).toString("base64")),
    results: b.results,
    finalizeEvents: b.finalizeEvents,
  };
}
