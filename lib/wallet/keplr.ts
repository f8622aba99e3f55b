import type { Network } from "@/lib/networks";
import { connectableExtension, type ExtensionSpec, type ExtensionWallet, waitForExtension, type WalletWindow } from "@/lib/wallet/extension";

/** Keplr fires `keplr_keystorechange` on window when the tenant selects another account (docs.keplr.app). */
export const KEPLR: ExtensionSpec = { kind: "keplr", label: "Keplr", windowKey: "keplr", keystoreEvent: "keplr_keystorechange" };

export async function isKeplrInstalled(win: WalletWindow): Promise<boolean> {
  return Boolean(await waitForExtension(win, "keplr"));
}

export function getKeplrWallet(network: Network, win: WalletWindow): Promise<ExtensionWallet> {
  return connectableExtension(KEPLR, network, win);
}
