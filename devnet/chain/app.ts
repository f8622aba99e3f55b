/**
 * The devnet application: mempool, CheckTx / DeliverTx / simulate, the block loop and the end blocker
 * (escrow settlement), committed state for queries, and the DevnetChain seam for the simulated providers.
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
import { type BlockRec, type IndexedTx, type TxResult, blockHash, rfc3339Nanos, txHash } from "./blocks";
import { akashV1beta4, b64, cosmos, decToString, msgCodecs, toBigInt } from "./codec";
import { Ctx, GasMeter, type AbciEvent } from "./context";
import { ChainError, sdkErr } from "./errors";
import { closeDeployment } from "./modules/deployment";
import { MAX_TX_BYTES, marketParams } from "./params";
import { settleAccount } from "./modules/escrow";
import {
  bidKey,
  deploymentKey,
  deserialize,
  emptyState,
  orderKey,
  serialize,
  type AppState,
} from "./state";
import { decodeTx, runAnte, runMsgs, type DecodedTx } from "./tx";

export interface GenesisBalance {
  address: string;
  coins: { denom: string; amount: bigint }[];
}

export interface AppOptions {
  chainId: string;
  genesis: GenesisBalance[];
  genesisTime?: Date;
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
  private checkState: AppState = emptyState();
  blocks: BlockRec[] = [];
  txIndex = new Map<string, IndexedTx>();
  genesisTime: Date;
  private mempool: MempoolEntry[] = [];
  private blockListeners = new Set<(height: number) => void>();
  private ordersListeners = new Set<(orders: OpenOrder[]) => void>();
  private commitListeners = new Set<(c: CommittedBlock) => void>();

  constructor(opts: AppOptions) {
    this.chainId = opts.chainId;
    this.genesisTime = opts.genesisTime ?? new Date();
    for (const g of opts.genesis) {
      ensureAccount(this.state, g.address);
      for (const c of g.coins) addBalance(this.state, g.address, c.denom, c.amount);
    }
    this.checkState = structuredClone(this.state);
  }

  // ---- persistence ----

  snapshot(): string {
    return serialize({ v: 1, chainId: this.chainId, genesisTime: this.genesisTime.toISOString(), state: this.state, blocks: this.blocks, txs: [...this.txIndex.values()] });
  }

  restore(text: string): void {
    const s = deserialize<{ chainId: string; genesisTime: string; state: AppState; blocks: BlockRec[]; txs: IndexedTx[] }>(text);
    if (s.chainId !== this.chainId) throw new Error(`snapshot is for chain ${s.chainId}, not ${this.chainId}`);
    this.state = s.state;
    this.blocks = s.blocks;
    this.genesisTime = new Date(s.genesisTime);
    this.txIndex = new Map((s.txs as IndexedTx[]).map((t) => [t.hash, t]));
    this.checkState = structuredClone(this.state);
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
      bytes = this.syntheticTx(signer, msgs, memo);
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

  /**
   * submitAs takes values in chain-sdk's (patched) TxInput form: DecCoin amounts as decimals ("0.5"), the
   * way chain-sdk's own createBid takes them; its patched encoders write the wire form (LegacyDec atomics).
   */
  private syntheticTx(signer: string, msgs: EncodeObject[], memo: string): Uint8Array {
    const anys = msgs.map((m) => {
      const codec = msgCodecs.get(m.typeUrl);
      if (!codec) throw sdkErr.txDecode(`unable to resolve type URL ${m.typeUrl}`);
      const value = m.value instanceof Uint8Array ? m.value : codec.encode(codec.fromPartial(m.value)).finish();
      return { typeUrl: m.typeUrl, value };
    });
    const body = cosmos.TxBody.encode(cosmos.TxBody.fromPartial({ messages: anys, memo })).finish();
    const acc = this.checkState.accounts.get(signer);
    const authInfo = cosmos.AuthInfo.encode(
      cosmos.AuthInfo.fromPartial({
        signerInfos: [{ modeInfo: { single: { mode: 1 } }, sequence: String(acc?.sequence ?? 0) }],
        fee: { amount: [], gasLimit: "0" },
      }),
    ).finish();
    const raw = cosmos.TxRaw.encode(cosmos.TxRaw.fromPartial({ bodyBytes: body, authInfoBytes: authInfo, signatures: [new Uint8Array()] })).finish();
    const tx = decodeTx(raw);
    if (tx.signers.length !== 1 || tx.signers[0] !== signer) {
      throw sdkErr.unauthorized(`submitAs(${signer}): messages must be signed by ${tx.signers.join(",")}`);
    }
    return raw;
  }

  getOrder(ref: OrderRef): (OpenOrder & { state: "open" | "active" | "closed" }) | undefined {
    const o = this.state.orders.get(orderKey(ref));
    if (!o) return undefined;
    return { ...this.openOrderView(o), state: o.state };
  }

  private openOrderView(o: { owner: string; dseq: bigint; gseq: number; oseq: number; createdAt: number }): OpenOrder {
    const dep = this.state.deployments.get(deploymentKey(o.owner, o.dseq));
    const g = dep?.groups.find((x) => x.gseq === o.gseq);
    return {
      owner: o.owner,
      dseq: o.dseq,
      gseq: o.gseq,
      oseq: o.oseq,
      groupSpec: g ? humanGroupSpec(g.spec) : undefined,
      createdAtHeight: o.createdAt,
    };
  }

  getLease(ref: LeaseRef): LeaseView | undefined {
    const l = this.state.leases.get(bidKey(ref));
    return l ? leaseView(l) : undefined;
  }

  leasesForProvider(provider: string, owner: string, dseq: bigint): LeaseView[] {
    return [...this.state.leases.values()]
      .filter((l) => l.provider === provider && l.owner === owner && l.dseq === dseq && l.state === "active")
      .map(leaseView);
  }

  getDeployment(owner: string, dseq: bigint): DeploymentView | undefined {
    const d = this.state.deployments.get(deploymentKey(owner, dseq));
    if (!d) return undefined;
    return { owner: d.owner, dseq: d.dseq, state: d.state, hash: d.hash, groupSpecs: d.groups.map((g) => humanGroupSpec(g.spec)) };
  }

  getAccountPubkey(address: string): Uint8Array | undefined {
    const pk = this.state.accounts.get(address)?.pubkey;
    return pk ? new Uint8Array(Buffer.from(pk, "base64")) : undefined;
  }

  getAuditedAttributes(owner: string): { auditor: string; attributes: { key: string; value: string }[] }[] {
    return [...this.state.audits.values()]
      .filter((a) => a.owner === owner)
      .map((a) => ({ auditor: a.auditor, attributes: a.attributes.map((x) => ({ ...x })) }));
  }

  bidMinDeposit(): { denom: string; amount: string } {
    return { ...marketParams.bidMinDeposit };
  }

  getCertificates(owner: string): CertificateView[] {
    return [...this.state.certs.values()]
      .filter((c) => c.owner === owner)
      .map((c) => ({
        owner: c.owner,
        serial: c.serial,
        state: c.state,
        certPem: Buffer.from(c.cert).toString("utf8"),
        pubkeyPem: Buffer.from(c.pubkey).toString("utf8"),
      }));
  }

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
    const ctx = this.newCtx(structuredClone(this.checkState), gasLimit);
    try {
      runAnte(ctx, tx, { chainId: this.chainId, mode: "check", trusted: opts.trusted });
    } catch (e) {
      return { ...errorResult(e, opts.trusted ? 0 : gasLimit, ctx.gas.used), hash };
    }
    this.checkState = ctx.state;
    this.mempool.push({ tx, hash, trusted: !!opts.trusted, onCommit: opts.onCommit });
    return { code: 0, codespace: "", log: "", data: "", gasWanted: opts.trusted ? 0 : gasLimit, gasUsed: ctx.gas.used, events: [], hash };
  }

  /** Runs a tx without committing it; returns its gas and events or throws the ChainError it failed with. */
  simulate(bytes: Uint8Array): { gasUsed: number; events: AbciEvent[]; data: string } {
    const tx = decodeTx(bytes);
    const ctx = this.newCtx(structuredClone(this.checkState), UNLIMITED);
    runAnte(ctx, tx, { chainId: this.chainId, mode: "simulate" });
    runMsgs(ctx, tx);
    return { gasUsed: ctx.gas.used, events: ctx.events, data: msgData(tx) };
  }

  private deliverTx(entry: MempoolEntry, height: number, time: Date): TxResult {
    const { tx, trusted } = entry;
    const gasLimit = trusted ? UNLIMITED : Number(toBigInt(tx.authInfo.fee?.gasLimit));
    const gasWanted = trusted ? 0 : gasLimit;
    const ante = new Ctx(structuredClone(this.state), height, time, new GasMeter(gasLimit));
    try {
      runAnte(ante, tx, { chainId: this.chainId, mode: "deliver", trusted });
    } catch (e) {
      return errorResult(e, gasWanted, ante.gas.used);
    }
    const exec = new Ctx(structuredClone(ante.state), height, time, ante.gas);
    try {
      runMsgs(exec, tx);
    } catch (e) {
      this.state = ante.state;
      return { ...errorResult(e, gasWanted, ante.gas.used), events: ante.events };
    }
    this.state = exec.state;
    return { code: 0, codespace: "", log: "", data: msgData(tx), gasWanted, gasUsed: exec.gas.used, events: [...ante.events, ...exec.events] };
  }

  /** End blocker: settle every open deployment escrow; close deployments whose escrow ran dry. */
  private endBlock(height: number, time: Date): AbciEvent[] {
    const ctx = new Ctx(this.state, height, time, new GasMeter(UNLIMITED));
    for (const acc of this.state.escrowAccounts.values()) {
      if (acc.scope !== "deployment" || acc.state !== "open") continue;
      const hasOpenPayments = [...this.state.payments.values()].some((p) => p.accountXid === acc.xid && p.state === "open");
      if (!hasOpenPayments) {
        acc.settledAt = height;
        continue;
      }
      const overdrawn = settleAccount(ctx, acc);
      if (overdrawn) {
        const [owner, dseq] = acc.xid.split("/");
        const dep = this.state.deployments.get(deploymentKey(owner!, BigInt(dseq!)));
        if (dep && dep.state === "active") closeDeployment(ctx, dep, "insufficient_funds");
      }
    }
    return ctx.events;
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
    const finalizeEvents = this.endBlock(height, time);
    const txs = entries.map((e) => b64(e.tx.bytes));
    const dataHash = txs.length ? blockHash(entries.map((e) => e.hash)) : "";
    const appHash = blockHash(["app", height, ...entries.map((e) => e.hash), prev?.appHash ?? ""]);
    const block: BlockRec = {
      height,
      time: rfc3339Nanos(time),
      hash: blockHash([this.chainId, height, time.getTime(), dataHash, prev?.hash ?? ""]),
      lastBlockHash: prev?.hash ?? "",
      appHash,
      dataHash,
      txs,
      results,
      finalizeEvents,
    };
    this.blocks.push(block);
    const indexed = entries.map((e, index) => {
      const it: IndexedTx = { hash: e.hash, height, index, tx: txs[index]!, result: results[index]! };
      this.txIndex.set(e.hash, it);
      return it;
    });
    this.checkState = structuredClone(this.state);
    // Anything CheckTx admitted while we were delivering stays valid against the new state? The devnet
    // empties the mempool every block, so there is nothing to recheck.
    entries.forEach((e, i) => e.onCommit?.({ result: results[i]!, height }));
    const committed = { block, txs: indexed };
    for (const l of this.commitListeners) safe(() => l(committed));
    for (const l of this.blockListeners) safe(() => l(height));
    const opened = this.ordersOpenedIn(committed);
    if (opened.length) for (const l of this.ordersListeners) safe(() => l(opened));
    return committed;
  }

  private ordersOpenedIn(c: CommittedBlock): OpenOrder[] {
    const out: OpenOrder[] = [];
    for (const t of c.txs) {
      if (t.result.code !== 0) continue;
      for (const ev of t.result.events) {
        if (ev.type !== "akash.market.v1.EventOrderCreated") continue;
        const idAttr = ev.attributes.find((a) => a.key === "id");
        if (!idAttr) continue;
        const id = JSON.parse(idAttr.value);
        const o = this.state.orders.get(orderKey({ owner: id.owner, dseq: BigInt(id.dseq), gseq: id.gseq, oseq: id.oseq }));
        if (o && o.state === "open") out.push(this.openOrderView(o));
      }
    }
    return out;
  }
}

