import type { EncodeObject } from "@cosmjs/proto-signing";
import { GasPrice } from "@cosmjs/stargate";
import { mapTxError } from "@/lib/chain/tx-errors";
import type { Network } from "@/lib/networks";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { signAndBroadcast, type SignAndBroadcastClient, type TxResult, type TxStage } from "@/lib/wallet/sign-and-broadcast";

/** What a transaction needs from the wallet's client before it can be built (the height for a new dseq). */
export type MessageBuilder = (client: SignAndBroadcastClient & { getHeight(): Promise<number> }) => Promise<EncodeObject[]> | EncodeObject[];

/**
 * Every transaction the wizard sends: the connected wallet signs, the fee is paid at the network's gas price, and
 * each stage is reported. Connecting to the RPC node and building the messages happen inside the same reporting, so
 * a node that is down before anything is signed reports a `failed` stage too. Failures are thrown as AppError after
 * the `failed` stage has been reported.
 */
export async function signWithWallet(
  wallet: Pick<ConnectedWallet, "address" | "getSigningClient">,
  network: Network,
  msgs: EncodeObject[] | MessageBuilder,
  onStage: (stage: TxStage) => void,
): Promise<TxResult> {
  let client: Awaited<ReturnType<ConnectedWallet["getSigningClient"]>>;
  let messages: EncodeObject[];
  try {
    client = await wallet.getSigningClient();
    messages = typeof msgs === "function" ? await msgs(client) : msgs;
  } catch (e) {
    const error = mapTxError(e);
    onStage({ stage: "failed", error });
    throw error;
  }
  const gasPrice = GasPrice.fromString(network.gasPrice);
  return signAndBroadcast({
    client,
    signerAddress: wallet.address,
    msgs: messages,
    feeDenom: gasPrice.denom,
    gasPrice: gasPrice.amount.toString(),
    onStage,
  });
}
