/**
 * The devnet application: mempool, CheckTx / DeliverTx / simulate, block production, committed state for
 * queries, and the DevnetChain seam for the simulated providers (views in chain-view.ts, the end blocker's
 * escrow settlement in end-block.ts, submitAs' tx in synthetic-tx.ts).
 */
import type { EncodeObject } from "@cosmjs/proto-signing";
import type {
  CertificateView,
  DeploymentView,
  DevnetChain,
  LeaseRef,
  LeaseView,
  OpenOrder,
  OrderRef,
  SubmitResult,
} from "../contract";
import { addBalance, ensureAccount } from "./bank";
import { assembleBlock, type BlockRec, type IndexedTx, type TxResult, txHash } from "./blocks";
import * as view from "./chain-view";
import { toBigInt } from "./codec";
import { Ctx, GasMeter, type AbciEvent } from "./context";
import { endBlock } from "./end-block";
import { ChainError, sdkErr } from "./errors";
import { MAX_TX_BYTES, marketParams } from "./params";
import { cloneState, deserialize, emptyOracle, emptyState, serialize, type AppState } from "./state";
import { syntheticTx } from "./synthetic-tx";
import { decodeTx, runAnte, runMsgs, type DecodedTx } from "./tx";
import { errorResult, msgData } from "./tx-result";

export interface GenesisBalance {
  address: string;
  coins: { denom: string; amount: bigint }[];
}

export interface AppOptions {
  chainId: string;
  genesis: GenesisBalance[];
  genesisTime?: Date;
  /** phases of the seeded oracle price (--seed) */
  oracleSeed?: number;
}

interface MempoolEntry {
  tx: DecodedTx;
  hash: string;
  trusted: boolean;
  onCommit?: (r: { result: TxResult; height: number }) => void;
}

export interface CheckResult extends TxResult {
  hash: string;
}

export interface CommittedBlock {
  block: BlockRec;
  txs: IndexedTx[];
}

const UNLIMITED = Number.MAX_SAFE_INTEGER;

export class App implements DevnetChain {
  readonly chainId: string;
  state: AppState = emptyState();
  /** CheckTx's state: the committed state plus the mempool's ante effects; copied from `state` when first needed after a commit. */
  private checkStateCache: AppState | undefined;
  blocks: BlockRec[] = [];
  txIndex = new Map<string, IndexedTx>();
  genesisTime: Date;
  private readonly oracleSeed: number;
  private mempool: MempoolEntry[] = [];
  private blockListeners = new Set<(height: number) => void>();
  private ordersListeners = new Set<(orders: OpenOrder[]) => void>();
  private commitListeners = new Set<(c: CommittedBlock) => void>();

  constructor(opts: AppOptions) {
    this.chainId = opts.chainId;
    this.genesisTime = opts.genesisTime ?? new Date();
    this.oracleSeed = opts.oracleSeed ?? 1;
    this.state.oracle = emptyOracle(this.oracleSeed);
    for (const g of opts.genesis) {
      ensureAccount(this.state, g.address);
      for (const c of g.coins) addBalance(this.state, g.address, c.denom, c.amount);
    }
    this.checkStateCache = undefined;
  }

  private get checkState(): AppState {
    return (this.checkStateCache ??= cloneState(this.state));
  }

  // ---- persistence ----

  snapshot(): string {
    return serialize({ v: 1, chainId: this.chainId, genesisTime: this.genesisTime.toISOString(), state: this.state, blocks: this.blocks, txs: [...this.txIndex.values()] });
  }

  restore(text: string): void {
    const s = deserialize<{ chainId: string; genesisTime: string; state: AppState; blocks: BlockRec[]; txs: IndexedTx[] }>(text);
    if (s.chainId !== this.chainId) throw new Error(`snapshot is for chain ${s.chainId}, not ${this.chainId}`);
    this.state = s.state;
    this.state.oracle ??= emptyOracle(this.oracleSeed); // a snapshot from before the oracle
    this.blocks = s.blocks;
    this.genesisTime = new Date(s.genesisTime);
    this.txIndex = new Map((s.txs as IndexedTx[]).map((t) => [t.hash, t]));
    this.checkStateCache = undefined;
  }

