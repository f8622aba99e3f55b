/**
 * A small in-memory DevnetChain for the provider tests: records what the providers submit, and lets a test
 * open orders, create leases, set deployments (hash, group specs), account public keys and certificates.
 * It stands in for the devnet's own chain behind devnet/contract.ts, so it lives with the devnet (its test support)
 * rather than in the repository's test/support: it changes when that internal contract changes, and only tests of
 * devnet internals (the provider fleet without a chain) and the devnet log bench use it.
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
} from "../../contract";

export interface Submitted {
  signer: string;
  msgs: EncodeObject[];
  height: number;
}

const orderKey = (r: OrderRef) => `${r.owner}/${r.dseq}/${r.gseq}/${r.oseq}`;

export class FakeChain implements DevnetChain {
  readonly chainId = "devnet-fake";
  private h = 1;
  private blockListeners = new Set<(h: number) => void>();
  private orderListeners = new Set<(o: OpenOrder[]) => void>();
  private pendingOrders: OpenOrder[] = [];
  readonly submitted: Submitted[] = [];
  readonly orders = new Map<string, OpenOrder & { state: "open" | "active" | "closed" }>();
  readonly leases = new Map<string, LeaseView>();
  readonly deployments = new Map<string, DeploymentView>();
  readonly pubkeys = new Map<string, Uint8Array>();
  readonly certs = new Map<string, CertificateView[]>();
  readonly audits = new Map<string, { auditor: string; attributes: { key: string; value: string }[] }[]>();
  private timer: NodeJS.Timeout | undefined;
  /** When set, submitAs answers with this code (to test failures). */
  failCode = 0;

  height(): number {
    return this.h;
  }
  onBlock(listener: (height: number) => void): () => void {
    this.blockListeners.add(listener);
    return () => this.blockListeners.delete(listener);
  }
  onOrdersOpened(listener: (orders: OpenOrder[]) => void): () => void {
    this.orderListeners.add(listener);
    return () => this.orderListeners.delete(listener);
  }

  /** Commits a block: height+1, announces orders opened since the last block, then block listeners. */
  commit(): number {
    this.h += 1;
    const opened = this.pendingOrders;
    this.pendingOrders = [];
    if (opened.length) for (const l of this.orderListeners) l(opened);
    for (const l of this.blockListeners) l(this.h);
    return this.h;
  }
  /** Produces blocks every `ms` until stop(). */
  run(ms = 100): void {
    this.timer ??= setInterval(() => this.commit(), ms);
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async submitAs(signer: string, msgs: EncodeObject[]): Promise<SubmitResult> {
    this.submitted.push({ signer, msgs, height: this.h });
    for (const m of msgs) {
      if (m.typeUrl === "/akash.cert.v1.MsgCreateCertificate") {
        const v = m.value as { owner: string; cert: Uint8Array; pubkey: Uint8Array };
        const certPem = new TextDecoder().decode(v.cert);
        const { X509Certificate } = await import("node:crypto");
        const serial = BigInt("0x" + new X509Certificate(certPem).serialNumber).toString(10);
        this.addCertificate({ owner: v.owner, serial, state: "valid", certPem, pubkeyPem: new TextDecoder().decode(v.pubkey) });
      }
      if (m.typeUrl === "/akash.audit.v1.MsgSignProviderAttributes") {
        const v = m.value as { owner: string; auditor: string; attributes: { key: string; value: string }[] };
        const list = this.audits.get(v.owner) ?? [];
        list.push({ auditor: v.auditor, attributes: v.attributes });
        this.audits.set(v.owner, list);
      }
    }
    return { code: this.failCode, codespace: this.failCode ? "fake" : "", rawLog: "", height: this.h + 1, txHash: `FAKE${this.submitted.length}` };
  }

  getAuditedAttributes(owner: string) {
    return this.audits.get(owner) ?? [];
  }

  /** Messages of a given type URL submitted so far. */
  messages<T = unknown>(typeUrl: string): { signer: string; value: T; height: number }[] {
    return this.submitted.flatMap((s) => s.msgs.filter((m) => m.typeUrl === typeUrl).map((m) => ({ signer: s.signer, value: m.value as T, height: s.height })));
  }

  setDeployment(owner: string, dseq: bigint, hash: Uint8Array, groupSpecs: unknown[] = []): DeploymentView {
    const d: DeploymentView = { owner, dseq, state: "active", hash, groupSpecs };
    this.deployments.set(`${owner}/${dseq}`, d);
    return d;
  }
  /** Opens an order (announced at the next commit). */
  openOrder(ref: OrderRef, groupSpec: unknown): OpenOrder {
    const o: OpenOrder = { ...ref, groupSpec, createdAtHeight: this.h };
    this.orders.set(orderKey(ref), { ...o, state: "open" });
    this.pendingOrders.push(o);
    return o;
  }
  createLease(ref: LeaseRef, price = { denom: "uact", amount: "1.000000000000000000" }): LeaseView {
    const l: LeaseView = { ...ref, state: "active", price, createdAtHeight: this.h };
    this.leases.set(`${orderKey(ref)}/${ref.provider}`, l);
    const o = this.orders.get(orderKey(ref));
    if (o) o.state = "active";
    return l;
  }
  closeLease(ref: LeaseRef): void {
    const l = this.leases.get(`${orderKey(ref)}/${ref.provider}`);
    if (l) l.state = "closed";
  }
  setPubkey(address: string, pubkey: Uint8Array): void {
    this.pubkeys.set(address, pubkey);
  }
  addCertificate(c: CertificateView): void {
    const list = this.certs.get(c.owner) ?? [];
    list.push(c);
    this.certs.set(c.owner, list);
  }
  revokeCertificate(owner: string, serial: string): void {
    for (const c of this.certs.get(owner) ?? []) if (c.serial === serial) c.state = "revoked";
  }

  getOrder(ref: OrderRef) {
    return this.orders.get(orderKey(ref));
  }
  getLease(ref: LeaseRef): LeaseView | undefined {
    return this.leases.get(`${orderKey(ref)}/${ref.provider}`);
  }
  leasesForProvider(provider: string, owner: string, dseq: bigint): LeaseView[] {
    return [...this.leases.values()].filter((l) => l.provider === provider && l.owner === owner && l.dseq === dseq && l.state === "active");
  }
  getDeployment(owner: string, dseq: bigint): DeploymentView | undefined {
    return this.deployments.get(`${owner}/${dseq}`);
  }
  getAccountPubkey(address: string): Uint8Array | undefined {
    return this.pubkeys.get(address);
  }
  getCertificates(owner: string): CertificateView[] {
    return this.certs.get(owner) ?? [];
  }
}
