/**
 * State records -> protobuf-shaped objects (ts-proto field names), in one of two renderings:
 * `wire` for abci_query (enums as numbers, bytes as bytes, fed to the codecs' fromPartial; LegacyDec as decimals,
 * which chain-sdk's patched encoders turn into the wire's atomics, see codec.ts)
 * and `rest` for grpc-gateway JSON (enums as names, LegacyDec as "1.000000000000000000"; rest.ts then
 * snake_cases the keys and stringifies int64s). Every field is present, as with EmitDefaults.
 */
import { akashV1beta4, akashV1beta5, decFromDecoded, decToString } from "./codec";
import type {
  AuditRec,
  BidRec,
  CertRec,
  DeploymentRec,
  EscrowAccountRec,
  GroupRec,
  LeaseRec,
  OrderRec,
  PaymentRec,
  ProviderRec,
} from "./state";

export interface Fmt {
  rest: boolean;
}
export const WIRE: Fmt = { rest: false };
export const REST: Fmt = { rest: true };

// LegacyDec: REST writes 18 decimals; the wire rendering feeds chain-sdk's patched encoders, which take decimals too.
const dec = (_f: Fmt, atomics: bigint) => decToString(atomics);
const en = (f: Fmt, names: readonly string[], name: string) => (f.rest ? name : Math.max(0, names.indexOf(name)));
/** a LegacyDec as decoded from stored message bytes (a human decimal, see codec.ts) */
const decDecoded = (f: Fmt, decoded: string) => (f.rest ? decToString(decFromDecoded(decoded)) : decoded);

const DEPLOYMENT_STATES = ["invalid", "active", "closed"] as const;
const GROUP_STATES = ["invalid", "open", "paused", "insufficient_funds", "closed"] as const;
const ORDER_STATES = ["invalid", "open", "active", "closed"] as const;
const BID_STATES = ["invalid", "open", "active", "lost", "closed"] as const;
const LEASE_STATES = ["invalid", "active", "insufficient_funds", "closed"] as const;
const ESCROW_STATES = ["invalid", "open", "closed", "overdrawn"] as const;
const SCOPES = ["invalid", "deployment", "bid"] as const;
const SOURCES = ["invalid", "balance", "grant"] as const;
const CERT_STATES = ["invalid", "valid", "revoked"] as const;
const ENDPOINT_KINDS = ["SHARED_HTTP", "RANDOM_PORT", "LEASED_IP"] as const;
const REASONS: Record<number, string> = {
  0: "lease_closed_invalid",
  1: "lease_closed_owner",
  10000: "lease_closed_reason_unstable",
  10001: "lease_closed_reason_decommission",
  10002: "lease_closed_reason_unspecified",
  10003: "lease_closed_reason_manifest_timeout",
  20000: "lease_closed_reason_insufficient_funds",
};

const dId = (r: { owner: string; dseq: bigint }) => ({ owner: r.owner, dseq: r.dseq.toString() });
const gId = (r: { owner: string; dseq: bigint }, gseq: number) => ({ ...dId(r), gseq });
const oId = (r: { owner: string; dseq: bigint; gseq: number; oseq: number }) => ({ ...gId(r, r.gseq), oseq: r.oseq });
const bId = (r: BidRec | LeaseRec) => ({ ...oId(r), provider: r.provider, bseq: r.bseq });

function resourceValueRest(f: Fmt, v: akashV1beta4.ResourceValue | undefined) {
  if (!v) return null;
  return { val: f.rest ? Buffer.from(v.val).toString("utf8") : v.val };
}

function resources(f: Fmt, r: akashV1beta4.Resources | undefined) {
  if (!r) return null;
  const attrs = (a: { key: string; value: string }[]) => a.map((x) => ({ key: x.key, value: x.value }));
  return {
    id: r.id,
    cpu: r.cpu ? { units: resourceValueRest(f, r.cpu.units), attributes: attrs(r.cpu.attributes) } : null,
    memory: r.memory ? { quantity: resourceValueRest(f, r.memory.quantity), attributes: attrs(r.memory.attributes) } : null,
    storage: r.storage.map((s) => ({ name: s.name, quantity: resourceValueRest(f, s.quantity), attributes: attrs(s.attributes) })),
    gpu: r.gpu ? { units: resourceValueRest(f, r.gpu.units), attributes: attrs(r.gpu.attributes) } : null,
    endpoints: r.endpoints.map((e) => ({
      kind: f.rest ? (ENDPOINT_KINDS[e.kind as number] ?? "SHARED_HTTP") : e.kind,
      sequenceNumber: e.sequenceNumber,
    })),
  };
}

