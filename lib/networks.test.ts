import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { NETWORK_IDS, resolveNetwork, resolveNetworkFromEnv } from "@/lib/networks";

describe("resolveNetwork", () => {
  it("defaults to the local devnet, the only network that allows the test wallet", () => {
    const devnet = resolveNetworkFromEnv({});
    expect(devnet.id).toBe("devnet");
    expect(devnet.chainId).toBe("akash-devnet-1");
    expect(devnet.rpcUrl).toBe("http://127.0.0.1:26657");
    expect(devnet.restUrl).toBe("http://127.0.0.1:1317");
    expect(devnet.allowsDevnetTestWallet).toBe(true);
    expect(resolveNetwork("sandbox-2").allowsDevnetTestWallet).toBe(false);
    expect(resolveNetwork("akashnet-2").allowsDevnetTestWallet).toBe(false);
  });

  it("knows the public chain ids", () => {
    expect(resolveNetwork("sandbox-2").chainId).toBe("sandbox-2");
    expect(resolveNetwork("akashnet-2").chainId).toBe("akashnet-2");
  });

  it.each(NETWORK_IDS)("gives %s a Keplr chain-info with akash bech32, coin type 118, AKT and ACT", (id) => {
    const n = resolveNetwork(id);
    const info = n.keplrChainInfo;
    expect(info.chainId).toBe(n.chainId);
    expect(info.rpc).toBe(n.rpcUrl);
    expect(info.bip44.coinType).toBe(118);
    expect(info.bech32Config?.bech32PrefixAccAddr).toBe("akash");
    expect(info.currencies.map((c) => c.coinMinimalDenom)).toEqual(["uakt", "uact"]);
    expect(info.currencies.every((c) => c.coinDecimals === 6)).toBe(true);
    expect(info.feeCurrencies[0]?.coinMinimalDenom).toBe("uakt");
    expect(info.feeCurrencies[0]?.gasPriceStep).toEqual({ low: 0.0025, average: 0.025, high: 0.04 });
    expect(info.stakeCurrency?.coinMinimalDenom).toBe("uakt");
    expect(n.gasPrice).toBe("0.025uakt");
    expect(n.averageBlockTimeSeconds).toBeGreaterThan(0);
  });

  it("applies endpoint overrides from the environment, to the network and to its Keplr chain-info", () => {
    const n = resolveNetworkFromEnv({
      NEXT_PUBLIC_NETWORK: "sandbox-2",
      NEXT_PUBLIC_RPC_URL: "https://rpc.example.org/",
      NEXT_PUBLIC_REST_URL: "https://rest.example.org",
    });
    expect(n.id).toBe("sandbox-2");
    expect(n.rpcUrl).toBe("https://rpc.example.org");
    expect(n.keplrChainInfo.rest).toBe("https://rest.example.org");
  });

  it("treats blank variables as unset", () => {
    expect(resolveNetworkFromEnv({ NEXT_PUBLIC_NETWORK: "", NEXT_PUBLIC_RPC_URL: " " }).rpcUrl).toBe("http://127.0.0.1:26657");
  });

  it("refuses a non-http endpoint and an unknown network with a message naming the variable", () => {
    expect(() => resolveNetwork("devnet", { NEXT_PUBLIC_RPC_URL: "ftp://rpc.example.org" })).toThrow(/NEXT_PUBLIC_RPC_URL/);
    expect(() => resolveNetworkFromEnv({ NEXT_PUBLIC_NETWORK: "cosmoshub-4" })).toThrow(AppError);
  });
});
