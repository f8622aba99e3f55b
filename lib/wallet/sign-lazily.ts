import type { EncodeObject } from "@cosmjs/proto-signing";
import { AppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import type { TxResult, TxStage } from "@/lib/wallet/sign-and-broadcast";
import type { MessageBuilder } from "@/lib/wallet/sign-with-wallet";

export type TxKit = typeof import("@/lib/wallet/tx-kit");

/** The transaction code, loaded once on the first action; a failed load is said, and tried again on the next. */
let kit: Promise<TxKit> | undefined;
export function loadTxKit(): Promise<TxKit> {
  kit ??= import("@/lib/wallet/tx-kit").catch((e: unknown) => {
    kit = undefined;
    throw new AppError("console.unreachable", "The signing code could not be loaded from the console (the connection may have dropped). Nothing was signed; try again.", { cause: e });
  });
  return kit;
}

/**
 * signWithWallet with the transaction code loaded first: the messages are built from the loaded kit, and a failed
 * load is reported as the transaction's failed stage, like any other failure before signing.
 */
export async function signLazily(
  wallet: Pick<ConnectedWallet, "address" | "getSigningClient">,
  network: Network,
  build: (kit: TxKit) => EncodeObject[] | MessageBuilder,
  onStage: (stage: TxStage) => void,
): Promise<TxResult> {
  let loaded: TxKit;
  try {
    loaded = await loadTxKit();
  } catch (e) {
    const error = e as AppError;
    onStage({ stage: "failed", error });
    throw error;
  }
  return loaded.signWithWallet(wallet, network, build(loaded), onStage);
}
