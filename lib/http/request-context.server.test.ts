import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env/server";
import { canonicalOrigin, clientAddress } from "@/lib/http/request-context.server";
import { parsePage } from "@/lib/http/page-param";

const env = (vars: Record<string, string> = {}) => parseServerEnv(vars, "devnet");
const request = (headers: Record<string, string>, url = "http://localhost:3000/api/x") => new Request(url, { headers });

describe("clientAddress", () => {
  it("takes the right-most X-Forwarded-For hop that is not a trusted proxy", () => {
    const behindProxy = env({ CONSOLE_TRUSTED_PROXIES: "10.0.0.0/8" });
    // the client sent "1.1.1.1" itself; the proxy 10.0.0.5 appended the real peer 203.0.113.9
    expect(clientAddress(request({ "x-forwarded-for": "1.1.1.1, 203.0.113.9, 10.0.0.5" }), behindProxy)).toBe("203.0.113.9");
  });

  it("trusts no hop when no proxy is configured: the last one is the peer's", () => {
    expect(clientAddress(request({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" }), env())).toBe("203.0.113.9");
    expect(clientAddress(request({}), env())).toBe("unknown");
  });

  it("counts an IPv6 client by its /64 and an IPv4-mapped one as IPv4", () => {
    expect(clientAddress(request({ "x-forwarded-for": "2001:db8:1:2:aaaa::1" }), env())).toBe("2001:db8:1:2::/64");
    expect(clientAddress(request({ "x-forwarded-for": "::ffff:192.0.2.7" }), env())).toBe("192.0.2.7");
  });
});

describe("canonicalOrigin", () => {
  it("is the configured origin whatever the request's headers say", () => {
    const configured = env({ CONSOLE_ORIGIN: "https://console.example.org" });
    expect(canonicalOrigin(request({ host: "phish.example", "x-forwarded-host": "phish.example" }), configured)).toBe("https://console.example.org");
  });

  it("without configuration, answers for a loopback Host only, and says what to set otherwise", () => {
    expect(canonicalOrigin(request({ host: "127.0.0.1:3000", "x-forwarded-host": "phish.example" }), env())).toBe("http://127.0.0.1:3000");
    expect(() => canonicalOrigin(request({ host: "console.example.org" }), env())).toThrow(/set CONSOLE_ORIGIN/);
  });
});

describe("parsePage", () => {
  it("accepts a positive integer page and reads anything else as page 1", () => {
    expect(parsePage("3")).toBe(3);
    for (const bad of ["0", "-1", "2.5", "abc", "1e308", "99999999999", "", undefined, null]) expect(parsePage(bad)).toBe(1);
    expect(parsePage(["4", "5"])).toBe(4);
  });
});
