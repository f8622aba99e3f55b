/**
 * The seam between the devnet's chain (devnet/chain/) and its simulated providers (devnet/provider/).
 * Both run in one process; providers act on the chain the way a real provider daemon does (submit
 * MsgCreateBid, MsgCreateProvider, MsgCreateCertificate...), but through `submitAs` instead of signing a tx
 * over RPC: the chain runs the very same message handlers, emits the same events and includes the
 * messages in the next block under a synthetic tx, so the console sees exactly what it would see on a real chain.
 *
 * devnet/ stands for the outside world: it imports only chain-sdk, cosmjs and node/npm libraries, never
 * anything from app/, components/ or lib/.
 */
import type { EncodeObject } from "@cosmjs/proto-signing";

export interface OrderRef {
  owner: string;
  dseq: bigint;
  gseq: number;
  oseq: number;
}

export interface LeaseRef extends OrderRef {
  provider: string;
  bseq: number;
}

/** A plain view of an open order: the group spec the provider must serve. */
export interface OpenOrder extends OrderRef {
  /** akash.deployment.v1beta4.GroupSpec as decoded by chain-sdk (requirements, resources, price). */
  groupSpec: unknown;
  createdAtHeight: number;
}

export interface LeaseView extends LeaseRef {
  state: "active" | "insufficient_funds" | "closed";
  /** price per block as a DecCoin (18-decimal string amount). */
  price: { denom: string; amount: string };
  createdAtHeight: number;
}

export interface DeploymentView {
  owner: string;
  dseq: bigint;
  state: "active" | "closed";
  /** sha256 of the manifest's sorted JSON (MsgCreateDeployment.hash / MsgUpdateDeployment.hash). */
  hash: Uint8Array;
  groupSpecs: unknown[];
}

export interface CertificateView {
  owner: string;
  /** decimal string, as stored on chain */
  serial: string;
  state: "valid" | "revoked";
  certPem: string;
  pubkeyPem: string;
}

export interface SubmitResult {
  code: number;
  codespace: string;
  rawLog: string;
  height: number;
  txHash: string;
}

export interface DevnetChain {
  readonly chainId: string;
  height(): number;
  /** Called after each block is committed. Returns an unsubscribe function. */
  onBlock(listener: (height: number) => void): () => void;
  /** Orders that became open in the block just committed (new deployment or new group). */
  onOrdersOpened(listener: (orders: OpenOrder[]) => void): () => void;

  /** Execute messages as `signer` (a provider's or auditor's account) through the normal handlers; included in the next block. */
  submitAs(signer: string, msgs: EncodeObject[], memo?: string): Promise<SubmitResult>;

  getOrder(ref: OrderRef): (OpenOrder & { state: "open" | "active" | "closed" }) | undefined;
  getLease(ref: LeaseRef): LeaseView | undefined;
  /** Active leases of a provider for a deployment (the provider's view of "do I have a lease for dseq?"). */
  leasesForProvider(provider: string, owner: string, dseq: bigint): LeaseView[];
  getDeployment(owner: string, dseq: bigint): DeploymentView | undefined;
  /** Compressed secp256k1 public key of an account that has signed at least one tx, if known. */
  getAccountPubkey(address: string): Uint8Array | undefined;
  getCertificates(owner: string): CertificateView[];

  /**
   * Optional (added by the provider side): audit records of a provider, i.e. which auditors signed which of its
   * attributes (akash.audit.v1 AuditedAttributes, including any seeded in genesis). Providers use it to decide
   * whether they satisfy an order's `signedBy`; without it they only know the signatures they asked for.
   */
  getAuditedAttributes?(owner: string): { auditor: string; attributes: { key: string; value: string }[] }[];
  /** Optional (added by the provider side): the market's bid_min_deposit, used as the deposit of MsgCreateBid. */
  bidMinDeposit?(): { denom: string; amount: string };
}

/** What devnet/provider/start.ts exports for devnet/main.ts. */
export interface ProviderFleet {
  /** Provider account address -> gateway host URI (https://127.0.0.1:<port>). */
  endpoints(): Record<string, string>;
  /** Admin hook: set a fault on one provider (see the admin endpoint). */
  setFault(provider: string, fault: ProviderFault | null): void;
  setLogRate(linesPerSecond: number): void;
  /** Admin hook: a fault with a parameter on one provider; resolves once it is in effect. */
  inject(provider: string, injection: ProviderFaultInjection): Promise<void>;
  /** Admin hook: every provider's faults. */
  faultStates(): Record<string, ProviderFaultState>;
  /** Seeding: no provider bids on the orders of these deployments (the seeder places its own bids). */
  ignoreOrders(owner: string, dseqs: readonly bigint[]): void;
  /** Seeding: the provider runs this manifest (an array of groups) for its leases of the deployment, as if PUT. */
  installManifest(provider: string, owner: string, dseq: bigint, manifest: unknown): boolean;
  stop(): Promise<void>;
}

export type ProviderFault =
  | "down"
  | "http500"
  | "late-bids"
  | "no-bids"
  | "drop-streams"
  | "expired-cert"
  | "unregistered-cert";

/**
 * Faults with a parameter, injected through the admin endpoint's `POST /fault/<kind>` routes (see the README's
 * devnet section); they come on top of the ProviderFault mode and are cleared with `{ kind: "clear" }`.
 */
export type ProviderFaultInjection =
  /** the next `streams` log streams opened close abruptly (no close frame) after `afterFrames` frames */
  | { kind: "drop-logs"; afterFrames: number; streams: number }
  /** the next `times` PUT manifest requests answer 500 */
  | { kind: "manifest-500"; times: number }
  /** lease and service status answer only after `ms` (0 = no stall) */
  | { kind: "stall-status"; ms: number }
  /** one log line of `bytes` bytes goes to every open follow log stream, or to the next stream when none is open */
  | { kind: "huge-log-line"; bytes: number }
  /** the next `times` shell sessions fail with frame 103 (the provider hides the reason) */
  | { kind: "shell-failure"; times: number }
  /** the provider's Kubernetes API is unreachable: status routes answer 503, streams close with 4002 */
  | { kind: "kube-unavailable"; on: boolean }
  | { kind: "clear" };

/** What a provider's injected faults are right now (GET /faults). */
export interface ProviderFaultState {
  mode: ProviderFault | null;
  dropLogs: { afterFrames: number; streams: number } | null;
  manifest500: number;
  stallStatusMs: number;
  hugeLogLinePending: number | null;
  shellFailures: number;
  kubeUnavailable: boolean;
}
