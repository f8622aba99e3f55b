/** The message router: type URL -> who must sign it, which module it belongs to, and its handler. */
import { parseCoin, sendCoins } from "./bank";
import { akashV1, akashV1beta4, akashV1beta5, cosmos } from "./codec";
import type { Ctx } from "./context";
import { escrowErr, sdkErr } from "./errors";
import { createCertificate, revokeCertificate } from "./modules/cert";
import { closeDeploymentMsg, createDeployment, requireAddress, updateDeployment } from "./modules/deployment";
import { depositEscrow, getEscrowAccount } from "./modules/escrow";
import { closeBid, closeLease, createBid, createLease, withdrawLease } from "./modules/market";
import { createProvider, signProviderAttributes, updateProvider } from "./modules/provider";
import { mintAct } from "./modules/bme";

interface Route {
  module: string;
  /** gas charged before the handler runs, on top of the reads and writes it meters */
  baseGas: number;
  signer(msg: any): string;
  handle(ctx: Ctx, msg: any): void;
}

function msgSend(ctx: Ctx, msg: cosmos.MsgSend): void {
  requireAddress(msg.fromAddress, "from");
  requireAddress(msg.toAddress, "to");
  if (msg.amount.length === 0) throw sdkErr.invalidCoins("empty amount");
  sendCoins(ctx, msg.fromAddress, msg.toAddress, msg.amount.map(parseCoin));
}

function accountDeposit(ctx: Ctx, msg: akashV1.MsgAccountDeposit): void {
  requireAddress(msg.signer, "signer");
  const scope = msg.id?.scope === 1 ? "deployment" : msg.id?.scope === 2 ? "bid" : "";
  if (!scope || !msg.id?.xid) throw escrowErr.accountNotFound("invalid escrow account id");
  const acc = getEscrowAccount(ctx, scope, msg.id.xid);
  if (!acc) throw escrowErr.accountNotFound(`${scope}/${msg.id.xid}`);
  depositEscrow(ctx, acc, msg.signer, parseCoin(msg.deposit?.amount));
}

export const routes: Record<string, Route> = {
  [`/${cosmos.MsgSend.$type}`]: { module: "bank", baseGas: 20_000, signer: (m) => m.fromAddress, handle: msgSend },
  [`/${akashV1beta4.MsgCreateDeployment.$type}`]: {
    module: "deployment",
    baseGas: 60_000,
    signer: (m) => m.id?.owner ?? "",
    handle: createDeployment,
  },
  [`/${akashV1beta4.MsgUpdateDeployment.$type}`]: {
    module: "deployment",
    baseGas: 30_000,
    signer: (m) => m.id?.owner ?? "",
    handle: updateDeployment,
  },
  [`/${akashV1beta4.MsgCloseDeployment.$type}`]: {
    module: "deployment",
    baseGas: 40_000,
    signer: (m) => m.id?.owner ?? "",
    handle: closeDeploymentMsg,
  },
  [`/${akashV1beta5.MsgCreateBid.$type}`]: { module: "market", baseGas: 40_000, signer: (m) => m.id?.provider ?? "", handle: createBid },
  [`/${akashV1beta5.MsgCloseBid.$type}`]: { module: "market", baseGas: 30_000, signer: (m) => m.id?.provider ?? "", handle: closeBid },
  [`/${akashV1beta5.MsgCreateLease.$type}`]: { module: "market", baseGas: 50_000, signer: (m) => m.bidId?.owner ?? "", handle: createLease },
  [`/${akashV1beta5.MsgCloseLease.$type}`]: { module: "market", baseGas: 30_000, signer: (m) => m.id?.owner ?? "", handle: closeLease },
  [`/${akashV1beta5.MsgWithdrawLease.$type}`]: { module: "market", baseGas: 20_000, signer: (m) => m.id?.provider ?? "", handle: withdrawLease },
  [`/${akashV1.MsgAccountDeposit.$type}`]: { module: "escrow", baseGas: 30_000, signer: (m) => m.signer, handle: accountDeposit },
  [`/${akashV1.MsgCreateCertificate.$type}`]: { module: "cert", baseGas: 20_000, signer: (m) => m.owner, handle: createCertificate },
  [`/${akashV1.MsgRevokeCertificate.$type}`]: { module: "cert", baseGas: 20_000, signer: (m) => m.id?.owner ?? "", handle: revokeCertificate },
  [`/${akashV1beta4.MsgCreateProvider.$type}`]: { module: "provider", baseGas: 30_000, signer: (m) => m.owner, handle: createProvider },
  [`/${akashV1beta4.MsgUpdateProvider.$type}`]: { module: "provider", baseGas: 30_000, signer: (m) => m.owner, handle: updateProvider },
  [`/${akashV1.MsgSignProviderAttributes.$type}`]: { module: "audit", baseGas: 30_000, signer: (m) => m.auditor, handle: signProviderAttributes },
  [`/${akashV1.MsgMintACT.$type}`]: { module: "bme", baseGas: 40_000, signer: (m) => m.owner, handle: mintAct },
};
