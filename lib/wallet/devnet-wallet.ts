import { Secp256k1HdWallet, type StdSignature } from "@cosmjs/amino";
import { DirectSecp256k1HdWallet, type OfflineSigner } from "@cosmjs/proto-signing";
import { makeAdr36SignDoc } from "@/lib/auth/adr36";
import { AppError } from "@/lib/errors/app-error";
import type { Network } from "@/lib/networks";
import type { WalletAdapter, WalletKey } from "@/lib/wallet/types";

/**
 * tenant1 of the local devnet (devnet/accounts.ts and the README list it). This mnemonic is PUBLIC: it is printed in
 * the repository and guards nothing but play money on a network that runs on the tenant's own machine. It is the
 * only mnemonic allowed in lib/, it never leaves the browser, and the constructor below refuses every network
 * but the devnet, so it can never sign on sandbox-2 or akashnet-2.
 */
export const DEVNET_TEST_MNEMONIC = "test test test test test test test test test test test junk";

/** A wallet without an extension, so the first run and the tests work in any browser. */
export class DevnetTestWallet implements WalletAdapter {
  readonly kind = "devnet" as const;
  readonly label = "Devnet test account";
  private direct?: Promise<DirectSecp256k1HdWallet>;
  private amino?: Promise<Secp256k1HdWallet>;

  constructor(private readonly network: Network) {
    if (!network.allowsDevnetTestWallet) {
      throw new AppError(
        "wallet.wrong_chain",
        `The devnet test account exists only on the local devnet; the console is on ${network.chainName} (${network.chainId}). Connect Keplr or Leap instead.`,
      );
    }
  }

  private directWallet(): Promise<DirectSecp256k1HdWallet> {
    this.direct ??= DirectSecp256k1HdWallet.fromMnemonic(DEVNET_TEST_MNEMONIC, { prefix: this.network.bech32Prefix });
    return this.direct;
  }

  /** ADR-36 is an Amino sign doc: DirectSecp256k1HdWallet cannot sign one, its Amino twin (same key) can. */
  private aminoWallet(): Promise<Secp256k1HdWallet> {
    this.amino ??= Secp256k1HdWallet.fromMnemonic(DEVNET_TEST_MNEMONIC, { prefix: this.network.bech32Prefix });
    return this.amino;
  }

  async connect(): Promise<WalletKey> {
    return this.getKey();
  }

  async getKey(): Promise<WalletKey> {
    const [account] = await (await this.directWallet()).getAccounts();
    if (!account) throw new AppError("wallet.unknown", "The devnet test wallet has no account.");
    return { name: "Devnet test account (tenant1)", bech32Address: account.address, isNanoLedger: false, pubKey: account.pubkey };
  }

  getOfflineSigner(): Promise<OfflineSigner> {
    return this.directWallet();
  }

  async signArbitrary(signer: string, data: string): Promise<StdSignature> {
    const { signature } = await (await this.aminoWallet()).signAmino(signer, makeAdr36SignDoc(signer, data));
    return signature;
  }

  /** the account never changes */
  onAccountChange(): () => void {
    return () => {};
  }
}
