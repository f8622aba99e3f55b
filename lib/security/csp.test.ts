import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp";

const base = { nonce: "abc", rpcUrl: "http://127.0.0.1:26657", restUrl: "http://127.0.0.1:1317", dev: false };

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce in production", () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("lets the browser reach the chain's RPC, its websocket and REST, and nothing else outside", () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:26657 ws://127.0.0.1:26657 http://127.0.0.1:1317");
    const https = contentSecurityPolicy({ ...base, rpcUrl: "https://rpc.akashnet.net:443", restUrl: "https://api.akashnet.net:443" });
    expect(https).toContain("wss://rpc.akashnet.net:443");
  });
});
