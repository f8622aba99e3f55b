/**
 * x/deployment v1beta4: create (groups -> open orders, escrow account from the deposit), update (new hash),
 * close (everything under it closes and the escrow refunds). Errors as in chain-sdk go/node/deployment/v1.
 */
import { akashV1beta4, toBigInt } from "../codec";
import type { Ctx } from "../context";
import { deploymentErr } from "../errors";
import { deploymentParams } from "../params";
import { deploymentKey, type DeploymentRec, type GroupRec } from "../state";
import { authorizeDeposit, closeEscrowAccount, createEscrowAccount, getEscrowAccount } from "./escrow";
import { dIdJson, gIdJson } from "./ids";
import { groupMaxPrice, requireAddress } from "./checks";
import { closeOrdersOfGroup, createOrder } from "./market";

function validateGroups(groups: akashV1beta4.GroupSpec[]): void {
  if (groups.length === 0) throw deploymentErr.invalidGroups("empty groups");
  const names = new Set<string>();
  for (const g of groups) {
    if (!g.name) throw deploymentErr.invalidGroups("empty group name");
    if (names.has(g.name)) throw deploymentErr.invalidGroups(`duplicate group name ${g.name}`);
    names.add(g.name);
    if (g.resources.length === 0) throw deploymentErr.invalidGroups(`group ${g.name}: no resources`);
    for (const ru of g.resources) if (ru.count <= 0) throw deploymentErr.invalidGroups(`group ${g.name}: zero count`);
    const max = groupMaxPrice(g);
    if (max.amount <= 0n) throw deploymentErr.invalidPrice(`group ${g.name}: zero price`);
  }
}

export function validateDeposit(amount: { denom: string; amount: bigint }): void {
  const min = deploymentParams.minDeposits.find((d) => d.denom === amount.denom);
  if (!min) throw deploymentErr.invalidDeposit(`Invalid deposit denomination ${amount.denom}`);
  if (amount.amount < BigInt(min.amount)) {
    throw deploymentErr.invalidDeposit(`Deposit too low - ${amount.amount} < ${min.amount}${min.denom}`);
  }
}

export function getDeployment(ctx: Ctx, owner: string, dseq: bigint): DeploymentRec | undefined {
  ctx.gas.read();
  return ctx.state.deployments.get(deploymentKey(owner, dseq));
}

export function createDeployment(ctx: Ctx, msg: akashV1beta4.MsgCreateDeployment): void {
  const owner = msg.id?.owner ?? "";
  const dseq = toBigInt(msg.id?.dseq);
  requireAddress(owner, "owner");
  if (dseq === 0n) throw deploymentErr.invalidDeploymentId("dseq cannot be zero");
  if (msg.hash.length === 0) throw deploymentErr.emptyHash();
  if (msg.hash.length !== 32) throw deploymentErr.invalidHash(`hash must be 32 bytes, got ${msg.hash.length}`);
  validateGroups(msg.groups);
  // x/deployment handler CreateDeployment: exists, deposit params, groups, then the escrow's AuthorizeDeposits
  if (getDeployment(ctx, owner, dseq)) throw deploymentErr.exists();
  const coin = msg.deposit?.amount;
  if (!coin || !/^\d+$/.test(coin.amount)) throw deploymentErr.invalidDeposit("missing deposit");
  const deposit = { denom: coin.denom, amount: BigInt(coin.amount) };
  for (const g of msg.groups) {
    if (groupMaxPrice(g).denom !== deposit.denom) {
      throw deploymentErr.invalidDeposit(`deposit denom ${deposit.denom} does not match group ${g.name} price denom`);
    }
  }
  validateDeposit(deposit);
  authorizeDeposit(ctx, owner, deposit, msg.deposit?.sources ?? []);

  const groups: GroupRec[] = msg.groups.map((g, i) => ({
    gseq: i + 1,
    state: "open",
    spec: akashV1beta4.GroupSpec.encode(g).finish(),
    createdAt: ctx.height,
  }));
  const dep: DeploymentRec = { owner, dseq, state: "active", hash: msg.hash, createdAt: ctx.height, groups };
  ctx.gas.write(1 + groups.length);
  ctx.state.deployments.set(deploymentKey(owner, dseq), dep);
  createEscrowAccount(ctx, "deployment", `${owner}/${dseq}`, owner, deposit);
  ctx.emitTyped("akash.deployment.v1.EventDeploymentCreated", {
    id: dIdJson(dep),
    hash: Buffer.from(msg.hash).toString("base64"),
  });
  for (const g of groups) createOrder(ctx, { owner, dseq, gseq: g.gseq, oseq: 1 });
}

export function updateDeployment(ctx: Ctx, msg: akashV1beta4.MsgUpdateDeployment): void {
  const owner = msg.id?.owner ?? "";
  const dseq = toBigInt(msg.id?.dseq);
  requireAddress(owner, "owner");
  if (msg.hash.length === 0) throw deploymentErr.emptyHash();
  if (msg.hash.length !== 32) throw deploymentErr.invalidHash(`hash must be 32 bytes, got ${msg.hash.length}`);
  const dep = getDeployment(ctx, owner, dseq);
  if (!dep) throw deploymentErr.notFound();
  if (dep.state !== "active") throw deploymentErr.closed();
  dep.hash = msg.hash;
  ctx.gas.write();
  ctx.emitTyped("akash.deployment.v1.EventDeploymentUpdated", {
    id: dIdJson(dep),
    hash: Buffer.from(msg.hash).toString("base64"),
  });
}

/**
 * Closes a deployment and all that hangs from it; `leaseState` tells an owner close from a drained escrow, which
 * leaves groups and leases insufficient_funds (x/market hooks OnEscrowAccountClosed, keeper OnGroupClosed).
 */
export function closeDeployment(ctx: Ctx, dep: DeploymentRec, leaseState: "closed" | "insufficient_funds"): void {
  const reason = leaseState === "closed" ? 1 : 20000;
  for (const g of dep.groups) {
    if (g.state !== "closed" && g.state !== "insufficient_funds") {
      closeOrdersOfGroup(ctx, dep, g.gseq, leaseState, reason);
      g.state = leaseState;
      ctx.emitTyped("akash.deployment.v1.EventGroupClosed", { id: gIdJson({ ...dep, gseq: g.gseq }) });
    }
  }
  dep.state = "closed";
  ctx.gas.write(1 + dep.groups.length);
  const acc = getEscrowAccount(ctx, "deployment", `${dep.owner}/${dep.dseq}`);
  if (acc) closeEscrowAccount(ctx, acc);
  ctx.emitTyped("akash.deployment.v1.EventDeploymentClosed", { id: dIdJson(dep) });
}

export function closeDeploymentMsg(ctx: Ctx, msg: akashV1beta4.MsgCloseDeployment): void {
  const owner = msg.id?.owner ?? "";
  const dseq = toBigInt(msg.id?.dseq);
  requireAddress(owner, "owner");
  const dep = getDeployment(ctx, owner, dseq);
  if (!dep) throw deploymentErr.notFound();
  if (dep.state !== "active") throw deploymentErr.closed();
  closeDeployment(ctx, dep, "closed");
}
