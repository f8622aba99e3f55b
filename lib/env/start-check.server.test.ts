import { describe, expect, it } from "vitest";
import { startChecks, type StartCheckInput } from "@/lib/env/start-check.server";
import { checkNodeChainId, chainIdOfStatus } from "@/lib/env/chain-id";
import { parseServerEnv } from "@/lib/env/server";
import { resolveNetwork } from "@/lib/networks";

const devnet = resolveNetwork("devnet");
const status = (network: string) => async () => ({ jsonrpc: "2.0", id: -1, result: { node_info: { network } } });
const input = (over: Partial<StartCheckInput> = {}): StartCheckInput => ({
  built: { NEXT_PUBLIC_NETWORK: "devnet" },
  runtime: { NEXT_PUBLIC_NETWORK: "devnet" },
  production: true,
  network: devnet,
  fetchStatus: status("akash-devnet-1"),
  ...over,
});

describe("checkNodeChainId", () => {
  it("accepts the configured chain and names both chains when the node is on another", () => {
    expect(checkNodeChainId(devnet, "akash-devnet-1")).toBeNull();
    const e = checkNodeChainId(devnet, "akashnet-2")!;
    expect(e.code).toBe("wallet.wrong_chain");
    expect(e.message).toMatch(/"akashnet-2".*built for devnet \("akash-devnet-1"\)/);
  });

  it("reads the chain id of a CometBFT /status answer, with or without the JSON-RPC envelope", () => {
    expect(chainIdOfStatus({ result: { node_info: { network: "sandbox-2" } } })).toBe("sandbox-2");
    expect(chainIdOfStatus({ node_info: { network: "sandbox-2" } })).toBe("sandbox-2");
    expect(chainIdOfStatus({ result: {} })).toBeNull();
  });
});

describe("startChecks", () => {
  it("passes a production devnet build against a devnet node", async () => {
    expect(await startChecks(input())).toEqual({ fatal: [], warnings: [] });
  });

  it("refuses a production build that names no network", async () => {
    const r = await startChecks(input({ built: {}, runtime: {} }));
    expect(r.fatal.join()).toMatch(/NEXT_PUBLIC_NETWORK is not set/);
  });

  it("refuses a node on another chain than the build's", async () => {
    const r = await startChecks(input({ fetchStatus: status("akashnet-2") }));
    expect(r.fatal.join()).toMatch(/on chain "akashnet-2"/);
  });

  it("refuses NEXT_PUBLIC_* values that differ from the build's", async () => {
    const r = await startChecks(input({ runtime: { NEXT_PUBLIC_NETWORK: "akashnet-2" } }));
    expect(r.fatal.join()).toMatch(/NEXT_PUBLIC_NETWORK is "akashnet-2" here but the build has "devnet"/);
  });

  it("only warns when the node cannot be reached", async () => {
    const r = await startChecks(input({ fetchStatus: () => Promise.reject(new Error("ECONNREFUSED")) }));
    expect(r.fatal).toEqual([]);
    expect(r.warnings.join()).toMatch(/could not be reached/);
  });
});

describe("CONSOLE_ALLOW_LOOPBACK_PROVIDERS", () => {
  it("is off by default, allowed on the devnet, and refused on any other network", () => {
    expect(parseServerEnv({}, "devnet").CONSOLE_ALLOW_LOOPBACK_PROVIDERS).toBe(false);
    expect(parseServerEnv({ CONSOLE_ALLOW_LOOPBACK_PROVIDERS: "1" }, "devnet").CONSOLE_ALLOW_LOOPBACK_PROVIDERS).toBe(true);
    expect(() => parseServerEnv({ CONSOLE_ALLOW_LOOPBACK_PROVIDERS: "1" }, "akashnet-2")).toThrow(/only allowed on the devnet/);
    expect(() => parseServerEnv({ CONSOLE_ALLOW_LOOPBACK_PROVIDERS: "yes" }, "devnet")).toThrow(/CONSOLE_ALLOW_LOOPBACK_PROVIDERS must be 1 or 0/);
  });
});

describe("parseServerEnv", () => {
  it("keeps an origin without its path and refuses one with a path", () => {
    expect(parseServerEnv({ CONSOLE_ORIGIN: "https://console.example.org" }, "devnet").CONSOLE_ORIGIN).toBe("https://console.example.org");
    expect(() => parseServerEnv({ CONSOLE_ORIGIN: "https://console.example.org/app" }, "devnet")).toThrow(/CONSOLE_ORIGIN must be an origin without a path/);
  });

  it("parses trusted proxies and names a bad entry", () => {
    expect(parseServerEnv({ CONSOLE_TRUSTED_PROXIES: "10.0.0.1, 10.1.0.0/16, ::1" }, "devnet").CONSOLE_TRUSTED_PROXIES).toHaveLength(3);
    expect(() => parseServerEnv({ CONSOLE_TRUSTED_PROXIES: "10.0.0.1, proxy.local" }, "devnet")).toThrow(/"proxy.local" is not an IP address/);
  });
});