function safe(f: () => void): void {
  try {
    f();
  } catch (e) {
    console.error("devnet listener failed:", e);
  }
}

function errorResult(e: unknown, gasWanted: number, gasUsed: number): TxResult {
  const err = e instanceof ChainError ? e : new ChainError("undefined", 1, "internal", (e as Error)?.message ?? String(e));
  return { code: err.code, codespace: err.codespace, log: err.message, data: "", gasWanted, gasUsed, events: [] };
}

function msgData(tx: DecodedTx): string {
  const data = cosmos.TxMsgData.encode(
    cosmos.TxMsgData.fromPartial({ msgResponses: tx.msgs.map((m) => ({ typeUrl: `${m.typeUrl}Response`, value: new Uint8Array() })) }),
  ).finish();
  return b64(data);
}

function leaseView(l: { owner: string; dseq: bigint; gseq: number; oseq: number; provider: string; bseq: number; state: LeaseView["state"]; price: { denom: string; amount: bigint }; createdAt: number }): LeaseView {
  return {
    owner: l.owner,
    dseq: l.dseq,
    gseq: l.gseq,
    oseq: l.oseq,
    provider: l.provider,
    bseq: l.bseq,
    state: l.state,
    price: { denom: l.price.denom, amount: decToString(l.price.amount) },
    createdAtHeight: l.createdAt,
  };
}

/** A GroupSpec as chain-sdk's (patched) decoder presents it: prices as human decimals. */
function humanGroupSpec(bytes: Uint8Array): akashV1beta4.GroupSpec {
  return akashV1beta4.GroupSpec.decode(bytes);
}
