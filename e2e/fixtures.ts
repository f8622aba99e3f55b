import { Secp256k1HdWallet, type StdSignDoc } from "@cosmjs/amino";
import { fromBase64, toBase64 } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { test as base, type Page } from "@playwright/test";
import { TENANT1, type DevnetAccount } from "../devnet/accounts";
import { startDevnet } from "../devnet/start";
import { adr36Doc } from "../test/support/adr36";

export { expect } from "@playwright/test";
export { TENANT1, TENANT2 } from "../devnet/accounts";

/**
 * A fake `window.keplr` whose signatures are real: the page-side object forwards every call through
 * page.exposeFunction to cosmjs wallets here in Node (DirectSecp256k1HdWallet for direct, Secp256k1HdWallet for
 * amino and ADR-36), so the devnet and the console's server verify them as they would Keplr's.
 * Bytes cross the bridge as base64 and bigints as strings: exposeFunction passes JSON only.
 */
export interface FakeKeplrOptions {
  /** false: no extension at all, as for a tenant who never installed Keplr (default true) */
  installed?: boolean;
  /** the account Keplr has selected (default tenant1) */
  account?: DevnetAccount;
  /** a Ledger account: getKey().isNanoLedger, an amino-only getOfflineSignerAuto, and signDirect throws */
  ledger?: boolean;
  /** true: every signature request is rejected; "next": only the next one (as a tenant clicking Reject once) */
  reject?: boolean | "next";
}

export interface FakeKeplr {
  /** the account currently selected in the fake */
  readonly account: DevnetAccount;
  /** every method called by the page, in order ("enable akash-devnet-1", "signArbitrary", …) */
  readonly calls: string[];
  /** selects another account and fires keplr_keystorechange, as Keplr does when the tenant switches */
  switchAccount(account: DevnetAccount): Promise<void>;
  rejectNext(): void;
}

interface Wallets {
  direct: DirectSecp256k1HdWallet;
  amino: Secp256k1HdWallet;
}

export async function installFakeKeplr(page: Page, options: FakeKeplrOptions = {}): Promise<FakeKeplr> {
  let account = options.account ?? TENANT1;
  let rejectAll = options.reject === true;
  let rejectOnce = options.reject === "next";
  const calls: string[] = [];
  const cache = new Map<string, Promise<Wallets>>();
  const wallets = () => {
    const mnemonic = account.mnemonic;
    if (!cache.has(mnemonic)) {
      cache.set(
        mnemonic,
        Promise.all([DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "akash" }), Secp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "akash" })]).then(
          ([direct, amino]) => ({ direct, amino }),
        ),
      );
    }
    return cache.get(mnemonic)!;
  };
  const approve = () => {
    if (rejectAll || rejectOnce) {
      rejectOnce = false;
      throw new Error("Request rejected"); // Keplr's text when the tenant closes or rejects its window
    }
  };

  const handlers: Record<string, (...args: never[]) => Promise<unknown>> = {
    enable: async () => undefined,
    experimentalSuggestChain: async () => undefined,
    getKey: async () => {
      const [a] = await (await wallets()).direct.getAccounts();
      return { name: account.name, algo: "secp256k1", bech32Address: a!.address, pubKey: toBase64(a!.pubkey), isNanoLedger: Boolean(options.ledger), isKeystone: false };
    },
    getAccounts: async () => (await (await wallets()).direct.getAccounts()).map((a) => ({ address: a.address, algo: a.algo, pubkey: toBase64(a.pubkey) })),
    signDirect: async (signer: string, doc: { bodyBytes: string; authInfoBytes: string; chainId: string; accountNumber: string }) => {
      if (options.ledger) throw new Error("Ledger does not support direct signing"); // the Cosmos Ledger app signs amino only
      approve();
      const r = await (await wallets()).direct.signDirect(signer, {
        bodyBytes: fromBase64(doc.bodyBytes),
        authInfoBytes: fromBase64(doc.authInfoBytes),
        chainId: doc.chainId,
        accountNumber: BigInt(doc.accountNumber),
      });
      const s = r.signed;
      return { signed: { bodyBytes: toBase64(s.bodyBytes), authInfoBytes: toBase64(s.authInfoBytes), chainId: s.chainId, accountNumber: s.accountNumber.toString() }, signature: r.signature };
    },
    signAmino: async (signer: string, doc: StdSignDoc) => {
      approve();
      return (await wallets()).amino.signAmino(signer, doc);
    },
    signArbitrary: async (signer: string, data: string) => {
      approve();
      const { signature } = await (await wallets()).amino.signAmino(signer, adr36Doc(signer, data));
      return signature;
    },
  };

  await page.exposeFunction("__fakeKeplrBridge", async (method: string, args: unknown[]) => {
    calls.push(method === "enable" ? `enable ${String(args[0])}` : method);
    const handler = handlers[method];
    if (!handler) throw new Error(`fake Keplr: no method ${method}`);
    return handler(...(args as never[]));
  });
  await page.addInitScript(browserFakeKeplr, { ledger: Boolean(options.ledger) });

  return {
    get account() {
      return account;
    },
    calls,
    async switchAccount(next) {
      account = next;
      await page.evaluate(() => window.dispatchEvent(new Event("keplr_keystorechange")));
    },
    rejectNext() {
      rejectOnce = true;
      rejectAll = false;
    },
  };
}

