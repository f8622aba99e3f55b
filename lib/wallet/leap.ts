import type { Network } from "@/lib/networks";
import { connectableExtension, type ExtensionSpec, type ExtensionWallet, waitForExtension, type WalletWindow } from "@/lib/wallet/extension";

/** Leap injects `window.leap` with Keplr's interface and fires `leap_keystorechange` on an account switch. */
export const LEAP: ExtensionSpec = { kind: "leap", label: "Leap", windowKey: "leap", keystoreEvent: "leap_keystorechange" };

export async function isLeapInstalled(win: WalletWindow): Promise<boolean> {
  return Boolean(await waitForExtension(win, "leap"));
}

export function getLeapWallet(network: Network, win: WalletWindow): Promise<ExtensionWallet> {
  return connectableExtension(LEAP, network, win);
}
