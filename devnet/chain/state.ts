/**
 * The devnet's application state: plain values in Maps so a transaction can run on a copy (cloneState) and be
 * dropped if a message fails (the cosmos-sdk CacheMultiStore, in miniature). Complex protobuf values
 * (group specs, resource offers) are kept as their encoded bytes, which makes snapshots trivial.
 */
export type Denom = string;

export interface AccountRec {
  address: string;
  accountNumber: number;
  sequence: number;
  /** compressed secp256k1 key, base64, set by the first signed tx */
  pubkey?: string;
}

export interface GroupRec {
  gseq: number;
  state: "open" | "paused" | "insufficient_funds" | "closed";
  /** akash.deployment.v1beta4.GroupSpec, encoded */
  spec: Uint8Array;
  createdAt: number;
}

export interface DeploymentRec {
  owner: string;
  dseq: bigint;
  state: "active" | "closed";
  hash: Uint8Array;
  createdAt: number;
  groups: GroupRec[];
}

export interface OrderRec {
  owner: string;
  dseq: bigint;
  gseq: number;
  oseq: number;
  state: "open" | "active" | "closed";
  createdAt: number;
}

export interface DecCoinRec {
  denom: Denom;
  /** LegacyDec atomics (value * 1e18) */
  amount: bigint;
}

export interface BidRec {
  owner: string;
  dseq: bigint;
  gseq: number;
  oseq: number;
  provider: string;
  bseq: number;
  state: "open" | "active" | "lost" | "closed";
  price: DecCoinRec;
  createdAt: number;
  /** repeated akash.market.v1beta5.ResourceOffer, each encoded */
  resourcesOffer: Uint8Array[];
  deposit: { denom: Denom; amount: bigint };
}

export type LeaseClosedReasonName =
  | "lease_closed_invalid"
  | "lease_closed_owner"
  | "lease_closed_reason_unspecified"
  | "lease_closed_reason_insufficient_funds";

export interface LeaseRec {
  owner: string;
  dseq: bigint;
  gseq: number;
  oseq: number;
  provider: string;
  bseq: number;
  state: "active" | "insufficient_funds" | "closed";
  price: DecCoinRec;
  createdAt: number;
  closedOn: number;
  reason: number;
}

export interface DepositorRec {
  owner: string;
  height: number;
  source: number;
  balance: DecCoinRec;
  direct: boolean;
}

export interface EscrowAccountRec {
  scope: "deployment" | "bid";
  xid: string;
  owner: string;
  state: "open" | "closed" | "overdrawn";
  denom: Denom;
  /** funds still available, LegacyDec atomics */
  funds: bigint;
  transferred: bigint;
  settledAt: number;
  deposits: DepositorRec[];
}

export interface PaymentRec {
  /** escrow account xid (owner/dseq) */
  accountXid: string;
  /** gseq/oseq/provider */
  xid: string;
  owner: string;
  state: "open" | "closed" | "overdrawn";
  denom: Denom;
  rate: bigint;
  balance: bigint;
  unsettled: bigint;
  /** integer amount already paid out to the provider */
  withdrawn: bigint;
}

export interface CertRec {
  owner: string;
  serial: string;
  state: "valid" | "revoked";
  cert: Uint8Array;
  pubkey: Uint8Array;
}

export interface ProviderRec {
  owner: string;
  hostUri: string;
  attributes: { key: string; value: string }[];
  info: { email: string; website: string };
}

export interface AuditRec {
  owner: string;
  auditor: string;
  attributes: { key: string; value: string }[];
}

/** x/oracle v1 records (see modules/oracle.ts). */
export interface OraclePriceRec {
  /** 1-based index of the source in ORACLE_SOURCES */
  source: number;
  height: number;
  /** LegacyDec atomics */
  price: bigint;
  timestamp: string;
}

export interface OracleAggregate {
  twap: bigint;
  median: bigint;
  min: bigint;
  max: bigint;
  timestamp: string;
  numSources: number;
  deviationBps: bigint;
}

