/** The message router: type URL -> who must sign it, which module it belongs to, and its handler. */
import { parseCoin, sendCoins } from "./bank";
import { akashV1, akashV1beta4, akashV1beta5, cosmos } from "./codec";
import type { Ctx } from "./context";
import { sdkErr } from "./errors";
import { createCertificate, revokeCertificate, validateCreateCertificate, validateRevokeCertificate } from "./modules/cert";
import { closeDeploymentMsg, createDeployment, requireAddress, updateDeployment } from "./modules/deployment";
import { accountDeposit, validateAccountDeposit } from "./modules/escrow";
import { closeBid, closeLease, createBid, createLease, withdrawLease } from "./modules/market";
import { createProvider, signProviderAttributes, updateProvider, validateCreateProvider, validateUpdateProvider } from "./modules/provider";
import { mintAct, validateMintAct } from "./modules/bme";

interface Route {
  module: string;
  /** gas charged before the handler runs, on top of the reads and writes it meters */
  baseGas: number;
  signer(msg: any): string;
  /** the message's ValidateBasic, which baseapp runs before the ante handler (CheckTx included), unwrapped */
  validateBasic?(msg: any): void;
  handle(ctx: Ctx, msg: any): void;
}

function msgSend(ctx: Ctx, msg: cosmos.MsgSend): void {
  requireAddress(msg.fromAddress, "from");
  requireAddress(msg.toAddress, "to");
  if (msg.amount.length === 0) throw sdkErr.invalidCoins("empty amount");
  sendCoins(ctx, msg.fromAddress, msg.toAddress, msg.amount.map(parseCoin));
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
  [`/${akashV1.MsgAccountDeposit.$type}`]: { module: "escrow", baseGas: 30_000, signer: (m) => m.signer, validateBasic: validateAccountDeposit, handle: accountDeposit },
  [`/${akashV1.MsgCreateCertificate.$type}`]: { module: "cert", baseGas: 20_000, signer: (m) => m.owner, validateBasic: validateCreateCertificate, handle: createCertificate },
  [`/${akashV1.MsgRevokeCertificate.$type}`]: { module: "cert", baseGas: 20_000, signer: (m) => m.id?.owner ?? "", validateBasic: validateRevokeCertificate, handle: revokeCertificate },
  [`/${akashV1beta4.MsgCreateProvider.$type}`]: { module: "provider", baseGas: 30_000, signer: (m) => m.owner, validateBasic: validateCreateProvider, handle: createProvider },
  [`/${akashV1beta4.MsgUpdateProvider.$type}`]: { module: "provider", baseGas: 30_000, signer: (m) => m.owner, validateBasic: validateUpdateProvider, handle: updateProvider },
  [`/${akashV1.MsgSignProviderAttributes.$type}`]: { module: "audit", baseGas: 30_000, signer: (m) => m.auditor, handle: signProviderAttributes },
  [`/${akashV1.MsgMintACT.$type}`]: { module: "bme", baseGas: 40_000, signer: (m) => m.owner, validateBasic: validateMintAct, handle: mintAct },
};
