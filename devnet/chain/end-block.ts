/**
 * The end blocker: x/oracle aggregates the AKT price (modules/oracle.ts), then escrow. The devnet settles every open deployment account each block (the chain settles lazily, when a
 * provider withdraws or the tenant deposits, which a tenant sees as the same balances a little later); an account
 * that runs dry turns overdrawn and its deployment closes as x/market's escrow hooks close it: groups and leases
 * insufficient_funds, leases with reason lease_closed_reason_insufficient_funds.
 */
import { Ctx, GasMeter, type AbciEvent } from "./context";
import { closeDeployment } from "./modules/deployment";
import { settleAccount } from "./modules/escrow";
import { oracleEndBlock } from "./modules/oracle";
import { deploymentKey, type AppState, type PaymentRec } from "./state";

export function endBlock(state: AppState, height: number, time: Date): AbciEvent[] {
  const ctx = new Ctx(state, height, time, new GasMeter(Number.MAX_SAFE_INTEGER));
  oracleEndBlock(ctx);
  // One pass over the payments, not one per account: a seeded owner has thousands of both.
  const open = new Map<string, PaymentRec[]>();
  for (const p of state.payments.values()) {
    if (p.state !== "open") continue;
    const list = open.get(p.accountXid);
    if (list) list.push(p);
    else open.set(p.accountXid, [p]);
  }
  for (const acc of state.escrowAccounts.values()) {
    if (acc.scope !== "deployment" || acc.state !== "open") continue;
    const payments = open.get(acc.xid);
    if (!payments) {
      acc.settledAt = height;
      continue;
    }
    const overdrawn = settleAccount(ctx, acc, payments);
    if (overdrawn) {
      const [owner, dseq] = acc.xid.split("/");
      const dep = state.deployments.get(deploymentKey(owner!, BigInt(dseq!)));
      if (dep && dep.state === "active") closeDeployment(ctx, dep, "insufficient_funds");
    }
  }
  return ctx.events;
}
