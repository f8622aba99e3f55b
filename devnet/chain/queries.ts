/**
 * Query handlers shared by abci_query (gRPC paths, protobuf in and out) and REST (grpc-gateway paths,
 * JSON): filters and pagination are resolved here once, over the committed state.
 */
import { allBalances, balanceOf } from "./bank";
import type { App } from "./app";
import { deploymentKey, type AppState } from "./state";
import * as M from "./model";
import { deploymentParams, marketParams } from "./params";

export interface Page {
  key?: Uint8Array;
  offset?: number;
  limit?: number;
  countTotal?: boolean;
  reverse?: boolean;
}
export interface PageResult<T> {
  items: T[];
  nextKey: Uint8Array | null;
  total: number;
}

/** Keys are opaque to clients; ours encode the index of the next item. */
export function paginate<T>(all: T[], page: Page = {}): PageResult<T> {
  const list = page.reverse ? [...all].reverse() : all;
  const limit = page.limit && page.limit > 0 ? page.limit : 100;
  let start = page.offset ?? 0;
  if (page.key && page.key.length) {
    const n = Number(Buffer.from(page.key).toString("utf8"));
    if (Number.isFinite(n)) start = n;
  }
  const items = list.slice(start, start + limit);
  const next = start + limit < list.length ? new Uint8Array(Buffer.from(String(start + limit))) : null;
  return { items, nextKey: next, total: page.countTotal || page.offset !== undefined ? list.length : 0 };
}

const eqOr = <T>(want: T | undefined | "" | 0 | 0n, actual: T) =>
  want === undefined || want === "" || want === 0 || want === 0n || want === actual;

export interface IdFilters {
  owner?: string;
  dseq?: bigint;
  gseq?: number;
  oseq?: number;
  provider?: string;
  bseq?: number;
  state?: string;
}

function idMatch(f: IdFilters, r: { owner: string; dseq: bigint; gseq?: number; oseq?: number; provider?: string; bseq?: number; state: string }) {
  return (
    eqOr(f.owner, r.owner) &&
    eqOr(f.dseq, r.dseq) &&
    eqOr(f.gseq, r.gseq) &&
    eqOr(f.oseq, r.oseq) &&
    eqOr(f.provider, r.provider) &&
    (f.bseq === undefined || r.bseq === undefined || f.bseq === 0 || f.bseq === r.bseq) &&
    eqOr(f.state, r.state)
  );
}

export class Queries {
  constructor(private app: App) {}
  private get s(): AppState {
    return this.app.state;
  }

  account(address: string) {
    return this.s.accounts.get(address);
  }
  balance(address: string, denom: string) {
    return { denom, amount: balanceOf(this.s, address, denom).toString() };
  }
  allBalances(address: string, page?: Page) {
    const p = paginate(allBalances(this.s, address), page);
    return { ...p, items: p.items.map((c) => ({ denom: c.denom, amount: c.amount.toString() })) };
  }

  private escrowFor(owner: string, dseq: bigint) {
    return this.s.escrowAccounts.get(`deployment/${owner}/${dseq}`);
  }

  deploymentResponse(f: M.Fmt, owner: string, dseq: bigint) {
    const d = this.s.deployments.get(deploymentKey(owner, dseq));
    if (!d) return undefined;
    const acc = this.escrowFor(owner, dseq);
    return {
      deployment: M.deployment(f, d),
      groups: d.groups.map((g) => M.group(f, d, g)),
      escrowAccount: acc ? M.escrowAccount(f, acc) : null,
    };
  }

  deployments(f: M.Fmt, filters: IdFilters, page?: Page) {
    const all = [...this.s.deployments.values()].filter((d) => idMatch({ owner: filters.owner, dseq: filters.dseq, state: filters.state }, d));
    const p = paginate(all, page);
    return { ...p, items: p.items.map((d) => this.deploymentResponse(f, d.owner, d.dseq)!) };
  }

  group(f: M.Fmt, owner: string, dseq: bigint, gseq: number) {
    const d = this.s.deployments.get(deploymentKey(owner, dseq));
    const g = d?.groups.find((x) => x.gseq === gseq);
    return d && g ? M.group(f, d, g) : undefined;
  }

  private specOf(owner: string, dseq: bigint, gseq: number) {
    return this.s.deployments.get(deploymentKey(owner, dseq))?.groups.find((g) => g.gseq === gseq)?.spec;
  }

