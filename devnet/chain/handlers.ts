/** The message router: type URL -> who must sign it, which module it belongs to, and its handler. */
import { parseCoin, sendCoins } from "./bank";
import { akashV1, akashV1beta4, akashV1beta5, cosmos } from "./codec";
import type { Ctx } from "./context";
import { sdkErr } from "./errors";
import { createCertificate, revokeCertificate, validateCreateCertificate, validateRevokeCertificate } from "./modules/cert";
import { requireAddress } from "./modules/checks";
import { closeDeploymentMsg, createDeployment, updateDeployment } from "./modules/deployment";
import { accountDeposit, validateAccountDeposit } from "./modules/escrow";
import { closeBid, closeLease, createBid, createLease, withdrawLease } from "./modules/market";
import { createProvider, signProviderAttributes, updateProvider, validateCreateProvider, validateUpdateProvider } from "./modules/provider";
import { mintAct, validateMintAct } from "./modules/bme";

interface Route<M = unknown> {
  module: string;
  /** gas charged before the handler runs, on top of the reads and writes it meters */
  baseGas: number;
  signer(msg: M): string;
  /** the message's ValidateBasic, which baseapp runs before the ante handler (CheckTx included), unwrapped */
  validateBasic?(msg: M): void;
  handle(ctx: Ctx, msg: M): void;
}

/** A route for messages of type M (decoded by the codec registered for the same type URL in codec.ts). */
const route = <M>(r: Route<M>): Route => r as Route;

function msgSend(ctx: Ctx, msg: cosmos.MsgSend): void {
  requireAddress(msg.fromAddress, "from");
  requireAddress(msg.toAddress, "to");
  if (msg.amount.length === 0) throw sdkErr.invalidCoins("empty amount");
  sendCoins(ctx, msg.fromAddress, msg.toAddress, msg.amount.map(parseCoin));
}


export const routes: Record<string, Route> = {
  [`/${cosmos.MsgSend.$type}`]: route<cosmos.MsgSend>({ module: "bank", baseGas: 20_000, signer: (m) => m.fromAddress, handle: msgSend }),
  [`/${akashV1beta4.MsgCreateDeployment.$type}`]: route<akashV1beta4.MsgCreateDeployment>({
    module: "deployment",
    baseGas: 60_000,
    signer: (m) => m.id?.owner ?? "",
    handle: createDeployment,
  }),
  [`/${akashV1beta4.MsgUpdateDeployment.$type}`]: route<akashV1beta4.MsgUpdateDeployment>({
    module: "deployment",
    baseGas: 30_000,
    signer: (m) => m.id?.owner ?? "",
    handle: updateDeployment,
  }),
  [`/${akashV1beta4.MsgCloseDeployment.$type}`]: route<akashV1beta4.MsgCloseDeployment>({
    module: "deployment",
    baseGas: 40_000,
    signer: (m) => m.id?.owner ?? "",
    handle: closeDeploymentMsg,
  }),
  [`/${akashV1beta5.MsgCreateBid.$type}`]: route<akashV1beta5.MsgCreateBid>({ module: "market", baseGas: 40_000, signer: (m) => m.id?.provider ?? "", handle: createBid }),
  [`/${akashV1beta5.MsgCloseBid.$type}`]: route<akashV1beta5.MsgCloseBid>({ module: "market", baseGas: 30_000, signer: (m) => m.id?.provider ?? "", handle: closeBid }),
  [`/${akashV1beta5.MsgCreateLease.$type}`]: route<akashV1beta5.MsgCreateLease>({ module: "market", baseGas: 50_000, signer: (m) => m.bidId?.owner ?? "", handle: createLease }),
  [`/${akashV1beta5.MsgCloseLease.$type}`]: route<akashV1beta5.MsgCloseLease>({ module: "market", baseGas: 30_000, signer: (m) => m.id?.owner ?? "", handle: closeLease }),
  [`/${akashV1beta5.MsgWithdrawLease.$type}`]: route<akashV1beta5.MsgWithdrawLease>({ module: "market", baseGas: 20_000, signer: (m) => m.id?.provider ?? "", handle: withdrawLease }),
  [`/${akashV1.MsgAccountDeposit.$type}`]: route<akashV1.MsgAccountDeposit>({ module: "escrow", baseGas: 30_000, signer: (m) => m.signer, validateBasic: validateAccountDeposit, handle: accountDeposit }),
  [`/${akashV1.MsgCreateCertificate.$type}`]: route<akashV1.MsgCreateCertificate>({ module: "cert", baseGas: 20_000, signer: (m) => m.owner, validateBasic: validateCreateCertificate, handle: createCertificate }),
  [`/${akashV1.MsgRevokeCertificate.$type}`]: route<akashV1.MsgRevokeCertificate>({ module: "cert", baseGas: 20_000, signer: (m) => m.id?.owner ?? "", validateBasic: validateRevokeCertificate, handle: revokeCertificate }),
  [`/${akashV1beta4.MsgCreateProvider.$type}`]: route<akashV1beta4.MsgCreateProvider>({ module: "provider", baseGas: 30_000, signer: (m) => m.owner, validateBasic: validateCreateProvider, handle: createProvider }),
  [`/${akashV1beta4.MsgUpdateProvider.$type}`]: route<akashV1beta4.MsgUpdateProvider>({ module: "provider", baseGas: 30_000, signer: (m) => m.owner, validateBasic: validateUpdateProvider, handle: updateProvider }),
  [`/${akashV1.MsgSignProviderAttributes.$type}`]: route<akashV1.MsgSignProviderAttributes>({ module: "audit", baseGas: 30_000, signer: (m) => m.auditor, handle: signProviderAttributes }),
  [`/${akashV1.MsgMintACT.$type}`]: route<akashV1.MsgMintACT>({ module: "bme", baseGas: 40_000, signer: (m) => m.owner, validateBasic: validateMintAct, handle: mintAct }),
};
