import type { ChainInfo, Currency, FeeCurrency } from "@keplr-wallet/types";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/**
 * The networks the console knows. Nothing else in the code base hard-codes a chain id or an endpoint: everything
 * asks `resolveNetwork` (pure, for tests and the server) or `getNetworkFromEnv` (the browser's configuration).
 */
export const NETWORK_IDS = ["devnet", "sandbox-2", "akashnet-2"] as const;
export type NetworkId = (typeof NETWORK_IDS)[number];
export const DEFAULT_NETWORK_ID: NetworkId = "devnet";

export interface DenomInfo {
  /** on-chain base denom */
  denom: string;
  /** what the tenant reads */
  symbol: string;
  decimals: number;
}

export interface Network {
  id: NetworkId;
  chainId: string;
  chainName: string;
  rpcUrl: string;
  restUrl: string;
  bech32Prefix: "akash";
  denoms: { akt: DenomInfo; act: DenomInfo };
  /** cosmjs GasPrice string, e.g. "0.025uakt" */
  gasPrice: string;
  /** seconds; used to turn per-block prices into per-month ones */
  averageBlockTimeSeconds: number;
  /** the documented devnet mnemonic may only ever sign on the devnet */
  allowsDevnetTestWallet: boolean;
  keplrChainInfo: ChainInfo;
}

export const AKT: DenomInfo = { denom: "uakt", symbol: "AKT", decimals: 6 };
/** ACT is the BME compute credit, minted by burning AKT; one ACT is one US dollar by construction. */
export const ACT: DenomInfo = { denom: "uact", symbol: "ACT", decimals: 6 };

const GAS_PRICE_STEP = { low: 0.0025, average: 0.025, high: 0.04 } as const;

interface NetworkDefaults {
  chainId: string;
  chainName: string;
  rpcUrl: string;
  restUrl: string;
  averageBlockTimeSeconds: number;
  allowsDevnetTestWallet: boolean;
  isTestnet: boolean;
}

const DEFAULTS: Record<NetworkId, NetworkDefaults> = {
  devnet: {
    chainId: "akash-devnet-1",
    chainName: "Akash Devnet (local)",
    rpcUrl: "http://127.0.0.1:26657",
    restUrl: "http://127.0.0.1:1317",
    // the devnet commits a block every second unless configured otherwise
    averageBlockTimeSeconds: 1,
    allowsDevnetTestWallet: true,
    isTestnet: true,
  },
  // endpoints as published for the console in akash-network/console packages/net (netConfigData "sandbox-2")
  "sandbox-2": {
    chainId: "sandbox-2",
    chainName: "Akash Sandbox",
    rpcUrl: "https://rpc.sandbox-2.aksh.pw:443",
    restUrl: "https://api.sandbox-2.aksh.pw:443",
    averageBlockTimeSeconds: 6,
    allowsDevnetTestWallet: false,
    isTestnet: true,
  },
  "akashnet-2": {
    chainId: "akashnet-2",
    chainName: "Akash",
    rpcUrl: "https://rpc.akashnet.net:443",
    restUrl: "https://api.akashnet.net:443",
    averageBlockTimeSeconds: 6.117,
    allowsDevnetTestWallet: false,
    isTestnet: false,
  },
};

function keplrCurrency(d: DenomInfo): Currency {
  return { coinDenom: d.symbol, coinMinimalDenom: d.denom, coinDecimals: d.decimals };
}

/** Hand-written rather than fetched from a chain registry: the devnet is in no registry, and a fetch is a trust boundary. */
function keplrChainInfo(d: NetworkDefaults, rpcUrl: string, restUrl: string): ChainInfo {
  const akt: Currency = { ...keplrCurrency(AKT), coinGeckoId: "akash-network" };
  const fee: FeeCurrency = { ...akt, gasPriceStep: GAS_PRICE_STEP };
  return {
    chainId: d.chainId,
    chainName: d.chainName,
    rpc: rpcUrl,
    rest: restUrl,
    bip44: { coinType: 118 },
    bech32Config: {
      bech32PrefixAccAddr: "akash",
      bech32PrefixAccPub: "akashpub",
      bech32PrefixValAddr: "akashvaloper",
      bech32PrefixValPub: "akashvaloperpub",
      bech32PrefixConsAddr: "akashvalcons",
      bech32PrefixConsPub: "akashvalconspub",
    },
    currencies: [akt, keplrCurrency(ACT)],
    feeCurrencies: [fee],
    stakeCurrency: akt,
    isTestnet: d.isTestnet,
  };
}

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  .transform((u) => u.replace(/\/+$/, ""));

const overridesSchema = z.object({
  NEXT_PUBLIC_NETWORK: z.enum(NETWORK_IDS).optional(),
  NEXT_PUBLIC_RPC_URL: httpUrl.optional(),
  NEXT_PUBLIC_REST_URL: httpUrl.optional(),
});

/** Values as they come from the environment; empty strings count as unset (a blank line in .env). */
export type NetworkEnv = Partial<Record<keyof z.input<typeof overridesSchema>, string | undefined>>;

function parseOverrides(env: NetworkEnv): z.output<typeof overridesSchema> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = overridesSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new AppError("config.invalid", `The network configuration is invalid (${issues}). Fix the environment and restart the console.`, {
      details: { issues: parsed.error.issues },
    });
  }
  return parsed.data;
}

export function isNetworkId(value: string): value is NetworkId {
  return (NETWORK_IDS as readonly string[]).includes(value);
}

/** The network `id` with its endpoints overridden by NEXT_PUBLIC_RPC_URL / NEXT_PUBLIC_REST_URL when set. */
export function resolveNetwork(id: NetworkId, env: NetworkEnv = {}): Network {
  const d = DEFAULTS[id];
  const o = parseOverrides(env);
  const rpcUrl = o.NEXT_PUBLIC_RPC_URL ?? d.rpcUrl;
  const restUrl = o.NEXT_PUBLIC_REST_URL ?? d.restUrl;
  return {
    id,
    chainId: d.chainId,
    chainName: d.chainName,
    rpcUrl,
    restUrl,
    bech32Prefix: "akash",
    denoms: { akt: AKT, act: ACT },
    gasPrice: `${GAS_PRICE_STEP.average}${AKT.denom}`,
    averageBlockTimeSeconds: d.averageBlockTimeSeconds,
    allowsDevnetTestWallet: d.allowsDevnetTestWallet,
    keplrChainInfo: keplrChainInfo(d, rpcUrl, restUrl),
  };
}

/** Picks the network named by NEXT_PUBLIC_NETWORK (devnet when unset) and applies the endpoint overrides. */
export function resolveNetworkFromEnv(env: NetworkEnv): Network {
  const o = parseOverrides(env);
  return resolveNetwork(o.NEXT_PUBLIC_NETWORK ?? DEFAULT_NETWORK_ID, env);
}

/**
 * The browser's network. Next.js inlines NEXT_PUBLIC_* only where `process.env.NAME` is written out literally,
 * so each variable is named here and nowhere else.
 */
export function getNetworkFromEnv(): Network {
  return resolveNetworkFromEnv({
    NEXT_PUBLIC_NETWORK: process.env.NEXT_PUBLIC_NETWORK,
    NEXT_PUBLIC_RPC_URL: process.env.NEXT_PUBLIC_RPC_URL,
    NEXT_PUBLIC_REST_URL: process.env.NEXT_PUBLIC_REST_URL,
  });
}
