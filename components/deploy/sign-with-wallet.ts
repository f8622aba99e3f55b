"use client";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { GasPrice } from "@cosmjs/stargate";
import type { ConnectedWallet } from "@/components/wallet/wallet-provider";
import type { Network } from "@/lib/networks";
import { signAndBroadcast, type TxResult, type TxStage } from "@/lib/wallet/sign-and-broadcast";

/**
 * Every transaction the wizard sends: the connected wallet signs, the fee is paid at the network's gas price, and
 * each stage is reported. Failures are thrown (as AppError) after the `failed` stage has been reported.
 */
export async function signWithWallet(wallet: ConnectedWallet, network: Network, msgs: EncodeObject[], onStage: (stage: TxStage) => void): Promise<TxResult> {
  const gasPrice = GasPrice.fromString(network.gasPrice);
  return signAndBroadcast({
    client: await wallet.getSigningClient(),
    signerAddress: wallet.address,
    msgs,
    feeDenom: gasPrice.denom,
    gasPrice: gasPrice.amount.toString(),
    onStage,
  });
}