  // ---- DevnetChain ----

  height(): number {
    return this.blocks.length ? this.blocks[this.blocks.length - 1]!.height : 0;
  }

  latestBlock(): BlockRec | undefined {
    return this.blocks[this.blocks.length - 1];
  }

  onBlock(listener: (height: number) => void): () => void {
    this.blockListeners.add(listener);
    return () => this.blockListeners.delete(listener);
  }

  onOrdersOpened(listener: (orders: OpenOrder[]) => void): () => void {
    this.ordersListeners.add(listener);
    return () => this.ordersListeners.delete(listener);
  }

  onCommit(listener: (c: CommittedBlock) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  async submitAs(signer: string, msgs: EncodeObject[], memo = ""): Promise<SubmitResult> {
    let bytes: Uint8Array;
    try {
      bytes = syntheticTx(this.checkState, signer, msgs, memo);
    } catch (e) {
      const err = e instanceof ChainError ? e : sdkErr.txDecode((e as Error).message);
      return { code: err.code, codespace: err.codespace, rawLog: err.message, height: 0, txHash: "" };
    }
    const hash = txHash(bytes);
    return new Promise((resolve) => {
      const r = this.checkTx(bytes, { trusted: true, onCommit: ({ result, height }) =>
        resolve({ code: result.code, codespace: result.codespace, rawLog: result.log, height, txHash: hash }) });
      if (r.code !== 0) resolve({ code: r.code, codespace: r.codespace, rawLog: r.log, height: 0, txHash: hash });
    });
  }

  getOrder = (ref: OrderRef): (OpenOrder & { state: "open" | "active" | "closed" }) | undefined => view.order(this.state, ref);
  getLease = (ref: LeaseRef): LeaseView | undefined => view.lease(this.state, ref);
  leasesForProvider = (provider: string, owner: string, dseq: bigint): LeaseView[] => view.leasesForProvider(this.state, provider, owner, dseq);
  getDeployment = (owner: string, dseq: bigint): DeploymentView | undefined => view.deployment(this.state, owner, dseq);
  getAccountPubkey = (address: string): Uint8Array | undefined => view.accountPubkey(this.state, address);
  getAuditedAttributes = (owner: string) => view.auditedAttributes(this.state, owner);
  getCertificates = (owner: string): CertificateView[] => view.certificates(this.state, owner);
  bidMinDeposit = (): { denom: string; amount: string } => ({ ...marketParams.bidMinDeposit });

  // ---- ABCI ----

  private newCtx(state: AppState, gasLimit: number): Ctx {
    const latest = this.latestBlock();
    return new Ctx(state, this.height() + 1, latest ? new Date(latest.time.slice(0, 23) + "Z") : this.genesisTime, new GasMeter(gasLimit));
  }

  /**
   * CometBFT's mempool checks that come before the app's CheckTx: max_tx_bytes (1 MiB by default) and the tx
   * cache (a tx seen before, in the mempool or committed). They are not ABCI results: the RPC answers with a
   * JSON-RPC error, the REST gateway turns them into codes 21 / 19 (cosmos-sdk client CheckCometError).
   */
  mempoolPrecheck(bytes: Uint8Array): "too-large" | "in-cache" | undefined {
    if (bytes.length > MAX_TX_BYTES) return "too-large";
    const hash = txHash(bytes);
    if (this.mempool.some((m) => m.hash === hash) || this.txIndex.has(hash)) return "in-cache";
    return undefined;
  }

  checkTx(bytes: Uint8Array, opts: { trusted?: boolean; onCommit?: MempoolEntry["onCommit"] } = {}): CheckResult {
    const hash = txHash(bytes);
    let tx: DecodedTx;
    try {
      tx = decodeTx(bytes);
    } catch (e) {
      return { ...errorResult(e, 0, 0), hash };
    }
    if (this.mempool.some((m) => m.hash === hash) || this.txIndex.has(hash)) {
      return { ...errorResult(sdkErr.txInMempoolCache(), 0, 0), hash };
    }
    const gasLimit = opts.trusted ? UNLIMITED : Number(toBigInt(tx.authInfo.fee?.gasLimit));
    const ctx = this.newCtx(cloneState(this.checkState), gasLimit);
    try {
      runAnte(ctx, tx, { chainId: this.chainId, mode: "check", trusted: opts.trusted });
    } catch (e) {
      return { ...errorResult(e, opts.trusted ? 0 : gasLimit, ctx.gas.used), hash };
    }
    this.checkStateCache = ctx.state;
    this.mempool.push({ tx, hash, trusted: !!opts.trusted, onCommit: opts.onCommit });
    return { code: 0, codespace: "", log: "", data: "", gasWanted: opts.trusted ? 0 : gasLimit, gasUsed: ctx.gas.used, events: [], hash };
  }

  /** Runs a tx without committing it; returns its gas and events or throws the ChainError it failed with. */
  simulate(bytes: Uint8Array): { gasUsed: number; events: AbciEvent[]; data: string } {
    const tx = decodeTx(bytes);
    const ctx = this.newCtx(cloneState(this.checkState), UNLIMITED);
    runAnte(ctx, tx, { chainId: this.chainId, mode: "simulate" });
    runMsgs(ctx, tx);
    return { gasUsed: ctx.gas.used, events: ctx.events, data: msgData(tx) };
  }

  private deliverTx(entry: MempoolEntry, height: number, time: Date): TxResult {
    const { tx, trusted } = entry;
    const gasLimit = trusted ? UNLIMITED : Number(toBigInt(tx.authInfo.fee?.gasLimit));
    const gasWanted = trusted ? 0 : gasLimit;
    const ante = new Ctx(cloneState(this.state), height, time, new GasMeter(gasLimit));
    try {
      runAnte(ante, tx, { chainId: this.chainId, mode: "deliver", trusted });
    } catch (e) {
      return errorResult(e, gasWanted, ante.gas.used);
    }
    const exec = new Ctx(cloneState(ante.state), height, time, ante.gas);
    try {
      runMsgs(exec, tx);
    } catch (e) {
      this.state = ante.state;
      return { ...errorResult(e, gasWanted, ante.gas.used), events: ante.events };
    }
    this.state = exec.state;
    return { code: 0, codespace: "", log: "", data: msgData(tx), gasWanted, gasUsed: exec.gas.used, events: [...ante.events, ...exec.events] };
  }

  /** Produces one block from the mempool (CometBFT's FinalizeBlock + Commit). */
  produceBlock(now = new Date()): CommittedBlock {
    const prev = this.latestBlock();
    const height = this.height() + 1;
    const prevTime = prev ? Date.parse(prev.time) : 0;
    const time = new Date(Math.max(now.getTime(), prevTime + 1));
    const entries = this.mempool;
    this.mempool = [];
    const results = entries.map((e) => this.deliverTx(e, height, time));
    const finalizeEvents = endBlock(this.state, height, time);
    const block = assembleBlock({ chainId: this.chainId, prev, height, time, txs: entries.map((e) => ({ bytes: e.tx.bytes, hash: e.hash })), results, finalizeEvents });
    this.blocks.push(block);
    const indexed = entries.map((e, index) => {
      const it: IndexedTx = { hash: e.hash, height, index, tx: block.txs[index]!, result: results[index]! };
      this.txIndex.set(e.hash, it);
      return it;
    });
    // The devnet empties the mempool every block, so there is nothing to recheck: CheckTx starts again from the
    // committed state, copied only when the next transaction arrives (an idle block copies nothing).
    this.checkStateCache = undefined;
    entries.forEach((e, i) => e.onCommit?.({ result: results[i]!, height }));
    const committed = { block, txs: indexed };
    for (const l of this.commitListeners) safe(() => l(committed));
    for (const l of this.blockListeners) safe(() => l(height));
    const opened = view.ordersOpenedIn(this.state, indexed);
    if (opened.length) for (const l of this.ordersListeners) safe(() => l(opened));
    return committed;
  }

}

function safe(f: () => void): void {
  try {
    f();
  } catch (e) {
    console.error("devnet listener failed:", e);
  }
}
