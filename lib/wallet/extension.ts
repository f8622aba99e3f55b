import type { StdSignature } from "@cosmjs/amino";
import type { OfflineSigner } from "@cosmjs/proto-signing";
import type { ChainInfo } from "@keplr-wallet/types";
import type { Network } from "@/lib/networks";
import { AppError } from "@/lib/errors/app-error";
import type { WalletAdapter, WalletKey } from "@/lib/wallet/types";
import { mapWalletError, walletMissing } from "@/lib/wallet/wallet-errors";

/**
 * The part of Keplr's injected API the console uses. Leap injects `window.leap` with the same methods
 * (Leap's docs: "Leap's API is compatible with Keplr's"), so one adapter serves both.
 */
export interface KeplrLikeApi {
  experimentalSuggestChain(chainInfo: ChainInfo): Promise<void>;
  enable(chainIds: string | string[]): Promise<void>;
  getKey(chainId: string): Promise<WalletKey>;
  getOfflineSignerAuto(chainId: string): Promise<unknown>;
  signArbitrary(chainId: string, signer: string, data: string | Uint8Array): Promise<StdSignature>;
}

/** The bits of `window` detection and events need; a test passes a small fake. */
export interface WalletWindow {
  document: Pick<Document, "readyState" | "addEventListener" | "removeEventListener">;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  keplr?: unknown;
  leap?: unknown;
}

export interface ExtensionSpec {
  kind: "keplr" | "leap";
  label: string;
  windowKey: "keplr" | "leap";
  /** the window event the extension fires when the tenant switches account */
  keystoreEvent: string;
}

/**
 * Extensions inject their object while the page loads, so reading `window.keplr` too early finds nothing. As
 * Keplr's docs advise: use it if it is there, otherwise wait until the document is complete and look once more.
 */
export function waitForExtension(win: WalletWindow, key: "keplr" | "leap"): Promise<KeplrLikeApi | undefined> {
  const read = () => (win[key] ? (win[key] as KeplrLikeApi) : undefined);
  const found = read();
  if (found || win.document.readyState === "complete") return Promise.resolve(found);
  return new Promise((resolve) => {
    const onChange = () => {
      if (win.document.readyState !== "complete") return;
      win.document.removeEventListener("readystatechange", onChange);
      resolve(read());
    };
    win.document.addEventListener("readystatechange", onChange);
  });
}

/**
 * Keplr and Leap know akashnet-2 already; the devnet and the sandbox must be suggested (which shows the tenant an
 * "add network" prompt the first time, and nothing afterwards while the chain info is unchanged).
 */
export function needsChainSuggestion(network: Network): boolean {
  return network.id !== "akashnet-2";
}

export class ExtensionWallet implements WalletAdapter {
  readonly kind: "keplr" | "leap";
  readonly label: string;

  constructor(
    private readonly spec: ExtensionSpec,
    private readonly network: Network,
    private readonly api: KeplrLikeApi,
    private readonly win: Pick<WalletWindow, "addEventListener" | "removeEventListener">,
  ) {
    this.kind = spec.kind;
    this.label = spec.label;
  }

  async connect(options: { silent?: boolean } = {}): Promise<WalletKey> {
    const { chainId } = this.network;
    await this.call(async () => {
      if (!options.silent && needsChainSuggestion(this.network)) await this.api.experimentalSuggestChain(this.network.keplrChainInfo);
      await this.api.enable(chainId);
    });
    return this.getKey();
  }

  async getKey(): Promise<WalletKey> {
    const key = await this.call(() => this.api.getKey(this.network.chainId));
    // an extension that answers for another chain (or an Ethereum-style account) must not sign here
    if (!key.bech32Address.startsWith(`${this.network.bech32Prefix}1`)) {
      throw new AppError("wallet.wrong_chain", `${this.label} answered with ${key.bech32Address}, which is not an Akash account. Switch ${this.label} to ${this.network.chainName} and connect again.`);
    }
    return { name: key.name, bech32Address: key.bech32Address, isNanoLedger: Boolean(key.isNanoLedger), pubKey: new Uint8Array(key.pubKey) };
  }

  async getOfflineSigner(): Promise<OfflineSigner> {
    // getOfflineSignerAuto returns an amino-only signer for Ledger accounts (the Cosmos Ledger app cannot sign
    // protobuf SignDocs) and a direct one otherwise. Keplr's types use Long where cosmjs uses bigint; Keplr
    // accepts both, so the cast is only about the declared types.
    return (await this.call(() => this.api.getOfflineSignerAuto(this.network.chainId))) as OfflineSigner;
  }

  signArbitrary(signer: string, data: string): Promise<StdSignature> {
    return this.call(() => this.api.signArbitrary(this.network.chainId, signer, data));
  }

  onAccountChange(listener: () => void): () => void {
    this.win.addEventListener(this.spec.keystoreEvent, listener);
    return () => this.win.removeEventListener(this.spec.keystoreEvent, listener);
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw mapWalletError(e, this.kind);
    }
  }
}

/** Finds the extension (waiting for the page to load) and wraps it, or throws `wallet.missing` with the install link. */
export async function connectableExtension(spec: ExtensionSpec, network: Network, win: WalletWindow): Promise<ExtensionWallet> {
  const api = await waitForExtension(win, spec.windowKey);
  if (!api) throw walletMissing(spec.kind);
  return new ExtensionWallet(spec, network, api, win);
}
