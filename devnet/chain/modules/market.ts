/**
 * x/market v1beta5: orders (one per group), bids (one per provider per order, price <= the group's max
 * price), leases (accepting a bid: order active, the other bids lost, an escrow payment at the bid price).
 * Errors as in chain-sdk go/node/market/v1/errors.go.
 */
import { akashV1beta4, akashV1beta5, decFromDecoded, decToString } from "../codec";
import type { Ctx } from "../context";
import { deploymentErr, marketErr, sdkErr } from "../errors";
import { marketParams } from "../params";
import { bidKey, deploymentKey, orderKey, paymentKey, paymentXid, type BidRec, type DeploymentRec, type LeaseRec, type OrderRec } from "../state";
import { closeEscrowAccount, closePayment, createEscrowAccount, createPayment, getEscrowAccount } from "./escrow";
import { bIdJson, bidIdFrom, oIdJson, type BidIdRec, type OrderIdRec } from "./ids";
import { groupMaxPrice, requireAddress } from "./checks";

const decCoinJson = (c: { denom: string; amount: bigint }) => ({ denom: c.denom, amount: decToString(c.amount) });

export function createOrder(ctx: Ctx, id: OrderIdRec): OrderRec {
  const order: OrderRec = { ...id, state: "open", createdAt: ctx.height };
  ctx.gas.write();
  ctx.state.orders.set(orderKey(order), order);
  ctx.emitTyped("akash.market.v1.EventOrderCreated", { id: oIdJson(order) });
  return order;
}

function closeOrder(ctx: Ctx, order: OrderRec): void {
  if (order.state === "closed") return;
  order.state = "closed";
  ctx.gas.write();
  ctx.emitTyped("akash.market.v1.EventOrderClosed", { id: oIdJson(order) });
}

function closeBidRec(ctx: Ctx, bid: BidRec, state: "closed" | "lost"): void {
  if (bid.state === "closed" || bid.state === "lost") {
    if (state === "closed") bid.state = "closed";
    return;
  }
  bid.state = state;
  ctx.gas.write();
  const acc = getEscrowAccount(ctx, "bid", bidKey(bid));
  if (acc) closeEscrowAccount(ctx, acc);
  ctx.emitTyped("akash.market.v1.EventBidClosed", { id: bIdJson(bid) });
}

export function closeLeaseRec(ctx: Ctx, lease: LeaseRec, state: "closed" | "insufficient_funds", reason: number): void {
  if (lease.state !== "active") return;
  lease.state = state;
  lease.closedOn = ctx.height;
  lease.reason = reason;
  ctx.gas.write();
  const p = ctx.state.payments.get(paymentKey(`${lease.owner}/${lease.dseq}`, paymentXid(lease)));
  if (p) closePayment(ctx, p);
  ctx.emitTyped("akash.market.v1.EventLeaseClosed", { id: bIdJson(lease), reason: reasonName(reason) });
}

export function reasonName(reason: number): string {
  switch (reason) {
    case 1:
      return "lease_closed_owner";
    case 10000:
      return "lease_closed_reason_unstable";
    case 10001:
      return "lease_closed_reason_decommission";
    case 10002:
      return "lease_closed_reason_unspecified";
    case 10003:
      return "lease_closed_reason_manifest_timeout";
    case 20000:
      return "lease_closed_reason_insufficient_funds";
    default:
      return "lease_closed_invalid";
  }
}

const sameOrder = (a: OrderIdRec, b: OrderIdRec) =>
  a.owner === b.owner && a.dseq === b.dseq && a.gseq === b.gseq && a.oseq === b.oseq;

/** Closes the orders of a group with their bids and leases (deployment close, drained escrow). */
export function closeOrdersOfGroup(ctx: Ctx, dep: DeploymentRec, gseq: number, leaseState: "closed" | "insufficient_funds", reason: number): void {
  for (const order of ctx.state.orders.values()) {
    if (order.owner !== dep.owner || order.dseq !== dep.dseq || order.gseq !== gseq) continue;
    for (const lease of ctx.state.leases.values()) if (sameOrder(lease, order)) closeLeaseRec(ctx, lease, leaseState, reason);
    for (const bid of ctx.state.bids.values()) if (sameOrder(bid, order)) closeBidRec(ctx, bid, "closed");
    closeOrder(ctx, order);
  }
}

