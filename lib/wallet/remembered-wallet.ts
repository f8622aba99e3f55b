import type { WalletKind } from "@/lib/wallet/types";

/** Which wallet to reconnect on the next visit: a kind, never a key or an address. */
const STORAGE_KEY = "akash-console.wallet-kind";
const KINDS: readonly string[] = ["keplr", "leap", "devnet"] satisfies WalletKind[];

export function rememberedWalletKind(storage: Pick<Storage, "getItem">): WalletKind | null {
  const kind = storage.getItem(STORAGE_KEY);
  return kind !== null && KINDS.includes(kind) ? (kind as WalletKind) : null;
}

export function rememberWalletKind(storage: Pick<Storage, "setItem">, kind: WalletKind): void {
  storage.setItem(STORAGE_KEY, kind);
}

export function forgetWalletKind(storage: Pick<Storage, "removeItem">): void {
  storage.removeItem(STORAGE_KEY);
}
