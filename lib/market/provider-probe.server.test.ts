import { X509Certificate } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeProvider } from "@/lib/market/provider-probe.server";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";

let fx: DevnetFixture;
const DEVNET = { allowLoopback: true };

beforeAll(async () => {
  fx = await startDevnetFixture();
  await fx.fleet!.registered;
});
afterAll(() => fx?.stop());

const provider = (i: number) => {
  const address = fx.fleet!.profiles[i]!.account.address;
  return { address, hostUri: fx.devnet.endpoints.providers[address]! };
};

describe("probeProvider against the devnet gateways", () => {
  it("reads /status over TLS without a CA chain and reports the certificate's fingerprint", async () => {
    const { address, hostUri } = provider(0);
    const r = await probeProvider(hostUri, DEVNET);
    expect(r).toMatchObject({ ok: true, error: null });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    // the gateway serves the certificate the provider registered on chain: that is what pinning will compare
    const onChain = new X509Certificate(fx.fleet!.certificate(address)!.certPem);
    expect(r.tlsFingerprint256).toBe(onChain.fingerprint256);
  });

  it("reports a gateway answering 500 and one that is down", async () => {
    const { address, hostUri } = provider(1);
    await fx.fleet!.setFault(address, "http500");
    expect(await probeProvider(hostUri, DEVNET)).toMatchObject({ ok: false, error: "HTTP 500" });
    await fx.fleet!.setFault(address, "down");
    const down = await probeProvider(hostUri, DEVNET);
    expect(down.ok).toBe(false);
    expect(down.error).toMatch(/ECONNREFUSED/);
    await fx.fleet!.setFault(address, null);
    expect((await probeProvider(hostUri, DEVNET)).ok).toBe(true);
  });

  it("does not contact a loopback gateway on a network other than the devnet", async () => {
    const r = await probeProvider(provider(2).hostUri, { allowLoopback: false });
    expect(r).toMatchObject({ ok: false, latencyMs: null, tlsFingerprint256: null });
    expect(r.error).toMatch(/loopback address/);
  });

  it("gives up on a gateway that accepts the connection and never answers", async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    const started = Date.now();
    const r = await probeProvider(`https://127.0.0.1:${port}`, { allowLoopback: true, timeoutMs: 300 });
    silent.close();
    expect(r).toMatchObject({ ok: false, error: "no answer within 0.3 s" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