export interface OracleHealth {
  isHealthy: boolean;
  hasMinSources: boolean;
  deviationOk: boolean;
  totalSources: number;
  totalHealthySources: number;
  failureReason: string[];
}

export interface OracleState {
  seed: number;
  /** posted prices, oldest first */
  prices: OraclePriceRec[];
  /** the median of each block, for the TWAP, oldest first */
  medians: { height: number; price: bigint }[];
  aggregate?: OracleAggregate;
  health?: OracleHealth;
  /** admin: the price every source posts instead of the seeded one (atomics) */
  pinned?: bigint;
  /** admin: the sources stopped posting */
  stalled: boolean;
  /** admin: prices posted before this height count as stale at once (a stall that is already old) */
  staleBefore?: number;
}


export function emptyOracle(seed: number): OracleState {
  return { seed, prices: [], medians: [], stalled: false };
}

export interface AppState {
  nextAccountNumber: number;
  accounts: Map<string, AccountRec>;
  balances: Map<string, Map<Denom, bigint>>;
  deployments: Map<string, DeploymentRec>;
  orders: Map<string, OrderRec>;
  bids: Map<string, BidRec>;
  leases: Map<string, LeaseRec>;
  escrowAccounts: Map<string, EscrowAccountRec>;
  payments: Map<string, PaymentRec>;
  certs: Map<string, CertRec>;
  providers: Map<string, ProviderRec>;
  audits: Map<string, AuditRec>;
  oracle: OracleState;
}

export function emptyState(): AppState {
  return {
    nextAccountNumber: 0,
    accounts: new Map(),
    balances: new Map(),
    deployments: new Map(),
    orders: new Map(),
    bids: new Map(),
    leases: new Map(),
    escrowAccounts: new Map(),
    payments: new Map(),
    certs: new Map(),
    providers: new Map(),
    audits: new Map(),
    oracle: emptyOracle(1),
  };
}

// Keys are the chain's own id strings, so REST filters and snapshots read naturally.
export const deploymentKey = (owner: string, dseq: bigint) => `${owner}/${dseq}`;
export const orderKey = (o: { owner: string; dseq: bigint; gseq: number; oseq: number }) =>
  `${o.owner}/${o.dseq}/${o.gseq}/${o.oseq}`;
export const bidKey = (b: { owner: string; dseq: bigint; gseq: number; oseq: number; provider: string; bseq: number }) =>
  `${orderKey(b)}/${b.provider}/${b.bseq}`;
export const paymentXid = (l: { gseq: number; oseq: number; provider: string }) => `${l.gseq}/${l.oseq}/${l.provider}`;
export const paymentKey = (accountXid: string, xid: string) => `${accountXid}/${xid}`;
export const escrowKey = (scope: string, xid: string) => `${scope}/${xid}`;

/** JSON with Map, bigint and Uint8Array preserved: the snapshot format of --state. */
export function serialize(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    if (raw instanceof Map) return { $map: [...raw.entries()] };
    if (typeof raw === "bigint") return { $big: raw.toString() };
    if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw).toString("base64") };
    return v;
  });
}

export function deserialize<T>(text: string): T {
  return JSON.parse(text, (_k, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      if ("$map" in v) return new Map(v.$map);
      if ("$big" in v) return BigInt(v.$big);
      if ("$bytes" in v) return new Uint8Array(Buffer.from(v.$bytes, "base64"));
    }
    return v;
  }) as T;
}

/**
 * A deep copy of the state for one transaction, except byte arrays, which are never changed in place (a record's
 * bytes are replaced, not written into) and so are shared. About five times faster than structuredClone on a
 * seeded owner's thousands of deployments, which matters since every transaction copies the state twice.
 */
export function cloneState(state: AppState): AppState {
  return copy(state) as AppState;
}

function copy(v: unknown): unknown {
  if (v === null || typeof v !== "object" || v instanceof Uint8Array) return v;
  if (v instanceof Map) {
    const m = new Map();
    for (const [k, x] of v) m.set(k, copy(x));
    return m;
  }
  if (Array.isArray(v)) return v.map(copy);
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) o[k] = copy((v as Record<string, unknown>)[k]);
  return o;
}