  orders(f: M.Fmt, filters: IdFilters, page?: Page) {
    const all = [...this.s.orders.values()].filter((o) => idMatch(filters, o));
    const p = paginate(all, page);
    return { ...p, items: p.items.map((o) => M.order(f, o, this.specOf(o.owner, o.dseq, o.gseq))) };
  }

  order(f: M.Fmt, id: IdFilters) {
    const o = [...this.s.orders.values()].find((x) => x.owner === id.owner && x.dseq === id.dseq && x.gseq === id.gseq && x.oseq === id.oseq);
    return o ? M.order(f, o, this.specOf(o.owner, o.dseq, o.gseq)) : undefined;
  }

  private bidResponse(f: M.Fmt, b: import("./state").BidRec) {
    const acc = this.s.escrowAccounts.get(`bid/${b.owner}/${b.dseq}/${b.gseq}/${b.oseq}/${b.provider}/${b.bseq}`);
    return { bid: M.bid(f, b), escrowAccount: acc ? M.escrowAccount(f, acc) : null };
  }

  bids(f: M.Fmt, filters: IdFilters, page?: Page) {
    const all = [...this.s.bids.values()].filter((b) => idMatch(filters, b));
    const p = paginate(all, page);
    return { ...p, items: p.items.map((b) => this.bidResponse(f, b)) };
  }

  bid(f: M.Fmt, id: IdFilters) {
    const b = [...this.s.bids.values()].find((x) => idMatch({ ...id, state: undefined }, x) && x.provider === id.provider);
    return b ? this.bidResponse(f, b) : undefined;
  }

  private leaseResponse(f: M.Fmt, l: import("./state").LeaseRec) {
    const p = this.s.payments.get(`${l.owner}/${l.dseq}/${l.gseq}/${l.oseq}/${l.provider}`);
    return { lease: M.lease(f, l), escrowPayment: p ? M.payment(f, p) : null };
  }

  leases(f: M.Fmt, filters: IdFilters, page?: Page) {
    const all = [...this.s.leases.values()].filter((l) => idMatch(filters, l));
    const p = paginate(all, page);
    return { ...p, items: p.items.map((l) => this.leaseResponse(f, l)) };
  }

  lease(f: M.Fmt, id: IdFilters) {
    const l = [...this.s.leases.values()].find((x) => idMatch({ ...id, state: undefined }, x) && x.provider === id.provider);
    return l ? this.leaseResponse(f, l) : undefined;
  }

  escrowAccounts(f: M.Fmt, state: string, xid: string, page?: Page) {
    const all = [...this.s.escrowAccounts.values()].filter((a) => (!state || a.state === state) && (!xid || a.xid.startsWith(xid)));
    const p = paginate(all, page);
    return { ...p, items: p.items.map((a) => M.escrowAccount(f, a)) };
  }

  payments(f: M.Fmt, state: string, xid: string, page?: Page) {
    const all = [...this.s.payments.values()].filter(
      (x) => (!state || x.state === state) && (!xid || `${x.accountXid}/${x.xid}`.startsWith(xid)),
    );
    const p = paginate(all, page);
    return { ...p, items: p.items.map((x) => M.payment(f, x)) };
  }

  certificates(f: M.Fmt, filter: { owner?: string; serial?: string; state?: string }, page?: Page) {
    const all = [...this.s.certs.values()].filter(
      (c) => eqOr(filter.owner, c.owner) && eqOr(filter.serial, c.serial) && eqOr(filter.state, c.state),
    );
    const p = paginate(all, page);
    return { ...p, items: p.items.map((c) => M.certificate(f, c)) };
  }

  providers(page?: Page) {
    const p = paginate([...this.s.providers.values()], page);
    return { ...p, items: p.items.map(M.provider) };
  }

  provider(owner: string) {
    const p = this.s.providers.get(owner);
    return p ? M.provider(p) : undefined;
  }

  audits(filter: { owner?: string; auditor?: string }, page?: Page) {
    const all = [...this.s.audits.values()].filter((a) => eqOr(filter.owner, a.owner) && eqOr(filter.auditor, a.auditor));
    const p = paginate(all, page);
    return { ...p, items: p.items.map(M.auditedProvider) };
  }

  deploymentParams() {
    return { minDeposits: deploymentParams.minDeposits };
  }
  marketParams() {
    return marketParams;
  }
}
