import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env/server";

describe("parseServerEnv", () => {
  it("gives the embedded defaults", () => {
    expect(parseServerEnv({})).toEqual({ DATABASE_URL: "file:./data/console.db", NODE_ENV: "development" });
  });

  it("accepts the loopback-provider flag for the devnet, named or by default", () => {
    expect(parseServerEnv({ ALLOW_LOOPBACK_PROVIDERS: "true" }).ALLOW_LOOPBACK_PROVIDERS).toBe("true");
    expect(parseServerEnv({ ALLOW_LOOPBACK_PROVIDERS: "true", NEXT_PUBLIC_NETWORK: "devnet" }).ALLOW_LOOPBACK_PROVIDERS).toBe("true");
    expect(parseServerEnv({ ALLOW_LOOPBACK_PROVIDERS: "false", NEXT_PUBLIC_NETWORK: "akashnet-2" }).ALLOW_LOOPBACK_PROVIDERS).toBe("false");
  });

  it("refuses to start a configuration of another network that allows loopback providers", () => {
    for (const network of ["akashnet-2", "sandbox-2"]) {
      expect(() => parseServerEnv({ ALLOW_LOOPBACK_PROVIDERS: "true", NEXT_PUBLIC_NETWORK: network, NODE_ENV: "production" })).toThrow(
        new RegExp(`ALLOW_LOOPBACK_PROVIDERS: loopback providers are a devnet setting and cannot be allowed on ${network}`),
      );
    }
  });

  it("refuses a flag value that is not true or false", () => {
    expect(() => parseServerEnv({ ALLOW_LOOPBACK_PROVIDERS: "yes" })).toThrow(/The server configuration is invalid \(ALLOW_LOOPBACK_PROVIDERS/);
  });
});
