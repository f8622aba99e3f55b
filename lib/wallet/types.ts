import type { StdSignature } from "@cosmjs/amino";
import type { OfflineSigner } from "@cosmjs/proto-signing";

/** The wallets the console signs with. Keplr and Leap are browser extensions; "devnet" is built in (devnet only). */
export type WalletKind = "keplr" | "leap" | "devnet";

/** The selected account, as Keplr's getKey reports it. */
export interface WalletKey {
  /** the name the tenant gave the account in the wallet */
  name: string;
  bech32Address: string;
  /** Ledger's Cosmos app signs only Amino JSON, so such accounts get an amino-only signer */
  isNanoLedger: boolean;
  /** compressed secp256k1 public key */
  pubKey: Uint8Array;
}

/**
 * What the console needs from a wallet. Keplr and Leap implement it over their window objects, the devnet wallet
 * over a cosmjs HD wallet; the provider and the UI only know this interface.
 */
export interface WalletAdapter {
  readonly kind: WalletKind;
  /** "Keplr", "Leap", "Devnet test account": used in messages ("You rejected the request in Keplr.") */
  readonly label: string;
  /**
   * Makes the console's chain known to the wallet (suggest), asks for permission (enable) and reads the key.
   * `silent` skips the suggestion, for the reconnect on page load: it must not open a window on its own.
   */
  connect(options?: { silent?: boolean }): Promise<WalletKey>;
  getKey(): Promise<WalletKey>;
  /** direct + amino for software keys, amino only for Ledger (getOfflineSignerAuto) */
  getOfflineSigner(): Promise<OfflineSigner>;
  /** ADR-36 signature of `data` by `signer` */
  signArbitrary(signer: string, data: string): Promise<StdSignature>;
  /** Calls `listener` when the tenant switches account in the wallet; returns the unsubscribe function. */
  onAccountChange(listener: () => void): () => void;
}

export const WALLET_LABELS: Record<WalletKind, string> = {
  keplr: "Keplr",
  leap: "Leap",
  devnet: "Devnet test account",
};

export const INSTALL_URLS: Record<Exclude<WalletKind, "devnet">, string> = {
  keplr: "https://www.keplr.app/download",
  leap: "https://www.leapwallet.io/download",
};
