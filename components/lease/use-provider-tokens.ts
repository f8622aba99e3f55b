"use client";
import { useEffect, useMemo } from "react";
import type { ConnectedWallet } from "@/lib/wallet/connected-wallet";
import type { ProviderTokens } from "@/lib/provider-gateway/jwt";

// One token store per account for the life of the tab, so moving between pages does not ask the wallet to sign
// again; memory only (lib/provider-gateway/jwt.ts). Another account's tokens are dropped when it is no longer the
// connected one.
const stores = new Map<string, ProviderTokens>();

/** The store for `wallet`; chain-sdk's JWT code loads with the first token, not with the page. */
function lazyStore(wallet: Pick<ConnectedWallet, "address" | "kind" | "signArbitrary">): ProviderTokens {
  let inner: Promise<ProviderTokens> | undefined;
  const load = () =>
    (inner ??= import("@/lib/provider-gateway/jwt").then(({ createProviderTokens }) =>
      createProviderTokens({ address: wallet.address, kind: wallet.kind, signArbitrary: (data) => wallet.signArbitrary(data) }),
    ));
  return {
    get: (provider) => load().then((tokens) => tokens.get(provider)),
    clear: () => void inner?.then((tokens) => tokens.clear()),
  };
}

function storeFor(wallet: Pick<ConnectedWallet, "address" | "kind" | "signArbitrary">): ProviderTokens {
  let store = stores.get(wallet.address);
  if (!store) {
    store = lazyStore(wallet);
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