function groupSpecOf(ctx: Ctx, id: OrderIdRec): akashV1beta4.GroupSpec | undefined {
  const dep = ctx.state.deployments.get(deploymentKey(id.owner, id.dseq));
  const g = dep?.groups.find((x) => x.gseq === id.gseq);
  return g ? akashV1beta4.GroupSpec.decode(g.spec) : undefined;
}

export function createBid(ctx: Ctx, msg: akashV1beta5.MsgCreateBid): void {
  const id = bidIdFrom(msg.id);
  requireAddress(id.owner, "owner");
  requireAddress(id.provider, "provider");
  if (id.owner === id.provider) throw marketErr.sameAccount();
  if (!msg.price) throw marketErr.bidInvalidPrice("missing price");
  let price: bigint;
  try {
    price = decFromDecoded(msg.price.amount);
  } catch (e) {
    throw sdkErr.txDecode((e as Error).message);
  }
  if (price <= 0n) throw marketErr.bidZeroPrice();
  ctx.gas.read(2);
  if (!ctx.state.providers.has(id.provider)) throw marketErr.unknownProvider(`provider ${id.provider}`);
  const order = ctx.state.orders.get(orderKey(id));
  if (!order) throw marketErr.orderNotFound();
  if (order.state !== "open") throw marketErr.orderNotOpen();
  const bids = [...ctx.state.bids.values()].filter((b) => sameOrder(b, id));
  if (bids.some((b) => b.provider === id.provider)) throw marketErr.bidExists();
  if (bids.length >= marketParams.orderMaxBids) throw marketErr.orderNotOpen("order has reached its maximum number of bids");
  const spec = groupSpecOf(ctx, id);
  if (!spec) throw marketErr.groupNotOpen();
  const max = groupMaxPrice(spec);
  if (msg.price.denom !== max.denom) throw marketErr.bidInvalidPrice(`denom ${msg.price.denom} does not match order denom ${max.denom}`);
  if (price > max.amount) throw marketErr.bidOverOrder(`bid price ${decToString(price)}${msg.price.denom} > max ${decToString(max.amount)}${max.denom}`);

  const min = marketParams.bidMinDeposits.find((d) => d.denom === (msg.deposit?.amount?.denom || "uakt"));
  const depCoin = msg.deposit?.amount && /^\d+$/.test(msg.deposit.amount.amount) && msg.deposit.amount.amount !== "0"
    ? { denom: msg.deposit.amount.denom, amount: BigInt(msg.deposit.amount.amount) }
    : { denom: marketParams.bidMinDeposit.denom, amount: BigInt(marketParams.bidMinDeposit.amount) };
  if (min && depCoin.amount < BigInt(min.amount)) throw marketErr.invalidDeposit(`Deposit too low - ${depCoin.amount} < ${min.amount}${min.denom}`);

  const bid: BidRec = {
    ...id,
    state: "open",
    price: { denom: msg.price.denom, amount: price },
    createdAt: ctx.height,
    resourcesOffer: msg.resourcesOffer.map((r) => akashV1beta5.ResourceOffer.encode(r).finish()),
    deposit: depCoin,
  };
  ctx.gas.write(2);
  ctx.state.bids.set(bidKey(bid), bid);
  createEscrowAccount(ctx, "bid", bidKey(bid), id.provider, depCoin);
  ctx.emitTyped("akash.market.v1.EventBidCreated", { id: bIdJson(bid), price: decCoinJson(bid.price) });
}

function getBid(ctx: Ctx, id: BidIdRec): BidRec {
  ctx.gas.read();
  const bid = ctx.state.bids.get(bidKey(id));
  if (!bid) throw marketErr.bidNotFound();
  return bid;
}

