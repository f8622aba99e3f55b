"use client";
import { useEffect, useMemo } from "react";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import { createProviderTokens, type ProviderTokens } from "@/lib/provider-gateway/jwt";

// One token store per account for the life of the tab, so moving between pages does not ask the wallet to sign
// again; memory only (lib/provider-gateway/jwt.ts). Another account's tokens are dropped when it is no longer the
// connected one.
const stores = new Map<string, ProviderTokens>();

function storeFor(wallet: Pick<ConnectedWallet, "address" | "kind" | "signArbitrary">): ProviderTokens {
  let store = stores.get(wallet.address);
  if (!store) {
    store = createProviderTokens({ address: wallet.address, kind: wallet.kind, signArbitrary: (data) => wallet.signArbitrary(data) });
    stores.set(wallet.address, store);
  }
  return store;
}

/** The connected account's provider tokens (AEP-64, one per provider, signed by the wallet when first needed). */
export function useProviderTokens(wallet: ConnectedWallet | null): ProviderTokens | null {
  const tokens = useMemo(() => (wallet ? storeFor(wallet) : null), [wallet]);
  useEffect(() => {
    for (const [address, store] of stores) {
      if (address === wallet?.address) continue;
      store.clear();
      stores.delete(address);
    }
  }, [wallet]);
  return tokens;
}
