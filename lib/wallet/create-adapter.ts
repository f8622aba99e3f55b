import type { Network } from "@/lib/networks";
import { getKeplrWallet } from "@/lib/wallet/keplr";
import { getLeapWallet } from "@/lib/wallet/leap";
import type { WalletWindow } from "@/lib/wallet/extension";
import type { WalletAdapter, WalletKind } from "@/lib/wallet/types";

/** The adapter for `kind` on the console's network; the extensions are found on `win` (the browser's window). */
export async function createWalletAdapter(kind: WalletKind, network: Network, win: WalletWindow): Promise<WalletAdapter> {
  if (kind === "keplr") return getKeplrWallet(network, win);
  if (kind === "leap") return getLeapWallet(network, win);
  // loaded on demand: most tenants never use it, and it pulls in bip39 and the HD wallets
  const { DevnetTestWallet } = await import("@/lib/wallet/devnet-wallet");
  return new DevnetTestWallet(network);
}
