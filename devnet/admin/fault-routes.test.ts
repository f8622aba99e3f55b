/** The admin endpoint's provider fault routes, against a whole devnet (real chain, real provider gateways). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDER_ACCOUNTS } from "../accounts";
import { request } from "../../test/support/gateway-client";
import { startDevnet, type Devnet } from "../start";

const P = PROVIDER_ACCOUNTS[1]!.address;
let d: Devnet;

const post = async (path: string, body?: unknown) => {
  const r = await fetch(`${d.endpoints.admin}${path}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};
const faults = async () => (await (await fetch(`${d.endpoints.admin}/faults`)).json()) as Record<string, Record<string, unknown>>;

beforeAll(async () => {
  d = await startDevnet({ rpcPort: 0, restPort: 0, adminPort: 0, providerBasePort: 0, blockTimeMs: 100 });
});
afterAll(() => d?.stop());

describe("admin: POST /fault/<kind>", () => {
  it("answers with the provider's fault state, which GET /faults also shows", async () => {
    const r = await post("/fault/manifest-500", { provider: P, times: 3 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ provider: P, manifest500: 3, mode: null });
    expect((await faults())[P]).toMatchObject({ manifest500: 3 });
    expect(await post("/fault/stall-status", { provider: P, ms: 250 })).toMatchObject({ status: 200, body: { stallStatusMs: 250 } });
    expect(await post("/fault/drop-logs", { provider: P, afterFrames: 10 })).toMatchObject({ body: { dropLogs: { afterFrames: 10, streams: 1 } } });
    expect(await post("/fault/huge-log-line", { provider: P })).toMatchObject({ body: { hugeLogLinePending: 10 * 1024 * 1024 } });
    expect(await post("/fault/shell-failure", { provider: P })).toMatchObject({ body: { shellFailures: 1 } });
    expect(await post("/fault/kube-unavailable", { provider: P })).toMatchObject({ body: { kubeUnavailable: true } });
  });

  it("clear resets the injected faults and the mode", async () => {
    await post("/fault", { provider: P, fault: "http500" });
    const r = await post("/fault/clear", { provider: P });
    expect(r.body).toEqual({
      provider: P,
      mode: null,
      dropLogs: null,
      manifest500: 0,
      stallStatusMs: 0,
      hugeLogLinePending: null,
      shellFailures: 0,
      kubeUnavailable: false,
    });
    expect((await request(`${d.endpoints.providers[P]}/version`)).status).toBe(200);
  });

  it("400 names the bad field; 404 for an address that is not a provider", async () => {
    const bad = await post("/fault/manifest-500", { provider: P, times: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^times: /);
    expect((await post("/fault/stall-status", { provider: P })).body.error).toMatch(/^ms: /);
    expect((await post("/fault/drop-logs", { provider: "akash1nope", afterFrames: 1 })).body.error).toMatch(/^provider: must be a provider's akash1/);
    const tenant = "akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy";
    expect(await post("/fault/manifest-500", { provider: tenant, times: 1 })).toEqual({ status: 404, body: { error: `unknown provider ${tenant}` } });
  });
});

describe("admin: POST /fault expired-cert", () => {
  it("registers the expired certificate on chain before serving it", async () => {
    expect((await post("/fault", { provider: P, fault: "expired-cert" })).status).toBe(200);
    const served = (await request(`${d.endpoints.providers[P]}/version`)).peerCert!;
    expect(new Date(served.valid_to).getTime()).toBeLessThan(Date.now());
    const serial = BigInt("0x" + served.serialNumber).toString();
    const list = (await (await fetch(`${d.endpoints.rest}/akash/cert/v1/certificates/list?filter.owner=${P}&filter.serial=${serial}`)).json()) as {
      certificates: { certificate: { state: string } }[];
    };
    expect(list.certificates.map((c) => c.certificate.state)).toEqual(["valid"]);
    await post("/fault", { provider: P, fault: null });
  });
});
