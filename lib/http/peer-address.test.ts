import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env/server";
import { clientAddress } from "@/lib/http/request-context.server";
import { forwardedForWithPeer } from "@/lib/http/peer-address";

const asSeenByNext = (sent: string | undefined, peer: string, proxies = "") =>
  clientAddress(
    new Request("http://127.0.0.1/", { headers: { "x-forwarded-for": forwardedForWithPeer(sent, peer) ?? "" } }),
    parseServerEnv(proxies ? { CONSOLE_TRUSTED_PROXIES: proxies } : {}, "devnet"),
  );

describe("forwardedForWithPeer", () => {
  it("appends the connected peer to what the request carried", () => {
    expect(forwardedForWithPeer("198.51.100.7", "10.0.0.2")).toBe("198.51.100.7, 10.0.0.2");
    expect(forwardedForWithPeer(undefined, "10.0.0.2")).toBe("10.0.0.2");
    expect(forwardedForWithPeer(["a", "b"], undefined)).toBe("a, b");
  });

  it("leaves a client no way to choose its own address when it connects directly", () => {
    expect(asSeenByNext("203.0.113.9", "198.51.100.7")).toBe("198.51.100.7");
  });

  it("names the client a configured proxy vouches for", () => {
    expect(asSeenByNext("203.0.113.9", "10.0.0.2", "10.0.0.0/8")).toBe("203.0.113.9");
  });
});
