/**
 * The end blocker: x/escrow settles every open deployment account each block (payments at the lease price);
 * a deployment whose escrow ran dry is closed, its leases with the insufficient_funds state.
 */
import { Ctx, GasMeter, type AbciEvent } from "./context";
import { closeDeployment } from "./modules/deployment";
import { settleAccount } from "./modules/escrow";
import { deploymentKey, type AppState } from "./state";

export function endBlock(state: AppState, height: number, time: Date): AbciEvent[] {
  const ctx = new Ctx(state, height, time, new GasMeter(Number.MAX_SAFE_INTEGER));
  for (const acc of state.escrowAccounts.values()) {
    if (acc.scope !== "deployment" || acc.state !== "open") continue;
    const hasOpenPayments = [...state.payments.values()].some((p) => p.accountXid === acc.xid && p.state === "open");
    if (!hasOpenPayments) {
      acc.settledAt = height;
      continue;
    }
    const overdrawn = settleAccount(ctx, acc);
    if (overdrawn) {
      const [owner, dseq] = acc.xid.split("/");
      const dep = state.deployments.get(deploymentKey(owner!, BigInt(dseq!)));
      if (dep && dep.state === "active") closeDeployment(ctx, dep, "insufficient_funds");
    }
  }
  return ctx.events;
}
