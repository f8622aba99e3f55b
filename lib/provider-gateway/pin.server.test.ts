import { TENANT1 } from "@/devnet/accounts";
import { certificateManager } from "@akashnetwork/chain-sdk";
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCertificateMsg, revokeCertificateMsg } from "@/lib/chain/messages";
import { createRestClient, type RestClient } from "@/lib/chain/rest";
import { AppError } from "@/lib/errors/app-error";
import { startDevnetFixture, type DevnetFixture } from "@/test/support/devnet";
import { createPinVerifier, decimalSerial, lookupFromRest, type CertLookup } from "@/lib/provider-gateway/pin.server";

// The "provider" here is tenant1: any account can hold certificates, and tenant1 can sign its own on the devnet.
// The lookup is the real one: cert v1 on the devnet's REST, by owner and serial.
let fx: DevnetFixture;
let rest: RestClient;

beforeAll(async () => {
  fx = await startDevnetFixture({ providers: false });
  rest = createRestClient(fx.devnet.endpoints.rest);
});
afterAll(() => fx?.stop());

async function register(opts: { validFrom?: Date; validTo?: Date } = {}): Promise<X509Certificate> {
  const pem = await certificateManager.generatePEM(TENANT1.address, opts);
  const res = await fx.client.signAndBroadcast(TENANT1.address, [createCertificateMsg({ owner: TENANT1.address, certPem: pem.cert, pubkeyPem: pem.publicKey })], "auto");
  expect(res.code, res.rawLog).toBe(0);
  return new X509Certificate(pem.cert);
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => new Error("accepted"),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

function counting(lookup: CertLookup) {
  let calls = 0;
  return { lookup: ((o, s) => (calls++, lookup(o, s))) as CertLookup, calls: () => calls };
}

describe("createPinVerifier", () => {
  it("accepts a certificate that is on chain under the provider's address, valid, with the same bytes", async () => {
    const cert = await register();
    await expect(createPinVerifier({ lookup: lookupFromRest(rest) }).verify(TENANT1.address, cert)).resolves.toBeUndefined();
  });

  it("refuses a certificate the provider never registered, naming the provider, serial and fingerprint", async () => {
    const stray = new X509Certificate((await certificateManager.generatePEM(TENANT1.address)).cert);
    const e = await refusal(createPinVerifier({ lookup: lookupFromRest(rest) }).verify(TENANT1.address, stray));
    expect(e.code).toBe("provider.tls_pin");
    expect(e.message).toContain(`Provider ${TENANT1.address} serves a certificate (serial ${decimalSerial(stray)}, SHA-256 ${stray.fingerprint256}) that is not one of its certificates on chain`);
  });

  it("refuses a registered certificate when it is asked to pin another provider", async () => {
    const cert = await register();
    const e = await refusal(createPinVerifier({ lookup: lookupFromRest(rest) }).verify("akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k", cert));
    expect(e.message).toMatch(/^Provider akash1ftvgh9rdfnn48rtjy2x4xw50tsr6vzfc8npy7k serves a certificate .* not one of its certificates on chain/);
  });

  it("refuses a certificate whose bytes differ from the on-chain one of the same serial", async () => {
    const served = await register();
    const other = (await certificateManager.generatePEM(TENANT1.address)).cert;
    // what a chain record under the served serial but with other bytes looks like (the chain keys certs by serial)
    const lookup: CertLookup = async (_owner, serial) => [{ serial, state: "valid", certPem: other }];
    const e = await refusal(createPinVerifier({ lookup }).verify(TENANT1.address, served));
    expect(e.code).toBe("provider.tls_pin");
    expect(e.message).toContain(`whose bytes differ from the on-chain certificate of that serial (served SHA-256 ${served.fingerprint256}, on chain ${new X509Certificate(other).fingerprint256})`);
  });

  it("says provider.cert_expired for an on-chain certificate past its validity", async () => {
    const expired = await register({ validFrom: new Date(Date.now() - 400 * 86_400_000), validTo: new Date(Date.now() - 35 * 86_400_000) });
    const e = await refusal(createPinVerifier({ lookup: lookupFromRest(rest) }).verify(TENANT1.address, expired));
    expect(e.code).toBe("provider.cert_expired");
    expect(e.message).toMatch(new RegExp(`^Provider ${TENANT1.address}'s certificate \\(serial ${decimalSerial(expired)}\\) expired on \\d{4}-`));
  });

  it("refuses a certificate revoked on chain", async () => {
    const cert = await register();
    const res = await fx.client.signAndBroadcast(TENANT1.address, [revokeCertificateMsg({ owner: TENANT1.address, serial: decimalSerial(cert) })], "auto");
    expect(res.code, res.rawLog).toBe(0);
    const e = await refusal(createPinVerifier({ lookup: lookupFromRest(rest) }).verify(TENANT1.address, cert));
    expect(e.message).toContain(`serial ${decimalSerial(cert)}, which is revoked on chain`);
  });

  it("refuses to connect when the chain cannot be read (no silent accept)", async () => {
    const down = createRestClient("http://127.0.0.1:1", fetch, { timeoutMs: 1_000 });
    const cert = await register();
    const e = await refusal(createPinVerifier({ lookup: lookupFromRest(down) }).verify(TENANT1.address, cert));
    expect(e.code).toBe("provider.tls_pin");
    expect(e.message).toMatch(/could not check provider .* against the chain, so it did not connect/);
  });

  it("asks the chain once per provider and serial while the answer is fresh, and again after", async () => {
    const cert = await register();
    let clock = Date.now();
    const c = counting(lookupFromRest(rest));
    const pin = createPinVerifier({ lookup: c.lookup, now: () => clock, ttlMs: 60_000 });
    await Promise.all([pin.verify(TENANT1.address, cert), pin.verify(TENANT1.address, cert)]);
    await pin.verify(TENANT1.address, cert);
    expect(c.calls()).toBe(1);
    clock += 61_000;
    await pin.verify(TENANT1.address, cert);
    expect(c.calls()).toBe(2);
  });

  it("asks again soon about a serial that was not on chain, so a certificate registered a moment ago is accepted", async () => {
    const pem = await certificateManager.generatePEM(TENANT1.address);
    const cert = new X509Certificate(pem.cert);
    let clock = Date.now();
    const pin = createPinVerifier({ lookup: lookupFromRest(rest), now: () => clock, negativeTtlMs: 5_000 });
    await refusal(pin.verify(TENANT1.address, cert));
    await fx.client.signAndBroadcast(TENANT1.address, [createCertificateMsg({ owner: TENANT1.address, certPem: pem.cert, pubkeyPem: pem.publicKey })], "auto");
    await refusal(pin.verify(TENANT1.address, cert)); // still remembered as absent
    clock += 5_001;
    await expect(pin.verify(TENANT1.address, cert)).resolves.toBeUndefined();
  });
});