export function groupSpec(f: Fmt, bytes: Uint8Array) {
  const s = akashV1beta4.GroupSpec.decode(bytes);
  return {
    name: s.name,
    requirements: {
      signedBy: { allOf: s.requirements?.signedBy?.allOf ?? [], anyOf: s.requirements?.signedBy?.anyOf ?? [] },
      attributes: (s.requirements?.attributes ?? []).map((a) => ({ key: a.key, value: a.value })),
    },
    resources: s.resources.map((ru) => ({
      resource: resources(f, ru.resource),
      count: ru.count,
      price: ru.price ? { denom: ru.price.denom, amount: decDecoded(f, ru.price.amount) } : null,
    })),
  };
}

function resourceOffer(f: Fmt, bytes: Uint8Array) {
  const o = akashV1beta5.ResourceOffer.decode(bytes);
  const dc = (c: { denom: string; amount: string } | undefined) => (c ? { denom: c.denom, amount: decDecoded(f, c.amount) } : null);
  return {
    resources: resources(f, o.resources),
    count: o.count,
    prices: o.prices
      ? {
          cpu: dc(o.prices.cpu),
          memory: dc(o.prices.memory),
          storage: o.prices.storage.map((s) => ({ name: s.name, price: dc(s.price) })),
          gpu: dc(o.prices.gpu),
          endpoints: o.prices.endpoints.map((e) => ({ kind: f.rest ? ENDPOINT_KINDS[e.kind as number] : e.kind, price: dc(e.price) })),
        }
      : null,
  };
}

export function group(f: Fmt, d: DeploymentRec, g: GroupRec) {
  return { id: gId(d, g.gseq), state: en(f, GROUP_STATES, g.state), groupSpec: groupSpec(f, g.spec), createdAt: String(g.createdAt) };
}

export function deployment(f: Fmt, d: DeploymentRec) {
  return {
    id: dId(d),
    state: en(f, DEPLOYMENT_STATES, d.state),
    hash: f.rest ? Buffer.from(d.hash).toString("base64") : d.hash,
    createdAt: String(d.createdAt),
  };
}

export function escrowAccount(f: Fmt, a: EscrowAccountRec) {
  return {
    id: { scope: en(f, SCOPES, a.scope), xid: a.xid },
    state: {
      owner: a.owner,
      state: en(f, ESCROW_STATES, a.state),
      transferred: [{ denom: a.denom, amount: dec(f, a.transferred) }],
      settledAt: String(a.settledAt),
      funds: [{ denom: a.denom, amount: dec(f, a.funds) }],
      deposits: a.deposits.map((d) => ({
        owner: d.owner,
        height: String(d.height),
        source: en(f, SOURCES, SOURCES[d.source] ?? "invalid"),
        balance: { denom: d.balance.denom, amount: dec(f, d.balance.amount) },
        direct: d.direct,
      })),
    },
  };
}

export function payment(f: Fmt, p: PaymentRec) {
  return {
    id: { aid: { scope: en(f, SCOPES, "deployment"), xid: p.accountXid }, xid: p.xid },
    state: {
      owner: p.owner,
      state: en(f, ESCROW_STATES, p.state),
      rate: { denom: p.denom, amount: dec(f, p.rate) },
      balance: { denom: p.denom, amount: dec(f, p.balance) },
      unsettled: { denom: p.denom, amount: dec(f, p.unsettled) },
      withdrawn: { denom: p.denom, amount: p.withdrawn.toString() },
    },
  };
}

export function order(f: Fmt, o: OrderRec, spec: Uint8Array | undefined) {
  return {
    id: oId(o),
    state: en(f, ORDER_STATES, o.state),
    spec: spec ? groupSpec(f, spec) : null,
    createdAt: String(o.createdAt),
  };
}

export function bid(f: Fmt, b: BidRec) {
  return {
    id: bId(b),
    state: en(f, BID_STATES, b.state),
    price: { denom: b.price.denom, amount: dec(f, b.price.amount) },
    createdAt: String(b.createdAt),
    resourcesOffer: b.resourcesOffer.map((r) => resourceOffer(f, r)),
  };
}

export function lease(f: Fmt, l: LeaseRec) {
  return {
    id: bId(l),
    state: en(f, LEASE_STATES, l.state),
    price: { denom: l.price.denom, amount: dec(f, l.price.amount) },
    createdAt: String(l.createdAt),
    closedOn: String(l.closedOn),
    reason: f.rest ? (REASONS[l.reason] ?? "lease_closed_invalid") : l.reason,
  };
}

export function certificate(f: Fmt, c: CertRec) {
  return {
    certificate: {
      state: en(f, CERT_STATES, c.state),
      cert: f.rest ? Buffer.from(c.cert).toString("base64") : c.cert,
      pubkey: f.rest ? Buffer.from(c.pubkey).toString("base64") : c.pubkey,
    },
    serial: c.serial,
  };
}

export function provider(p: ProviderRec) {
  return { owner: p.owner, hostUri: p.hostUri, attributes: p.attributes.map((a) => ({ ...a })), info: { ...p.info } };
}

export function auditedProvider(a: AuditRec) {
  return { owner: a.owner, auditor: a.auditor, attributes: a.attributes.map((x) => ({ ...x })) };
}
