/**
 * x/escrow v1: deployment accounts funded by deposits, one payment per lease drawing `rate` per block.
 * The devnet settles every open account at the end of every block (the real chain settles lazily on
 * withdraw/close; the observable balances are the same) and pays the integer part straight to the provider.
 */
import { fromBech32 } from "@cosmjs/encoding";
import { ESCROW_MODULE, addBalance, balanceOf, parseCoin, sendCoins } from "../bank";
import { DEC_ONE, akashV1 } from "../codec";
import type { Ctx } from "../context";
import { ChainError, depositErr, escrowErr, marketErr } from "../errors";
import {
  escrowKey,
  paymentKey,
  type EscrowAccountRec,
  type PaymentRec,
} from "../state";

export const SOURCE_BALANCE = 1;
export const SOURCE_GRANT = 2;

/**
 * escrow keeper AuthorizeDeposits: what the sources can pay, in order. The devnet has no authz grants, so only
 * the owner's spendable balance counts; a shortfall is the market module's ErrInvalidDeposit, formatted
 * fmt.Errorf("%w: insufficient balance") (akash-network/node x/escrow/keeper/keeper.go).
 */
export function authorizeDeposit(ctx: Ctx, owner: string, coin: { denom: string; amount: bigint }, sources: number[]): void {
  let remainder = coin.amount;
  for (const source of sources) {
    if (source === SOURCE_BALANCE) {
      const spendable = balanceOf(ctx.state, owner, coin.denom);
      if (spendable > 0n) remainder -= spendable < remainder ? spendable : remainder;
    }
    if (remainder === 0n) break;
  }
  if (remainder !== 0n) throw marketErr.invalidDeposit().suffixed(remainder < 0n ? "deposit overflow" : "insufficient balance");
}

const bech32Ok = (addr: string) => {
  try {
    return fromBech32(addr).prefix === "akash";
  } catch {
    return false;
  }
};

/** chain-sdk go/node/escrow/id/v1 Account.ValidateBasic: deployment xid owner/dseq, bid xid owner/dseq/gseq/oseq/provider */
function validateAccountId(id: { scope: number; xid: string } | undefined): void {
  const parts = (id?.xid ?? "").split("/");
  if (id?.scope === 1) {
    if (parts.length !== 2) throw escrowErr.invalidID("invalid xid format");
  } else if (id?.scope === 2) {
    if (parts.length !== 5) throw escrowErr.invalidID("invalid xid format");
  } else throw escrowErr.invalidID("invalid scope");
  if (!bech32Ok(parts[0]!)) throw escrowErr.invalidID("invalid xid/owner: decoding bech32 failed");
  if (!/^\d+$/.test(parts[1]!) || BigInt(parts[1]!) > 0xffffffffffffffffn) throw escrowErr.invalidID(`invalid xid/dseq: strconv.ParseUint: parsing ${JSON.stringify(parts[1])}: invalid syntax`);
  if (id.scope === 2) {
    for (const [i, name] of [[2, "gseq"], [3, "oseq"]] as const) {
      if (!/^\d+$/.test(parts[i]!) || Number(parts[i]) > 0xffffffff) throw escrowErr.invalidID(`invalid xid/${name}: strconv.ParseUint: parsing ${JSON.stringify(parts[i])}: invalid syntax`);
    }
    if (!bech32Ok(parts[4]!)) throw escrowErr.invalidID("invalid xid/provider: decoding bech32 failed");
  }
}

/** MsgAccountDeposit.ValidateBasic (chain-sdk go/node/escrow/v1/msgs.go), run at CheckTx. */
export function validateAccountDeposit(msg: akashV1.MsgAccountDeposit): void {
  if (!bech32Ok(msg.signer)) throw new ChainError("undefined", 1, "internal", undefined, `decoding bech32 failed: invalid signer address ${JSON.stringify(msg.signer)}`);
  validateAccountId(msg.id);
  const amount = msg.deposit?.amount?.amount ?? "";
  if (amount === "" || /^0+$/.test(amount)) throw escrowErr.invalidDeposit();
  const sources = msg.deposit?.sources ?? [];
  if (sources.length === 0) throw depositErr.invalidDepositSource("empty deposit sources");
  const seen = new Set<number>();
  for (const s of sources) {
    if (s !== SOURCE_BALANCE && s !== SOURCE_GRANT) throw depositErr.invalidDepositSource(`empty deposit source type ${s}`);
    if (seen.has(s)) throw depositErr.invalidDepositSource(`duplicate deposit source type ${s}`);
    seen.add(s);
  }
}

