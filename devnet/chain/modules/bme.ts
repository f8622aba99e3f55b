/**
 * x/bme v1 MsgMintACT: burn AKT, mint ACT at the oracle's price (x/oracle GetAggregatedPrice: the TWAP, ACT pegged
 * to $1; an unhealthy price refuses the request with ErrPriceStalled). The devnet has no epochs: it executes the
 * ledger record at once. Validation and errors as akash-network/node x/bme/handler (MintACT -> BurnMint) and
 * keeper RequestBurnMint / prepareToBM (mint = burned x priceFrom / priceTo, truncated).
 */
import { BME_MODULE, burnCoins, mintCoins, sendCoins } from "../bank";
import { akashV1 } from "../codec";
import type { Ctx } from "../context";
import { bmeErr, sdkErr } from "../errors";
import { DENOM_ACT, DENOM_AKT } from "../params";
import { aggregatedPrice } from "./oracle";
import { fromBech32 } from "@cosmjs/encoding";

const bech32Error = (addr: string): string | undefined => {
  if (addr === "") return "empty address string is not allowed";
  try {
    const { prefix } = fromBech32(addr);
    return prefix === "akash" ? undefined : `invalid Bech32 prefix; expected akash, got ${prefix}`;
  } catch (e) {
    return `decoding bech32 failed: ${(e as Error).message}`;
  }
};

/** MsgMintACT.ValidateBasic (chain-sdk go/node/bme/v1/msgs.go), run at CheckTx and again by the handler. */
export function validateMintAct(msg: akashV1.MsgMintACT): void {
  const ownerErr = bech32Error(msg.owner);
  if (ownerErr) throw sdkErr.invalidAddress(`invalid owner address: ${ownerErr}`);
  const toErr = bech32Error(msg.to);
  if (toErr) throw sdkErr.invalidAddress(`invalid to address: ${toErr}`);
  const c = msg.coinsToBurn;
  if (!c || !/^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/.test(c.denom)) throw sdkErr.invalidCoins(`invalid coins: invalid denom: ${c?.denom ?? ""}`);
  if (!/^\d+$/.test(c.amount)) throw sdkErr.invalidCoins(`invalid coins: negative coin amount: ${c.amount}`);
  if (BigInt(c.amount) === 0n) throw bmeErr.invalidAmount("amount must not be 0");
}

export function mintAct(ctx: Ctx, msg: akashV1.MsgMintACT): void {
  validateMintAct(msg);
  const c = msg.coinsToBurn!;
  // x/bme keeper RequestBurnMint: only uakt -> uact (MsgMintACT) and uact -> uakt (MsgBurnACT) are routes
  if (c.denom !== DENOM_AKT) throw bmeErr.invalidDenom(`invalid swap route ${c.denom} -> ${DENOM_ACT}`);
  const priceFrom = aggregatedPrice(ctx, DENOM_AKT);
  const priceTo = aggregatedPrice(ctx, DENOM_ACT);
  const burned = { denom: DENOM_AKT, amount: BigInt(c.amount) };
  const minted = { denom: DENOM_ACT, amount: (burned.amount * priceFrom) / priceTo };
  sendCoins(ctx, msg.owner, BME_MODULE, [burned]);
  burnCoins(ctx, BME_MODULE, [burned]);
  mintCoins(ctx, BME_MODULE, [minted]);
  sendCoins(ctx, BME_MODULE, msg.to, [minted]);
  ctx.emitTyped("akash.bme.v1.EventLedgerRecordExecuted", {
    id: { denom: DENOM_AKT, to_denom: DENOM_ACT, source: msg.owner, height: String(ctx.height), sequence: "0" },
  });
}
