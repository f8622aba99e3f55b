/**
 * The devnet's simulated providers: registers them on chain (MsgCreateProvider, MsgCreateCertificate, audit
 * MsgSignProviderAttributes by AUDITOR1), bids on the orders each can serve, and runs their HTTPS gateways.
 */
import { PROVIDER_ACCOUNTS, type DevnetAccount } from "../accounts";
import type { DevnetChain, OrderRef, ProviderFault, ProviderFaultInjection, ProviderFleet } from "../contract";
import { emptyUsage, reserve, type Decision, type Usage } from "./bidding";
import { makeBidder, type BidRecord, type TrackedBid } from "./bidder";
import { generateCert, loadOrCreateCert, type CertBundle } from "./certs";
import { registerCertificate } from "./cert-registration";
import { Gateway } from "./gateway/gateway";
import type { ManifestGroup } from "./gateway/lease-runtime";
import { buildProfiles, type ProviderProfile } from "./profiles";
import { registerProvider } from "./registration";
import { unit } from "./rng";

export type { BidRecord };

export interface StartProvidersOptions {
  /** first gateway port (provider i listens on basePort + i); 0 = a random port for each gateway */
  basePort: number;
  host: string;
  seed: number;
  /** firehose rate of follow log streams, lines/s (0 or absent = realistic pace) */
  logRate?: number;
  /** persist generated keys/certs here so restarts keep the same certificates */
  stateDir?: string;
  /** defaults to PROVIDER_ACCOUNTS */
  accounts?: readonly DevnetAccount[];
  /** deal the late-bids / no-bids / drop-streams behaviours with the seed (default true) */
  behaviours?: boolean;
  /** a normal provider bids 1..maxBidDelayBlocks blocks after the order opened (default 3) */
  maxBidDelayBlocks?: number;
  /** delay of the late bidder (default about 20 s, seeded 18..22 s) */
  lateBidDelayMs?: number;
  /** delay between the manifest and services being ready (default 4000 ms) */
  readyDelayMs?: number;
  /** log streams of a provider with the drop-streams fault die after this (default 3000 ms) */
  faultDropAfterMs?: number;
  /** log streams of the provider whose behaviour is drop-streams die after this (default seeded 20..40 s) */
  behaviourDropAfterMs?: number;
  /** realistic pace: one steady line per pod about every this many ms (default 2000) */
  logIntervalMs?: number;
  /** websocket keepalive ping period (default 10 000 ms, as the real gateway) */
  pingIntervalMs?: number;
  /** register providers/certs/audits on chain at start (default true) */
  register?: boolean;
  /**
   * wait for the registration txs to be committed before returning (default true). submitAs resolves when a
   * block commits, so the chain must already be producing blocks; pass false to return as soon as the gateways
   * listen and await `fleet.registered` later.
   */
  awaitRegistration?: boolean;
}


export interface SimulatedFleet extends ProviderFleet {
  readonly profiles: readonly ProviderProfile[];
  /** the certificate each provider registered on chain */
  certificate(provider: string): CertBundle;
  /** every bid decision taken (for tests and debugging) */
  readonly decisions: { provider: string; order: OrderRef; decision: Decision }[];
  readonly bids: BidRecord[];
  /** registration tx results */
  readonly registrations: { provider: string; code: number; rawLog: string }[];
  /** resolves when the registration txs (provider, certificate, audit) are committed; needs blocks to be produced */
  readonly registered: Promise<void>;
  /** resolves once the fault is in effect (e.g. the gateway closed or reopened) */
  setFault(provider: string, fault: ProviderFault | null): Promise<void>;
}


