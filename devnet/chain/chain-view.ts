/**
 * Plain views of the committed state for the simulated providers (the DevnetChain seam of ../contract.ts): what a
 * provider daemon would read from the chain's gRPC queries, without the protobuf round trip.
 */
import type { CertificateView, DeploymentView, LeaseRef, LeaseView, OpenOrder, OrderRef } from "../contract";
import { akashV1beta4, decToString } from "./codec";
import type { IndexedTx } from "./blocks";
import { bidKey, deploymentKey, orderKey, type AppState, type LeaseRec } from "./state";

/** A GroupSpec as chain-sdk's (patched) decoder presents it: prices as human decimals. */
function humanGroupSpec(bytes: Uint8Array): akashV1beta4.GroupSpec {
  return akashV1beta4.GroupSpec.decode(bytes);
}

function leaseView(l: LeaseRec): LeaseView {
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

export function openOrder(state: AppState, o: { owner: string; dseq: bigint; gseq: number; oseq: number; createdAt: number }): OpenOrder {
  const dep = state.deployments.get(deploymentKey(o.owner, o.dseq));
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

export function order(state: AppState, ref: OrderRef): (OpenOrder & { state: "open" | "active" | "closed" }) | undefined {
  const o = state.orders.get(orderKey(ref));
  if (!o) return undefined;
  return { ...openOrder(state, o), state: o.state };
}

export function lease(state: AppState, ref: LeaseRef): LeaseView | undefined {
  const l = state.leases.get(bidKey(ref));
  return l ? leaseView(l) : undefined;
}

export function leasesForProvider(state: AppState, provider: string, owner: string, dseq: bigint): LeaseView[] {
  return [...state.leases.values()]
    .filter((l) => l.provider === provider && l.owner === owner && l.dseq === dseq && l.state === "active")
    .map(leaseView);
}

export function deployment(state: AppState, owner: string, dseq: bigint): DeploymentView | undefined {
  const d = state.deployments.get(deploymentKey(owner, dseq));
  if (!d) return undefined;
  return { owner: d.owner, dseq: d.dseq, state: d.state, hash: d.hash, groupSpecs: d.groups.map((g) => humanGroupSpec(g.spec)) };
}

export function accountPubkey(state: AppState, address: string): Uint8Array | undefined {
  const pk = state.accounts.get(address)?.pubkey;
  return pk ? new Uint8Array(Buffer.from(pk, "base64")) : undefined;
}

export function auditedAttributes(state: AppState, owner: string): { auditor: string; attributes: { key: string; value: string }[] }[] {
  return [...state.audits.values()]
    .filter((a) => a.owner === owner)
    .map((a) => ({ auditor: a.auditor, attributes: a.attributes.map((x) => ({ ...x })) }));
}

export function certificates(state: AppState, owner: string): CertificateView[] {
  return [...state.certs.values()]
    .filter((c) => c.owner === owner)
    .map((c) => ({
      owner: c.owner,
      serial: c.serial,
      state: c.state,
      certPem: Buffer.from(c.cert).toString("utf8"),
      pubkeyPem: Buffer.from(c.pubkey).toString("utf8"),
    }));
}

/** The orders a block's txs opened (EventOrderCreated) that are still open: what providers bid on. */
export function ordersOpenedIn(state: AppState, txs: IndexedTx[]): OpenOrder[] {
  const out: OpenOrder[] = [];
  for (const t of txs) {
    if (t.result.code !== 0) continue;
    for (const ev of t.result.events) {
      if (ev.type !== "akash.market.v1.EventOrderCreated") continue;
      const idAttr = ev.attributes.find((a) => a.key === "id");
      if (!idAttr) continue;
      const id = JSON.parse(idAttr.value);
      const o = state.orders.get(orderKey({ owner: id.owner, dseq: BigInt(id.dseq), gseq: id.gseq, oseq: id.oseq }));
      if (o && o.state === "open") out.push(openOrder(state, o));
    }
  }
  return out;
}
