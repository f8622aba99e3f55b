import type { StdSignature } from "@cosmjs/amino";
import type { SigningStargateClient } from "@cosmjs/stargate";
import type { Network } from "@/lib/networks";
import type { WalletAdapter, WalletKey, WalletKind } from "@/lib/wallet/types";

/** The account the console signs with: what the UI shows of it, and the two ways it signs. */
export interface ConnectedWallet {
  kind: WalletKind;
  address: string;
  name: string;
  isLedger: boolean;
  pubkey: Uint8Array;
  /** cosmjs SigningStargateClient on the console's network with lib/chain registry + amino types and the network gas price */
  getSigningClient(): Promise<SigningStargateClient>;
  signArbitrary(data: string): Promise<StdSignature>;
}

/** The connected wallet for `key`; its signing client is made on first use and shared by every transaction. */
export function toConnectedWallet(adapter: WalletAdapter, key: WalletKey, network: Network): ConnectedWallet {
  let client: Promise<SigningStargateClient> | undefined;
  return {
    kind: adapter.kind,
    address: key.bech32Address,
    name: key.name,
    isLedger: key.isNanoLedger,
    pubkey: key.pubKey,
    getSigningClient() {
      client ??= (async () => {
        const [signer, { createSigningClient }] = await Promise.all([adapter.getOfflineSigner(), import("@/lib/wallet/signing-client")]);
        return createSigningClient(network, signer);
      })();
      // a failed connection (RPC down) is not cached: the next call tries again
      client.catch(() => (client = undefined));
      return client;
    },
    signArbitrary: (data) => adapter.signArbitrary(key.bech32Address, data),
  };
}