export async function startProviders(chain: DevnetChain, opts: StartProvidersOptions): Promise<SimulatedFleet> {
  const seed = opts.seed;
  const profiles = buildProfiles(seed, opts.accounts ?? PROVIDER_ACCOUNTS, opts.behaviours ?? true);
  let logRate = opts.logRate ?? 0;
  const faults = new Map<string, ProviderFault | null>();
  const bidsByProvider = new Map<string, Map<string, TrackedBid>>();
  const ownAudits = new Map<string, { auditor: string; attributes: { key: string; value: string }[] }[]>();
  const decisions: SimulatedFleet["decisions"] = [];
  const bids: BidRecord[] = [];
  const registrations: SimulatedFleet["registrations"] = [];
  const gateways = new Map<string, Gateway>();
  const certs = new Map<string, CertBundle>();
  const timers = new Set<NodeJS.Timeout>();
  const pendingByHeight: { at: number; fire: () => void }[] = [];
  let stopped = false;
  const ignoredDeployments = new Set<string>();

  /** resources held by the provider's active leases (from the bids it placed) */
  const leaseState = (provider: ProviderProfile) => {
    const usage: Usage = emptyUsage();
    let leases = 0;
    let orders = 0;
    const tracked = bidsByProvider.get(provider.account.address);
    for (const [key, t] of tracked ?? []) {
      const lease = chain
        .leasesForProvider(provider.account.address, t.ref.owner, t.ref.dseq)
        .find((l) => l.gseq === t.ref.gseq && l.oseq === t.ref.oseq && l.state === "active");
      if (lease) {
        leases++;
        reserve(provider, t.need, usage);
        continue;
      }
      const order = chain.getOrder(t.ref);
      if (order?.state === "open") orders++;
      else if (!order || order.state === "closed" || order.state === "active") tracked!.delete(key); // lost or gone
    }
    return { usage, leases, orders };
  };

  for (const profile of profiles) {
    const address = profile.account.address;
    bidsByProvider.set(address, new Map());
    const { bundle } = loadOrCreateCert(address, opts.host, opts.stateDir);
    certs.set(address, bundle);
    const alt = new Map<string, CertBundle>();
    const gw = new Gateway({
      chain,
      profile,
      host: opts.host,
      port: opts.basePort ? opts.basePort + profile.index : 0,
      seed,
      cert: bundle,
      altCert: (kind) => {
        let c = alt.get(kind);
        if (!c) {
          c =
            kind === "expired"
              ? generateCert(address, opts.host, { notBefore: new Date(Date.now() - 400 * 86400_000), notAfter: new Date(Date.now() - 35 * 86400_000) })
              : generateCert(address, opts.host);
          alt.set(kind, c);
        }
        return c;
      },
      logRate: () => logRate,
      inventory: () => leaseState(profile),
      readyDelayMs: opts.readyDelayMs ?? 4000,
      faultDropAfterMs: opts.faultDropAfterMs ?? 3000,
      behaviourDropAfterMs: opts.behaviourDropAfterMs ?? Math.round(20_000 + 20_000 * unit(seed, "drop", address)),
      logIntervalMs: opts.logIntervalMs ?? 2000,
      pingIntervalMs: opts.pingIntervalMs ?? 10_000,
    });
    await gw.start();
    gateways.set(address, gw);
  }

  // ---- registration on chain (`fleet.registered` resolves once every registration tx is committed)
  const registerOne = (profile: ProviderProfile) =>
    registerProvider(chain, profile, gateways.get(profile.account.address)!.uri, certs.get(profile.account.address)!, {
      recordTx: (r) => registrations.push(r),
      audited: (audit) => ownAudits.set(profile.account.address, [audit]),
    });
  const registered: Promise<void> =
    opts.register === false
      ? Promise.resolve()
      : Promise.all(profiles.map((p) => registerOne(p))).then(
          () => undefined,
          (e: unknown) => console.error("[devnet] provider registration failed:", e),
        );

  // ---- bidding
  const { onOrders, onBlock } = makeBidder({
    chain,
    profiles,
    seed,
    opts,
    faults,
    ownAudits,
    decisions,
    bids,
    bidsByProvider,
    leaseState,
    timers,
    pendingByHeight,
    isStopped: () => stopped,
    ignored: (o) => ignoredDeployments.has(`${o.owner}/${o.dseq}`),
  });

  const unsubOrders = chain.onOrdersOpened(onOrders);
  if (opts.awaitRegistration ?? true) await registered;
  const unsubBlock = chain.onBlock(onBlock);

  const fleet: SimulatedFleet = {
    profiles,
    decisions,
    bids,
    registrations,
    registered,
    certificate(provider) {
      const c = certs.get(provider);
      if (!c) throw new Error(`unknown provider ${provider}`);
      return c;
    },
    endpoints() {
      const out: Record<string, string> = {};
      for (const [address, gw] of gateways) out[address] = gw.uri;
      return out;
    },
    async setFault(provider, fault) {
      const gw = gateways.get(provider);
      if (!gw) throw new Error(`unknown provider ${provider}`);
      // the expired certificate is registered on chain (past notAfter), so a client's pin finds it and must check dates
      if (fault === "expired-cert") await registerCertificate(chain, provider, gw.expiredCert());
      faults.set(provider, fault);
      return gw.setFault(fault).catch((e: unknown) => console.error(`[devnet] provider ${provider}: setting fault ${fault} failed:`, e));
    },
    async inject(provider: string, injection: ProviderFaultInjection) {
      const gw = gateways.get(provider);
      if (!gw) throw new Error(`unknown provider ${provider}`);
      gw.inject(injection);
      if (injection.kind === "clear") await fleet.setFault(provider, null);
    },
    ignoreOrders(owner, dseqs) {
      for (const d of dseqs) ignoredDeployments.add(`${owner}/${d}`);
    },
    installManifest(provider, owner, dseq, manifest) {
      const gw = gateways.get(provider);
      if (!gw || !Array.isArray(manifest)) return false;
      return gw.installManifest(owner, dseq, manifest as ManifestGroup[]);
    },
    faultStates() {
      return Object.fromEntries([...gateways].map(([address, gw]) => [address, gw.faultState()]));
    },
    setLogRate(linesPerSecond) {
      logRate = Math.max(0, linesPerSecond);
    },
    async stop() {
      stopped = true;
      unsubOrders();
      unsubBlock();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      pendingByHeight.length = 0;
      await Promise.all([...gateways.values()].map((g) => g.stop()));
    },
  };
  return fleet;
}