export function closeBid(ctx: Ctx, msg: akashV1beta5.MsgCloseBid): void {
  const id = bidIdFrom(msg.id);
  const bid = getBid(ctx, id);
  if (bid.state === "active") {
    const lease = ctx.state.leases.get(bidKey(id));
    if (lease) closeLeaseRec(ctx, lease, "closed", msg.reason || 10002);
    const order = ctx.state.orders.get(orderKey(id));
    if (order) closeOrder(ctx, order);
    const dep = ctx.state.deployments.get(deploymentKey(id.owner, id.dseq));
    const g = dep?.groups.find((x) => x.gseq === id.gseq);
    if (g && g.state === "open") g.state = "paused";
  } else if (bid.state !== "open") {
    throw marketErr.bidNotOpen();
  }
  closeBidRec(ctx, bid, "closed");
}

export function createLease(ctx: Ctx, msg: akashV1beta5.MsgCreateLease): void {
  const id = bidIdFrom(msg.bidId);
  const bid = getBid(ctx, id);
  if (bid.state !== "open") throw marketErr.bidNotOpen();
  const order = ctx.state.orders.get(orderKey(id));
  if (!order) throw marketErr.orderNotFound();
  if (order.state !== "open") throw marketErr.orderNotOpen();
  const dep = ctx.state.deployments.get(deploymentKey(id.owner, id.dseq));
  if (!dep || dep.state !== "active") throw deploymentErr.closed();
  const acc = getEscrowAccount(ctx, "deployment", `${id.owner}/${id.dseq}`);
  if (!acc || acc.state !== "open") throw marketErr.leaseNotActive("escrow account is not open");

  bid.state = "active";
  order.state = "active";
  // Losing bids are charged a flat amount, not their whole escrow refund: providers keep bidding between the
  // tenant's simulate and delivery, and a gas cost that grew with them would make "auto" fees run out of gas.
  const losing = [...ctx.state.bids.values()].filter((o) => sameOrder(o, id) && o.provider !== id.provider && o.state === "open");
  ctx.gas.flat(1000 * losing.length, "lost bids", () => losing.forEach((o) => closeBidRec(ctx, o, "lost")));
  const lease: LeaseRec = { ...id, state: "active", price: { ...bid.price }, createdAt: ctx.height, closedOn: 0, reason: 0 };
  ctx.gas.write(3);
  ctx.state.leases.set(bidKey(id), lease);
  createPayment(ctx, acc, paymentXid(lease), id.provider, bid.price.amount);
  ctx.emitTyped("akash.market.v1.EventLeaseCreated", { id: bIdJson(lease), price: decCoinJson(lease.price) });
}

export function closeLease(ctx: Ctx, msg: akashV1beta5.MsgCloseLease): void {
  const id = bidIdFrom(msg.id);
  ctx.gas.read();
  const lease = ctx.state.leases.get(bidKey(id));
  if (!lease) throw marketErr.leaseNotFound();
  if (lease.state !== "active") throw marketErr.leaseNotActive();
  closeLeaseRec(ctx, lease, "closed", msg.reason || 1);
  const bid = ctx.state.bids.get(bidKey(id));
  if (bid) closeBidRec(ctx, bid, "closed");
  const order = ctx.state.orders.get(orderKey(id));
  if (order) closeOrder(ctx, order);
  const dep = ctx.state.deployments.get(deploymentKey(id.owner, id.dseq));
  const g = dep?.groups.find((x) => x.gseq === id.gseq);
  if (g && g.state === "open") g.state = "paused";
}

export function withdrawLease(ctx: Ctx, msg: akashV1beta5.MsgWithdrawLease): void {
  const id = bidIdFrom(msg.id);
  ctx.gas.read();
  const lease = ctx.state.leases.get(bidKey(id));
  if (!lease) throw marketErr.leaseNotFound();
  // Payments are settled and paid out every block on the devnet; nothing left to withdraw.
}
