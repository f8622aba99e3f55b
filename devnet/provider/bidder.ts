/**
 * A fleet's bidding: for each order the chain opens, every provider decides (bidding.ts) and bids with
 * MsgCreateBid v1beta5 a few blocks later, or about 20 s later when it is the late bidder, or never.
 */
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCreateBid } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { DevnetChain, OpenOrder, OrderRef, ProviderFault } from "../contract";
import { bidAt, decide, parseGroupSpec, toDecString, type Decision, type GroupNeed, type Usage } from "./bidding";
import type { ProviderProfile } from "./profiles";
import { unit } from "./rng";

export interface BidRecord {
  provider: string;
  order: OrderRef;
  price: { denom: string; amount: string };
  height: number;
  code: number;
  rawLog: string;
}

export interface TrackedBid {
  ref: OrderRef;
  need: GroupNeed;
}

export interface BidderDeps {
  chain: DevnetChain;
  profiles: readonly ProviderProfile[];
  seed: number;
  /** a normal provider bids 1..maxBidDelayBlocks blocks after the order opened; the late bidder after lateBidDelayMs */
  opts: { lateBidDelayMs?: number; maxBidDelayBlocks?: number };
  faults: Map<string, ProviderFault | null>;
  ownAudits: Map<string, { auditor: string; attributes: { key: string; value: string }[] }[]>;
  decisions: { provider: string; order: OrderRef; decision: Decision }[];
  bids: BidRecord[];
  /** the bids each provider placed that the chain accepted, by order key */
  bidsByProvider: Map<string, Map<string, TrackedBid>>;
  leaseState(profile: ProviderProfile): { usage: Usage };
  timers: Set<NodeJS.Timeout>;
  pendingByHeight: { at: number; fire: () => void }[];
  isStopped(): boolean;
  /** orders nobody bids on (seeded deployments get their bids from the seeder) */
  ignored(order: OrderRef): boolean;
}

export const orderKey = (r: OrderRef) => `${r.owner}/${r.dseq}/${r.gseq}/${r.oseq}`;

export function refOf(o: OrderRef): OrderRef {
  return { owner: o.owner, dseq: o.dseq, gseq: o.gseq, oseq: o.oseq };
}

export function makeBidder(deps: BidderDeps): { onOrders(orders: OpenOrder[]): void; onBlock(height: number): void } {
  const { chain, profiles, seed, opts, faults, ownAudits, decisions, bids, bidsByProvider, leaseState, timers, pendingByHeight } = deps;
const effective = (profile: ProviderProfile): "normal" | "late-bids" | "no-bids" => {
  const f = faults.get(profile.account.address);
  if (f === "late-bids" || f === "no-bids") return f;
  if (profile.behaviour === "late-bids" || profile.behaviour === "no-bids") return profile.behaviour;
  return "normal";
};

const placeBid = async (profile: ProviderProfile, order: OpenOrder, need: GroupNeed, amount: number) => {
  if (deps.isStopped() || effective(profile) === "no-bids") return;
  const current = chain.getOrder(order);
  if (current && current.state !== "open") return;
  const address = profile.account.address;
  const price = { denom: need.denom || "uakt", amount: toDecString(amount) };
  const deposit = chain.bidMinDeposit?.() ?? { denom: "uakt", amount: "500000" };
  const rawResources = ((order.groupSpec as { resources?: { resource?: unknown; count?: number }[] }).resources ?? []).map((ru) => ({
    resources: ru.resource as never,
    count: ru.count ?? 1,
  }));
  const value = MsgCreateBid.fromPartial({
    id: { owner: order.owner, dseq: order.dseq.toString(), gseq: order.gseq, oseq: order.oseq, provider: address, bseq: 0 },
    price,
    deposit: { amount: deposit, sources: [Source.balance] },
    resourcesOffer: rawResources,
  });
  try {
    const r = await chain.submitAs(address, [{ typeUrl: `/${MsgCreateBid.$type}`, value }], "");
    bids.push({ provider: address, order: refOf(order), price, height: r.height, code: r.code, rawLog: r.rawLog });
    if (r.code === 0) bidsByProvider.get(address)!.set(orderKey(order), { ref: refOf(order), need });
  } catch (e) {
    bids.push({ provider: address, order: refOf(order), price, height: chain.height(), code: -1, rawLog: e instanceof Error ? e.message : String(e) });
  }
};

const onOrders = (orders: OpenOrder[]) => {
  if (deps.isStopped()) return;
  for (const order of orders) {
    if (deps.ignored(order)) continue;
    let need: GroupNeed;
    try {
      if (!order.groupSpec) continue;
      need = parseGroupSpec(order.groupSpec);
    } catch {
      continue;
    }
    if (need.units.length === 0) continue;
    for (const profile of profiles) {
      const address = profile.account.address;
      const mode = effective(profile);
      if (mode === "no-bids") {
        decisions.push({ provider: address, order: refOf(order), decision: { bid: false, reason: "provider never bids" } });
        continue;
      }
      const auditors = chain.getAuditedAttributes?.(address) ?? ownAudits.get(address) ?? [];
      const fits = decide(profile, need, auditors, leaseState(profile).usage);
      const priced = fits.bid ? bidAt(profile, need, seed, orderKey(order)) : null;
      const decision: Decision = priced && !priced.bid ? { bid: false, reason: priced.reason } : fits;
      decisions.push({ provider: address, order: refOf(order), decision });
      if (!priced?.bid) continue;
      const amount = priced.price;
      if (mode === "late-bids") {
        const delay = opts.lateBidDelayMs ?? Math.round(18_000 + 4_000 * unit(seed, "late", address, orderKey(order)));
        const t = setTimeout(() => {
          timers.delete(t);
          void placeBid(profile, order, need, amount);
        }, delay);
        timers.add(t);
      } else {
        const maxBlocks = Math.max(1, opts.maxBidDelayBlocks ?? 3);
        const blocks = 1 + Math.floor(unit(seed, "delay", address, orderKey(order)) * maxBlocks);
        pendingByHeight.push({ at: chain.height() + blocks, fire: () => void placeBid(profile, order, need, amount) });
      }
    }
  }
};

const onBlock = (height: number) => {
  for (let i = pendingByHeight.length - 1; i >= 0; i--) {
    const p = pendingByHeight[i]!;
    if (p.at <= height) {
      pendingByHeight.splice(i, 1);
      p.fire();
    }
  }
};


  return { onOrders, onBlock };
}