/** x/escrow handler AccountDeposit: authorize the deposit, then the account must exist, be open and in its denom. */
export function accountDeposit(ctx: Ctx, msg: akashV1.MsgAccountDeposit): void {
  const coin = parseCoin(msg.deposit?.amount);
  authorizeDeposit(ctx, msg.signer, coin, msg.deposit?.sources ?? []);
  const scope = msg.id?.scope === 1 ? "deployment" : "bid";
  const acc = getEscrowAccount(ctx, scope, msg.id?.xid ?? "");
  if (!acc) throw escrowErr.accountNotFound();
  depositEscrow(ctx, acc, msg.signer, coin);
}

export function createEscrowAccount(
  ctx: Ctx,
  scope: "deployment" | "bid",
  xid: string,
  owner: string,
  coin: { denom: string; amount: bigint },
): EscrowAccountRec {
  sendCoins(ctx, owner, ESCROW_MODULE, [coin]);
  const acc: EscrowAccountRec = {
    scope,
    xid,
    owner,
    state: "open",
    denom: coin.denom,
    funds: coin.amount * DEC_ONE,
    transferred: 0n,
    settledAt: ctx.height,
    deposits: [
      { owner, height: ctx.height, source: SOURCE_BALANCE, balance: { denom: coin.denom, amount: coin.amount * DEC_ONE }, direct: true },
    ],
  };
  ctx.gas.write();
  ctx.state.escrowAccounts.set(escrowKey(scope, xid), acc);
  return acc;
}

export function getEscrowAccount(ctx: Ctx, scope: string, xid: string): EscrowAccountRec | undefined {
  ctx.gas.read();
  return ctx.state.escrowAccounts.get(escrowKey(scope, xid));
}

export function depositEscrow(ctx: Ctx, acc: EscrowAccountRec, from: string, coin: { denom: string; amount: bigint }): void {
  if (acc.state === "closed") throw escrowErr.accountClosed();
  if (coin.denom !== acc.denom) throw escrowErr.invalidDenomination();
  settleAccount(ctx, acc);
  sendCoins(ctx, from, ESCROW_MODULE, [coin]);
  acc.funds += coin.amount * DEC_ONE;
  acc.deposits.push({
    owner: from,
    height: ctx.height,
    source: SOURCE_BALANCE,
    balance: { denom: coin.denom, amount: coin.amount * DEC_ONE },
    direct: from === acc.owner,
  });
  if (acc.state === "overdrawn") repayOverdrawn(ctx, acc);
  ctx.gas.write();
}

/**
 * A deposit into an overdrawn account (x/escrow keeper AccountDeposit): it pays the providers what they were
 * owed when it ran dry; once nothing is owed the account and its payments close and the rest is refunded. Its
 * deployment was closed when it ran dry and stays closed.
 */
function repayOverdrawn(ctx: Ctx, acc: EscrowAccountRec): void {
  const owing = paymentsOf(ctx, acc).filter((p) => p.state === "overdrawn" && p.unsettled > 0n);
  for (const p of owing) {
    const paid = p.unsettled < acc.funds ? p.unsettled : acc.funds;
    p.unsettled -= paid;
    p.balance += paid;
    acc.funds -= paid;
    acc.transferred += paid;
    withdraw(ctx, p);
  }
  if (paymentsOf(ctx, acc).some((p) => p.unsettled > 0n)) return;
  for (const p of paymentsOf(ctx, acc)) p.state = "closed";
  const refund = acc.funds / DEC_ONE;
  if (refund > 0n) sendCoins(ctx, ESCROW_MODULE, acc.owner, [{ denom: acc.denom, amount: refund }]);
  acc.funds -= refund * DEC_ONE;
  acc.state = "closed";
}

