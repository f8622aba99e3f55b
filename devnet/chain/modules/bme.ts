/**
 * x/bme v1 MsgMintACT: burn AKT, mint ACT at the oracle price. The devnet has no oracle and no epochs:
 * it executes the ledger record at once at a fixed price (params.AKT_PRICE_IN_ACT ACT per AKT).
 */
import { BME_MODULE, burnCoins, mintCoins, sendCoins } from "../bank";
import { akashV1 } from "../codec";
import type { Ctx } from "../context";
import { bmeErr, sdkErr } from "../errors";
import { AKT_PRICE_IN_ACT, DENOM_ACT, DENOM_AKT } from "../params";
import { requireAddress } from "./deployment";

export function mintAct(ctx: Ctx, msg: akashV1.MsgMintACT): void {
  requireAddress(msg.owner, "owner");
  const to = msg.to || msg.owner;
  requireAddress(to, "to");
  const c = msg.coinsToBurn;
  if (!c || !/^\d+$/.test(c.amount) || c.amount === "0") throw sdkErr.invalidCoins("coins_to_burn must be positive");
  if (c.denom !== DENOM_AKT) throw bmeErr.invalidDenom(`can only burn ${DENOM_AKT} to mint ${DENOM_ACT}, got ${c.denom}`);
  const burned = { denom: DENOM_AKT, amount: BigInt(c.amount) };
  const minted = { denom: DENOM_ACT, amount: burned.amount * AKT_PRICE_IN_ACT };
  sendCoins(ctx, msg.owner, BME_MODULE, [burned]);
  burnCoins(ctx, BME_MODULE, [burned]);
  mintCoins(ctx, BME_MODULE, [minted]);
  sendCoins(ctx, BME_MODULE, to, [minted]);
  ctx.emitTyped("akash.bme.v1.EventLedgerRecordExecuted", {
    id: { denom: DENOM_AKT, to_denom: DENOM_ACT, source: msg.owner, height: String(ctx.height), sequence: "0" },
  });
}