/** Runs in the page (serialized by addInitScript): no closures over Node values, only `cfg`. */
function browserFakeKeplr(cfg: { ledger: boolean }) {
  type Bridge = (method: string, args: unknown[]) => Promise<unknown>;
  const bridge = (method: string, ...args: unknown[]) => (window as unknown as { __fakeKeplrBridge: Bridge }).__fakeKeplrBridge(method, args);
  const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const b64 = (u: Uint8Array) => btoa(Array.from(u, (c) => String.fromCharCode(c)).join(""));
  type Doc = { bodyBytes: Uint8Array; authInfoBytes: Uint8Array; chainId: string; accountNumber: bigint | { toString(): string } };

  const getAccounts = async () => ((await bridge("getAccounts")) as { address: string; algo: string; pubkey: string }[]).map((a) => ({ ...a, pubkey: bytes(a.pubkey) }));
  const signDirect = async (_chainId: string, signer: string, doc: Doc) => {
    const r = (await bridge("signDirect", signer, { bodyBytes: b64(doc.bodyBytes), authInfoBytes: b64(doc.authInfoBytes), chainId: doc.chainId, accountNumber: doc.accountNumber.toString() })) as {
      signed: { bodyBytes: string; authInfoBytes: string; chainId: string; accountNumber: string };
      signature: unknown;
    };
    return { signed: { bodyBytes: bytes(r.signed.bodyBytes), authInfoBytes: bytes(r.signed.authInfoBytes), chainId: r.signed.chainId, accountNumber: BigInt(r.signed.accountNumber) }, signature: r.signature };
  };
  const signAmino = (_chainId: string, signer: string, doc: unknown) => bridge("signAmino", signer, doc);
  const aminoSigner = (chainId: string) => ({ getAccounts, signAmino: (signer: string, doc: unknown) => signAmino(chainId, signer, doc) });
  const fullSigner = (chainId: string) => ({ ...aminoSigner(chainId), signDirect: (signer: string, doc: Doc) => signDirect(chainId, signer, doc) });

  const keplr = {
    version: "0.12.0-e2e-fake",
    mode: "extension",
    enable: (chainIds: string | string[]) => bridge("enable", chainIds),
    experimentalSuggestChain: (info: { chainId: string }) => bridge("experimentalSuggestChain", info.chainId),
    getKey: async (_chainId: string) => {
      const k = (await bridge("getKey")) as { pubKey: string; bech32Address: string };
      return { ...k, pubKey: bytes(k.pubKey), address: new Uint8Array(20), ethereumHexAddress: "" };
    },
    getOfflineSigner: fullSigner,
    getOfflineSignerOnlyAmino: aminoSigner,
    getOfflineSignerAuto: async (chainId: string) => (cfg.ledger ? aminoSigner(chainId) : fullSigner(chainId)),
    signDirect,
    signAmino,
    signArbitrary: (_chainId: string, signer: string, data: string) => bridge("signArbitrary", signer, data),
  };
  Object.defineProperty(window, "keplr", { value: keplr, configurable: true });
}

// ---- fixtures

export interface DevnetEndpointsFixture {
  rpc: string;
  rest: string;
  /** the devnet's admin API (faults, seeding, the oracle's price) */
  admin: string;
  /** false when a devnet was already listening on the default ports and is reused */
  startedHere: boolean;
}

const DEFAULT_RPC = "http://127.0.0.1:26657";
const DEFAULT_REST = "http://127.0.0.1:1317";
const DEFAULT_ADMIN = "http://127.0.0.1:26660";

async function listening(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** What a test gets for `wallet` when the extension is not installed: using it is a mistake in the test. */
function noKeplr(): FakeKeplr {
  const absent = (): never => {
    throw new Error("this test runs without Keplr (walletOptions.installed is false)");
  };
  return {
    get account() {
      return absent();
    },
    calls: [],
    switchAccount: absent,
    rejectNext: absent,
  };
}

export const test = base.extend<{ walletOptions: FakeKeplrOptions; wallet: FakeKeplr }, { devnet: DevnetEndpointsFixture }>({
  /** per test or file: test.use({ walletOptions: { ledger: true } }), or { installed: false } for no extension */
  walletOptions: [{}, { option: true }],
  /** Automatic: every page has the fake Keplr before it loads anything, unless walletOptions.installed is false. */
  wallet: [
    async ({ page, walletOptions }, provide) => {
      await provide(walletOptions.installed === false ? noKeplr() : await installFakeKeplr(page, walletOptions));
    },
    { auto: true },
  ],
  /**
   * Automatic: the console's default network is the devnet on 127.0.0.1:26657 / 1317, so it is started on exactly
   * those ports (in this worker, for all its tests), or reused when one is already listening there (npm start,
   * another run).
   */
  devnet: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from this pattern
    async ({}, provide) => {
      if (await listening(`${DEFAULT_RPC}/status`)) {
        await provide({ rpc: DEFAULT_RPC, rest: DEFAULT_REST, admin: DEFAULT_ADMIN, startedHere: false });
        return;
      }
      const devnet = await startDevnet();
      try {
        await provide({ rpc: devnet.endpoints.rpc, rest: devnet.endpoints.rest, admin: devnet.endpoints.admin, startedHere: true });
      } finally {
        await devnet.stop();
      }
    },
    { scope: "worker", timeout: 120_000, auto: true },
  ],
});