export function paymentsOf(ctx: Ctx, acc: EscrowAccountRec): PaymentRec[] {
  return [...ctx.state.payments.values()].filter((p) => p.accountXid === acc.xid);
}

export function createPayment(ctx: Ctx, acc: EscrowAccountRec, xid: string, provider: string, rate: bigint): PaymentRec {
  settleAccount(ctx, acc);
  const p: PaymentRec = {
    accountXid: acc.xid,
    xid,
    owner: provider,
    state: "open",
    denom: acc.denom,
    rate,
    balance: 0n,
    unsettled: 0n,
    withdrawn: 0n,
  };
  ctx.gas.write();
  ctx.state.payments.set(paymentKey(acc.xid, xid), p);
  return p;
}

/** Pays the whole units of a payment's balance out to its provider. */
function withdraw(ctx: Ctx, p: PaymentRec): void {
  const whole = p.balance / DEC_ONE;
  if (whole <= 0n) return;
  p.balance -= whole * DEC_ONE;
  p.withdrawn += whole;
  addBalance(ctx.state, ESCROW_MODULE, p.denom, -whole);
  addBalance(ctx.state, p.owner, p.denom, whole);
}

/**
 * Moves what the open payments have earned since `settledAt` from the account to the payments.
 * Returns true if the account could not cover it (it is then overdrawn). `openPayments` may be given by a caller
 * that already indexed them (the end blocker settles every account each block).
 */
export function settleAccount(ctx: Ctx, acc: EscrowAccountRec, openPayments?: PaymentRec[]): boolean {
  const blocks = BigInt(Math.max(0, ctx.height - acc.settledAt));
  acc.settledAt = ctx.height;
  if (blocks === 0n || acc.state !== "open") return acc.state === "overdrawn";
  const open = openPayments ?? paymentsOf(ctx, acc).filter((p) => p.state === "open");
  const due = open.reduce((s, p) => s + p.rate * blocks, 0n);
  if (due === 0n) return false;
  if (due <= acc.funds) {
    for (const p of open) {
      p.balance += p.rate * blocks;
      withdraw(ctx, p);
    }
    acc.funds -= due;
    acc.transferred += due;
    return false;
  }
  // Not enough: split what is left pro rata, record the rest as unsettled, mark everything overdrawn.
  const available = acc.funds;
  for (const p of open) {
    const owed = p.rate * blocks;
    const paid = (available * owed) / due;
    p.balance += paid;
    p.unsettled += owed - paid;
    p.state = "overdrawn";
    withdraw(ctx, p);
  }
  acc.transferred += available;
  acc.funds = 0n;
  acc.state = "overdrawn";
  return true;
}

/**
 * Settles, closes the payments and refunds what is left to the owner (deployment close, bid close). An overdrawn
 * account stays overdrawn with its payments (x/escrow AccountClose only closes what is open): it still owes them.
 */
export function closeEscrowAccount(ctx: Ctx, acc: EscrowAccountRec): void {
  if (acc.state === "closed" || acc.state === "overdrawn") return;
  settleAccount(ctx, acc);
  for (const p of paymentsOf(ctx, acc)) closePayment(ctx, p);
  const refund = acc.funds / DEC_ONE;
  if (refund > 0n) sendCoins(ctx, ESCROW_MODULE, acc.owner, [{ denom: acc.denom, amount: refund }]);
  acc.funds = 0n;
  acc.state = "closed";
  ctx.gas.write();
}

/** x/escrow PaymentClose: an open payment closes; an overdrawn one stays overdrawn (its provider is still owed). */
export function closePayment(ctx: Ctx, p: PaymentRec): void {
  if (p.state === "closed") return;
  withdraw(ctx, p);
  if (p.state === "open") p.state = "closed";
  ctx.gas.write();
}
