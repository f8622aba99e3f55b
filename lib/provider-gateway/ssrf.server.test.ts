import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { classifyAddress, resolveProviderTarget, ssrfOptionsFor, type Resolver, type SsrfOptions } from "@/lib/provider-gateway/ssrf.server";
import { resolveNetwork } from "@/lib/networks";

const mainnet = ssrfOptionsFor(resolveNetwork("akashnet-2"), false);
const devnet = ssrfOptionsFor(resolveNetwork("devnet"), true);
const dns = (answers: Record<string, string[]>): Resolver => async (host) => {
  const a = answers[host];
  if (!a) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  return a.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

async function refused(hostUri: string, opts: SsrfOptions = mainnet): Promise<string> {
  const err = await resolveProviderTarget(hostUri, opts).then(() => undefined, (e: unknown) => e);
  expect(err, hostUri).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("provider.unreachable");
  return (err as AppError).message;
}

describe("resolveProviderTarget", () => {
  it("refuses anything but https", async () => {
    expect(await refused("http://provider.example.com:8443")).toMatch(/http is not allowed, only https/);
    expect(await refused("file:///etc/passwd")).toMatch(/file is not allowed/);
    expect(await refused("gopher://1.2.3.4")).toMatch(/gopher is not allowed/);
    expect(await refused("not a url")).toMatch(/not a URL/);
  });

  it("refuses credentials in the URL", async () => {
    expect(await refused("https://user:pass@provider.example.com:8443")).toMatch(/credentials/);
    expect(await refused("https://user@8.8.8.8")).toMatch(/credentials/);
  });

  it("refuses private, link-local, metadata, multicast and unspecified literals", async () => {
    expect(await refused("https://10.0.0.5:8443")).toMatch(/private address \(10\.0\.0\.5\)/);
    expect(await refused("https://172.20.1.1")).toMatch(/private/);
    expect(await refused("https://192.168.1.1")).toMatch(/private/);
    expect(await refused("https://169.254.169.254/latest/meta-data")).toMatch(/linkLocal address \(169\.254\.169\.254\)/);
    expect(await refused("https://224.0.0.1")).toMatch(/multicast/);
    expect(await refused("https://0.0.0.0:8443")).toMatch(/unspecified/);
    expect(await refused("https://[::]:8443")).toMatch(/unspecified/);
    expect(await refused("https://[fe80::1]")).toMatch(/linkLocal/);
    expect(await refused("https://[fd00::1]")).toMatch(/uniqueLocal/);
    // the embedded IPv4 address decides for mapped and NAT64 forms
    expect(await refused("https://[::ffff:10.0.0.1]")).toMatch(/private/);
    expect(await refused("https://[::ffff:169.254.169.254]")).toMatch(/linkLocal/);
    // WHATWG URL turns 0x7f.1 into 127.0.0.1 before we look at it
    expect(await refused("https://0x7f.1:8443")).toMatch(/loopback/);
  });

  it("refuses loopback unless the network is the devnet", async () => {
    expect(await refused("https://127.0.0.1:8443")).toMatch(/loopback address \(127\.0\.0\.1\)/);
    expect(await refused("https://[::1]:8443")).toMatch(/loopback address \(::1\)/);
    expect(await refused("https://localhost:8443", { ...mainnet, resolve: dns({ localhost: ["127.0.0.1", "::1"] }) })).toMatch(/"localhost" points to a loopback/);
    const t = await resolveProviderTarget("https://127.0.0.1:8443", devnet);
    expect(t).toMatchObject({ address: "127.0.0.1", family: 4, servername: null });
    expect(await refused("https://10.0.0.1:8443", devnet)).toMatch(/private/);
  });

  it("refuses a name whose DNS answers a private address, even beside a public one", async () => {
    const resolve = dns({ "evil.example": ["10.1.2.3"], "mixed.example": ["93.184.216.34", "192.168.0.10"], "v6.example": ["::1"] });
    expect(await refused("https://evil.example:8443", { ...mainnet, resolve })).toMatch(/"evil\.example" points to a private address \(10\.1\.2\.3\)/);
    expect(await refused("https://mixed.example", { ...mainnet, resolve })).toMatch(/192\.168\.0\.10/);
    expect(await refused("https://v6.example", { ...mainnet, resolve })).toMatch(/loopback/);
    const err = await resolveProviderTarget("https://nowhere.example", { ...mainnet, resolve }).catch((e: AppError) => e);
    expect((err as AppError).code).toBe("provider.dns");
    expect((err as AppError).message).toMatch(/does not resolve \(ENOTFOUND\)/);
  });

  it("gives up on a name that does not resolve within the DNS deadline, as a DNS failure", async () => {
    const never: Resolver = () => new Promise(() => {});
    const started = Date.now();
    const err = await resolveProviderTarget("https://slow.example", { ...mainnet, resolve: never, dnsTimeoutMs: 150 }).catch((e: AppError) => e);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(err).toMatchObject({ code: "provider.dns" });
    expect((err as AppError).message).toMatch(/"slow\.example" did not resolve within 0\.15 s/);
  });

  it("pins a public name to the address it checked and keeps the name for SNI", async () => {
    const t = await resolveProviderTarget("https://provider.example.com:8443", { ...mainnet, resolve: dns({ "provider.example.com": ["93.184.216.34"] }) });
    expect(t).toMatchObject({ address: "93.184.216.34", family: 4, servername: "provider.example.com" });
    expect(t.url.port).toBe("8443");
  });
});

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "unicast"],
    ["2606:4700:4700::1111", "unicast"],
    ["::ffff:8.8.8.8", "unicast"],
    ["100.64.0.1", "carrierGradeNat"],
    ["198.18.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["0.1.2.3", "unspecified"],
    ["ff02::1", "multicast"],
    ["64:ff9b::a00:1", "rfc6052"],
    ["2001:db8::1", "reserved"],
    ["::808:808", "ipv4Compatible"],
    ["not-an-ip", "invalid"],
  ])("%s is %s", (ip, cls) => expect(classifyAddress(ip)).toBe(cls));

  // the ranges the security review found the old hand-written classifier let through (issue 11)
  it.each([
    ["fec0::1", "site-local (deprecated)"],
    ["2002:a00:1::1", "6to4 (embeds 10.0.0.1)"],
    ["64:ff9b:1::a00:1", "local-use NAT64"],
    ["::ffff:0:a00:1", "IPv4-translated"],
    ["2001::1", "Teredo"],
    ["192.88.99.1", "6to4 relay anycast"],
    ["100::1", "discard-only"],
  ])("refuses %s (%s)", (ip) => {
    expect(classifyAddress(ip)).not.toBe("unicast");
  });
});

describe("ssrfOptionsFor", () => {
  it("opens loopback only on the devnet, and only when CONSOLE_ALLOW_LOOPBACK_PROVIDERS says so", () => {
    expect(ssrfOptionsFor(resolveNetwork("devnet"), true)).toEqual({ allowLoopback: true });
    expect(ssrfOptionsFor(resolveNetwork("devnet"), false)).toEqual({ allowLoopback: false });
  });

  it("never opens loopback on another network, whatever the flag says", () => {
    for (const id of ["sandbox-2", "akashnet-2"] as const) {
      expect(ssrfOptionsFor(resolveNetwork(id), true)).toEqual({ allowLoopback: false });
      expect(ssrfOptionsFor(resolveNetwork(id, { NEXT_PUBLIC_REST_URL: "http://127.0.0.1:1317" }), true)).toEqual({ allowLoopback: false });
    }
  });
});
